package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// benchCorpus is the article texts of the shared corpus: the dev articles,
// the reference story and the extraction benchmark's ground truth.
func benchCorpus(b *testing.B) []string {
	var texts []string
	for _, g := range loadGoldQuiet(filepath.Join("testdata", "guard", "dev", "*.json")) {
		texts = append(texts, g.Text)
	}
	if raw, err := os.ReadFile(filepath.Join(sharedDir, "corpus", "fulltext", "aeb", "ground-truth.json")); err == nil {
		var gt map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if json.Unmarshal(raw, &gt) == nil {
			for _, a := range gt {
				texts = append(texts, a.ArticleBody)
			}
		}
	}
	for _, g := range loadGoldQuiet(filepath.Join("testdata", "articles", "*.json")) {
		texts = append(texts, g.Text)
	}
	if len(texts) == 0 {
		b.Skip("no corpus found under " + sharedDir)
	}
	return texts
}

// BenchmarkExtract reports throughput over the whole corpus (MB/s) and,
// through -benchmem, allocations per article (allocs/op ÷ articles/op).
func BenchmarkExtract(b *testing.B) {
	texts := benchCorpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t)
		}
	}
	b.ReportMetric(float64(len(texts)), "articles/op")
}

// BenchmarkExtractArticle is one average article per op, so allocs/op is
// allocations per article.
func BenchmarkExtractArticle(b *testing.B) {
	texts := benchCorpus(b)
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Extract(texts[i%len(texts)])
	}
}

package fulltext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// aebFloor is just under the mean word-level F1 that Article measured on
// the benchmark (0.961); a drop below it means a regression in the
// extractor, the parsing or the rendering of its output.
const aebFloor = 0.955

// TestAEBScore scores Article on the article-extraction benchmark; -v
// prints precision, recall, F1, time and allocation per page.
func TestAEBScore(t *testing.T) {
	pages := loadAEB(t)
	res := runAEB(t, pages, Article)
	t.Logf("readability: %v", res)
	if res.F1 < aebFloor {
		t.Errorf("mean F1 %.3f below floor %.3f", res.F1, aebFloor)
	}
	if res.Errors > 0 {
		t.Errorf("%d pages failed", res.Errors)
	}
	if res.convention > 0 {
		t.Errorf("%d outputs break the paragraph convention", res.convention)
	}
}

// TestAEBElementCounts backs the maxElements bound with the corpus: real
// pages must stay well under it.
func TestAEBElementCounts(t *testing.T) {
	most := 0
	for _, pg := range loadAEB(t) {
		doc, err := parsePage(pg.html)
		if err != nil {
			t.Fatal(err)
		}
		if n := countElements(doc); n > most {
			most = n
		}
	}
	t.Logf("largest page: %d elements (bound %d)", most, maxElements)
	if most*4 > maxElements {
		t.Errorf("largest page has %d elements, too close to the bound %d", most, maxElements)
	}
}

func countElements(n *html.Node) int {
	c := 0
	if n.Type == html.ElementNode {
		c = 1
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c += countElements(k)
	}
	return c
}

func BenchmarkArticle(b *testing.B) {
	pages := loadAEB(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		pg := pages[i%len(pages)]
		if _, _, err := Article(pg.html, pg.url); err != nil && !strings.Contains(err.Error(), "no article") {
			b.Fatal(err)
		}
	}
}

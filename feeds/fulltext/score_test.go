package fulltext

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
)

// aebDir is ../shared/corpus/fulltext/aeb relative to the repository root.
var aebDir = filepath.Join("..", "..", "..", "shared", "corpus", "fulltext", "aeb")

// aebPage is one page of scrapinghub's article-extraction benchmark.
type aebPage struct {
	id   string
	url  *url.URL
	html []byte
	want string
}

// loadAEB reads the benchmark: ground-truth.json maps a page id to
// {"articleBody", "url"}, and html/<id>.html.gz holds the page (UTF-8).
func loadAEB(tb testing.TB) []aebPage {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(aebDir, "ground-truth.json"))
	if os.IsNotExist(err) {
		tb.Skipf("skipped: needs the article-extraction benchmark at %s, a big set kept outside the repository (%v)", aebDir, err)
	}
	if err != nil {
		tb.Fatal(err)
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &truth); err != nil {
		tb.Fatalf("ground-truth.json: %v", err)
	}
	pages := make([]aebPage, 0, len(truth))
	for id, t := range truth {
		u, err := url.Parse(t.URL)
		if err != nil {
			tb.Fatalf("%s: url: %v", id, err)
		}
		pages = append(pages, aebPage{id: id, url: u, html: gunzip(tb, filepath.Join(aebDir, "html", id+".html.gz")), want: t.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].id < pages[j].id })
	return pages
}

func gunzip(tb testing.TB, path string) []byte {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return b
}

// tokens are the lowercase words of s: maximal runs of letters, digits and
// combining marks. Punctuation and spacing differences between extractors
// and the ground truth therefore do not count, only the words.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	})
}

// prf is word-level precision, recall and F1 of got against want, counting
// words as a bag: each word of got matches at most as many times as it
// occurs in want.
func prf(got, want string) (p, r, f float64) {
	g, w := tokens(got), tokens(want)
	if len(g) == 0 && len(w) == 0 {
		return 1, 1, 1
	}
	if len(g) == 0 || len(w) == 0 {
		return 0, 0, 0
	}
	left := make(map[string]int, len(w))
	for _, t := range w {
		left[t]++
	}
	match := 0
	for _, t := range g {
		if left[t] > 0 {
			left[t]--
			match++
		}
	}
	p = float64(match) / float64(len(g))
	r = float64(match) / float64(len(w))
	if match > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// extractor is the shape of Article, so candidates can be compared.
type extractor func(page []byte, pageURL *url.URL) (title, text string, err error)

// aebResult is what one extractor scored on the whole benchmark.
type aebResult struct {
	P, R, F1    float64 // means over pages
	Errors      int     // pages where the extractor returned an error
	PerPage     time.Duration
	AllocPerPg  uint64 // bytes allocated per page
	Worst       []string
	F1s         []float64 // per page, in page order, for paired comparison
	convention  int       // outputs that break the paragraph convention
	paragraphed int       // outputs with at least two paragraphs
}

// runAEB extracts every page once, sequentially, timing and scoring it.
func runAEB(tb testing.TB, pages []aebPage, ex extractor) aebResult {
	tb.Helper()
	var res aebResult
	type scored struct {
		id string
		f  float64
	}
	var all []scored
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	alloc0 := ms.TotalAlloc
	var spent time.Duration
	for _, pg := range pages {
		start := time.Now()
		_, text, err := ex(pg.html, pg.url)
		spent += time.Since(start)
		if err != nil {
			res.Errors++
			text = ""
		}
		if strings.Contains(text, "\n\n\n") || text != strings.TrimSpace(text) {
			res.convention++
		}
		if strings.Contains(text, "\n\n") {
			res.paragraphed++
		}
		p, r, f := prf(text, pg.want)
		res.P += p
		res.R += r
		res.F1 += f
		all = append(all, scored{pg.id, f})
		res.F1s = append(res.F1s, f)
	}
	runtime.ReadMemStats(&ms)
	n := float64(len(pages))
	res.P, res.R, res.F1 = res.P/n, res.R/n, res.F1/n
	res.PerPage = spent / time.Duration(len(pages))
	res.AllocPerPg = (ms.TotalAlloc - alloc0) / uint64(len(pages))
	sort.Slice(all, func(i, j int) bool { return all[i].f < all[j].f })
	for i := 0; i < 5 && i < len(all); i++ {
		res.Worst = append(res.Worst, fmt.Sprintf("%.12s %.3f", all[i].id, all[i].f))
	}
	return res
}

func (r aebResult) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  errors %d  %v/page  %.1f MB alloc/page  multi-paragraph %d  bad shape %d  worst %v",
		r.P, r.R, r.F1, r.Errors, r.PerPage.Round(100*time.Microsecond), float64(r.AllocPerPg)/1e6, r.paragraphed, r.convention, r.Worst)
}

// pairedDiff returns the mean per-page F1 difference a-b and a 95%
// bootstrap interval for it (fixed seed, so runs are repeatable). An
// interval that straddles zero means the benchmark cannot tell the two
// extractors apart.
func pairedDiff(a, b []float64) (mean, lo, hi float64) {
	n := len(a)
	d := make([]float64, n)
	for i := range a {
		d[i] = a[i] - b[i]
		mean += d[i]
	}
	mean /= float64(n)
	rng := rand.New(rand.NewPCG(1, 2))
	const rounds = 2000
	means := make([]float64, rounds)
	for k := range means {
		var s float64
		for range n {
			s += d[rng.IntN(n)]
		}
		means[k] = s / float64(n)
	}
	sort.Float64s(means)
	return mean, means[rounds*25/1000], means[rounds*975/1000]
}

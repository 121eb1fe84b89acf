//go:build aebcompare

// The comparison that chose the extractor (EVALUATION.md). It imports both
// candidate libraries, so it builds only with the aebcompare tag and the
// shipped code does not carry the one that lost:
//
//	go test -tags aebcompare -run TestAEBCompare -v ./feeds/fulltext

package fulltext

import (
	"net/url"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"sitrep/feeds/content"
)

// readabilityWithFigures is Article without dropFigures, to show what
// dropping captions is worth.
func readabilityWithFigures(page []byte, pageURL *url.URL) (string, string, error) {
	doc, err := parsePage(page)
	if err != nil {
		return "", "", err
	}
	p := readability.NewParser()
	a, err := p.ParseAndMutate(doc, pageURL)
	if err != nil {
		return "", "", err
	}
	return a.Title(), content.FromNode(a.Node), nil
}

// trafilaturaArticle runs go-trafilatura through the same parsing and
// rendering as Article, so only the choice of article nodes differs.
// Comments and date scanning are off: sitrep wants neither.
func trafilaturaArticle(fallback bool) extractor {
	return func(page []byte, pageURL *url.URL) (string, string, error) {
		doc, err := parsePage(page)
		if err != nil {
			return "", "", err
		}
		r, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
			OriginalURL:     pageURL,
			EnableFallback:  fallback,
			ExcludeComments: true,
			HtmlDateMode:    trafilatura.Disabled,
		})
		if err != nil {
			return "", "", err
		}
		if r.ContentNode == nil {
			return r.Metadata.Title, "", ErrNoArticle
		}
		dropFigures(r.ContentNode)
		return r.Metadata.Title, content.FromNode(r.ContentNode), nil
	}
}

func TestAEBCompare(t *testing.T) {
	pages := loadAEB(t)
	results := map[string]aebResult{}
	for _, c := range []struct {
		name string
		ex   extractor
	}{
		{"readability (Article)", Article},
		{"readability, figures kept", readabilityWithFigures},
		{"trafilatura", trafilaturaArticle(false)},
		{"trafilatura+fallback", trafilaturaArticle(true)},
	} {
		r := runAEB(t, pages, c.ex)
		results[c.name] = r
		t.Logf("%-26s %v", c.name, r)
	}
	for _, p := range [][2]string{
		{"trafilatura", "readability (Article)"},
		{"trafilatura+fallback", "readability (Article)"},
		{"trafilatura+fallback", "trafilatura"},
		{"readability (Article)", "readability, figures kept"},
	} {
		m, lo, hi := pairedDiff(results[p[0]].F1s, results[p[1]].F1s)
		t.Logf("F1 %s − %s: %+.4f, 95%% CI [%+.4f, %+.4f]", p[0], p[1], m, lo, hi)
	}
}

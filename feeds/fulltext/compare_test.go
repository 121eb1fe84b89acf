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
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"sitrep/feeds/content"
)

// readabilityCleaning is Article with another cleaning step (nil for
// none), to show what each part of clean is worth.
func readabilityCleaning(cleaner func(*html.Node)) extractor {
	return func(page []byte, pageURL *url.URL) (string, string, error) {
		doc, err := parsePage(page)
		if err != nil {
			return "", "", err
		}
		p := readability.NewParser()
		a, err := p.ParseAndMutate(doc, pageURL)
		if err != nil {
			return "", "", err
		}
		if a.Node == nil {
			return a.Title(), "", ErrNoArticle
		}
		if cleaner != nil {
			cleaner(a.Node)
		}
		return a.Title(), content.FromNode(a.Node), nil
	}
}

// dropFiguresOnly is clean without its removal of textless links.
func dropFiguresOnly(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Figure || c.DataAtom == atom.Figcaption || c.DataAtom == atom.Img || c.DataAtom == atom.Picture) {
			n.RemoveChild(c)
		} else {
			dropFiguresOnly(c)
		}
		c = next
	}
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
		clean(r.ContentNode)
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
		{"readability, no cleaning", readabilityCleaning(nil)},
		{"readability, figures only", readabilityCleaning(dropFiguresOnly)},
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
		{"readability (Article)", "readability, no cleaning"},
		{"readability (Article)", "readability, figures only"},
	} {
		m, lo, hi := pairedDiff(results[p[0]].F1s, results[p[1]].F1s)
		t.Logf("F1 %s − %s: %+.4f, 95%% CI [%+.4f, %+.4f]", p[0], p[1], m, lo, hi)
	}
}

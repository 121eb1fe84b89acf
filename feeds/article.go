package feeds

import (
	"bytes"
	"context"
	"fmt"
	"net/url"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"sitrep/feeds/content"
	"sitrep/model/sanitize"
)

// articleFunc extracts the article text of a fetched UTF-8 page.
var articleFunc = fallbackArticle

// fullText fetches the page an item links to, with the same limits as a
// feed, and returns its article as sanitised plain text.
func (p *Poller) fullText(ctx context.Context, link string) (string, error) {
	fe, err := p.get(ctx, link, fetchOpts{accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"})
	if err != nil {
		return "", err
	}
	if fe.status != 200 {
		return "", fmt.Errorf("article page: HTTP %d", fe.status)
	}
	page := pageToUTF8(fe.body, fe.header.Get("Content-Type"))
	_, text, err := articleFunc(page, fe.finalURL)
	if err != nil {
		return "", err
	}
	return sanitize.Text(text), nil
}

// pageToUTF8 decodes a web page by the HTML rules (BOM, header, <meta>,
// detection) and repairs what is left invalid.
func pageToUTF8(body []byte, contentType string) []byte {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name != "utf-8" && enc != nil {
		if dec, err := enc.NewDecoder().Bytes(body); err == nil {
			body = dec
		}
	}
	return repairUTF8(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
}

// fallbackArticle is a plain stand-in used only until feeds/fulltext lands:
// the text of the page's <article>, else <main>, else <body>.
func fallbackArticle(page []byte, _ *url.URL) (string, string, error) {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return "", "", err
	}
	var title string
	found := map[atom.Atom]*html.Node{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case atom.Article, atom.Main, atom.Body:
				if found[n.DataAtom] == nil {
					found[n.DataAtom] = n
				}
			case atom.Script, atom.Style, atom.Nav, atom.Header, atom.Footer, atom.Aside, atom.Form:
				n.Parent.RemoveChild(n)
				return
			}
		}
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			walk(c)
			c = next
		}
	}
	walk(doc)
	for _, a := range []atom.Atom{atom.Article, atom.Main, atom.Body} {
		if n := found[a]; n != nil {
			return title, content.FromNode(n), nil
		}
	}
	return title, "", fmt.Errorf("no article in the page")
}

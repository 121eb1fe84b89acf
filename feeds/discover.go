package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"sitrep/model/sanitize"
)

// feedTypes are the link types that announce a feed.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/rdf+xml":   true,
	"application/xml":       true,
	"text/xml":              true,
}

// Discover returns the feeds a web page announces with
// <link rel="alternate" type="application/rss+xml" href="...">, resolved
// against the page's <base href> and then base, in page order, without
// duplicates. Only http and https URLs are returned.
func Discover(page []byte, base *url.URL) []string {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []string
	seen := map[string]bool{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.DataAtom {
			case atom.Base:
				if b := attr(tok, "href"); b != "" && base != nil {
					if u, err := base.Parse(strings.TrimSpace(b)); err == nil {
						base = u
					}
				}
			case atom.Link:
				if !hasToken(attr(tok, "rel"), "alternate") || !feedTypes[mediaType(attr(tok, "type"))] {
					continue
				}
				href := strings.TrimSpace(attr(tok, "href"))
				if href == "" {
					continue
				}
				u, err := url.Parse(href)
				if err != nil {
					continue
				}
				if base != nil {
					u = base.ResolveReference(u)
				}
				if (u.Scheme != "http" && u.Scheme != "https") || seen[u.String()] || !sanitize.IsSafe(u.String()) {
					continue
				}
				seen[u.String()] = true
				out = append(out, u.String())
			case atom.Body:
				// Feed links live in <head>; a large body need not be read.
				return out
			}
		}
	}
}

func attr(t html.Token, name string) string {
	for _, a := range t.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasToken(list, want string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == want {
			return true
		}
	}
	return false
}

func mediaType(t string) string {
	t, _, _ = strings.Cut(t, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// looksLikeHTML tells a web page from a feed that failed to parse.
func looksLikeHTML(body []byte, contentType string) bool {
	if strings.Contains(strings.ToLower(contentType), "html") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 1024)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head"))
}

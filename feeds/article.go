package feeds

import (
	"bytes"
	"context"
	"fmt"

	"golang.org/x/net/html/charset"

	"sitrep/feeds/fulltext"
	"sitrep/model/sanitize"
)

// articleFunc extracts the article text of a fetched UTF-8 page; a
// variable so tests can count or fail extractions.
var articleFunc = fulltext.Article

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

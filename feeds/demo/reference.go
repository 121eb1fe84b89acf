package demo

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
	"time"
)

// referenceDate is when the demo says the reference story was published. It
// is deliberately the newest date in the demo so the story is first in the
// queue at start; the true date (12 February 2016) is named in the item.
var referenceDate = time.Date(2026, 11, 25, 21, 4, 0, 0, time.UTC)

// ReferenceGUID is the guid of the reference story, for tests that open it.
const ReferenceGUID = "sitrep-demo:reference:bi-syria-ceasefire-2016-02-12"

// referenceFeed wraps the reference story, kept byte for byte as the
// project's copy of corpus/syria-ceasefire.txt (first line the title, then
// paragraphs separated by blank lines), in a one-item RSS 2.0 feed. Building
// it at start-up rather than keeping a hand-made copy means the demo can
// never drift from the text the extraction is measured on.
func referenceFeed(txt []byte) ([]byte, error) {
	text := strings.ReplaceAll(string(txt), "\r\n", "\n")
	title, rest, ok := strings.Cut(text, "\n")
	if !ok || strings.TrimSpace(title) == "" {
		return nil, errors.New("reference story has no title line")
	}
	var html strings.Builder
	for _, p := range strings.Split(rest, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		html.WriteString("<p>")
		html.WriteString(htmlEscaper.Replace(p))
		html.WriteString("</p>\n")
	}
	if strings.Contains(html.String(), "]]>") {
		return nil, errors.New("reference story cannot go in a CDATA section")
	}

	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Business Insider (reference story)</title>
<link>` + BaseURL + `/reference/</link>
<description>The project's reference story, Business Insider, 12 February 2016, copied from corpus/syria-ceasefire.txt. Dated as the newest demo story so it opens first.</description>
<language>en</language>
<lastBuildDate>` + referenceDate.Format(time.RFC1123Z) + `</lastBuildDate>
<item>
<title>`)
	xml.EscapeText(&b, []byte(strings.TrimSpace(title)))
	b.WriteString(`</title>
<link>` + BaseURL + `/reference/syria-ceasefire</link>
<guid isPermaLink="false">` + ReferenceGUID + `</guid>
<pubDate>` + referenceDate.Format(time.RFC1123Z) + `</pubDate>
<dc:creator>Business Insider</dc:creator>
<category>Reference story</category>
<description>Business Insider, 12 Feb 2016 — the project's reference story, reproduced here as published.</description>
<content:encoded><![CDATA[`)
	b.WriteString(html.String())
	b.WriteString(`]]></content:encoded>
</item>
</channel>
</rss>
`)
	return b.Bytes(), nil
}

// htmlEscaper escapes only what HTML needs, leaving quotation marks as
// typed so the story's text reads the same before and after parsing.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// Package content turns the HTML that feeds carry (RSS description,
// content:encoded, Atom content, JSON Feed content_html) into plain text for
// the reader and for quote and figure extraction.
//
// The output convention, shared with feeds/fulltext: paragraphs separated by
// exactly one blank line ("\n\n"); a single "\n" only for a lone <br> inside
// a paragraph (an address, a list of dates); inline whitespace collapsed to
// one space; no leading or trailing whitespace; list items as "• item"
// paragraphs; images as "[image: alt]"; links as their text. Paragraphs matter downstream: news style lets a quote
// that is still open at the end of a paragraph continue into the next
// paragraph that opens with a quote mark, so merging paragraphs would make
// quotes run together.
//
// The package does not strip terminal controls: its callers pass the result
// through sitrep/model/sanitize, which is the one place that knows them.
// Sanitise after ToText, not only before: decoding "&#27;" yields an ESC.
package content

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ToText converts feed item content whose kind the feed did not say (an
// RSS description, a JSON Feed summary), HTML or plain text, into plain
// text with paragraphs separated by blank lines. It is HTML when a tag of a
// known element, a comment, or a closed pair of any element appears.
func ToText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if hasMarkup(s) {
		return htmlToText(s)
	}
	// Markup escaped once more than it should be ("&lt;p&gt;…") arrives here
	// as tag-free text; decoding it once reveals the real markup.
	if strings.Contains(s, "&") {
		if u := html.UnescapeString(s); hasMarkup(u) {
			return htmlToText(u)
		}
	}
	return plainToText(s)
}

// TitleToText converts a title, which RSS and JSON Feed define as text but
// which publishers fill with HTML now and then. Only what surely is markup
// counts: a closing tag, a comment, a <br> or an <img>. "Hackers hide
// <script> tags" and "Why <div> soup is bad" are titles about markup, kept
// word for word.
func TitleToText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if surelyMarkup(s) {
		return htmlToText(s)
	}
	if strings.Contains(s, "&") {
		if u := html.UnescapeString(s); surelyMarkup(u) {
			return htmlToText(u)
		}
	}
	return plainToText(s)
}

// FromText converts content the feed declared as plain text (Atom
// type="text", JSON Feed content_text): no tag is read and no entity is
// decoded, as the XML or JSON parser already did that once.
func FromText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return plainLines(s)
}

// FromHTML converts content the feed declared as HTML (Atom type="html"
// and "xhtml", JSON Feed content_html, RSS content:encoded).
func FromHTML(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if strings.TrimSpace(s) == "" {
		return ""
	}
	if !strings.ContainsAny(s, "<&") {
		return plainToText(s)
	}
	return htmlToText(s)
}

// hasMarkup reports whether s contains at least one tag of a known HTML
// element, an HTML comment, or an element of any name closed by its end
// tag (<datagrid>…</datagrid>). Requiring one of those keeps "I <3 Aleppo"
// or "x < y > z" on the plain-text path, where the characters survive.
func hasMarkup(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	return plainTagFirst(s) || tokenizerHasMarkup(s)
}

// surelyMarkup is TitleToText's stricter test: an end tag of an element
// that was opened, a comment, or a void element that is only markup.
func surelyMarkup(s string) bool {
	if !strings.Contains(s, "<") {
		return false
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var open map[string]bool
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch atom.Lookup(name) {
			case atom.Br, atom.Img, atom.Hr, atom.Wbr:
				return true
			}
			if open == nil {
				open = map[string]bool{}
			}
			open[string(name)] = true
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if open[string(name)] {
				return true
			}
		case xhtml.CommentToken:
			return true
		}
	}
}

// tokenizerHasMarkup is hasMarkup's definition: the tokenizer meets a tag of
// a known element or a comment. plainTagFirst shortcuts it.
func tokenizerHasMarkup(s string) bool {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var open map[string]bool // unknown elements opened so far
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return false
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) != 0 {
				return true
			}
			if open == nil {
				open = map[string]bool{}
			}
			open[string(name)] = true
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if atom.Lookup(name) != 0 || open[string(name)] {
				return true
			}
		case xhtml.CommentToken:
			return true
		}
	}
}

// plainTagFirst reports whether the first thing in s that the tokenizer
// would read as markup is a tag of a known element, "<p>", "</p>" or
// "<p class="lead">": then hasMarkup's answer is yes without a tokenizer,
// whose set-up (a buffer per call) cost more than the scan on every feed
// item, and which ToText's parse would then run a second time. Anything
// less plain (comments, odd quoting, a tag cut off at the end) is left to
// the tokenizer.
func plainTagFirst(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		rest := s[i+1:]
		c := rest[0]
		switch {
		case c == '/' || c == '!' || c == '?' || isASCIILetter(c):
			// Where the tokenizer's first tag or comment starts.
			rest = strings.TrimPrefix(rest, "/")
			n := 0
			for n < len(rest) && (isASCIILetter(rest[n]) || '0' <= rest[n] && rest[n] <= '9') {
				n++
			}
			if n == 0 || !tagCloses(rest[n:]) {
				return false
			}
			return atom.Lookup([]byte(strings.ToLower(rest[:n]))) != 0
		}
		j := strings.IndexByte(rest, '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// tagCloses reports whether rest, what follows a tag name, surely ends the
// tag: it is ">", or white space or "/" and then well-formed attributes
// (name, name=value, name="value") up to a ">". Anything the tokenizer
// would read as a parse error ("=" with no name before it, a quote inside
// a name or an unquoted value, no ">") is left to the tokenizer.
func tagCloses(rest string) bool {
	if rest == "" || rest[0] != '>' && rest[0] != '/' && !isHTMLSpace(rest[0]) {
		return false
	}
	const (
		beforeName = iota
		inName
		afterName
		beforeValue
		inValue // unquoted
	)
	state := beforeName
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if c == '>' && state != beforeValue {
			return true
		}
		switch state {
		case beforeName:
			switch {
			case isHTMLSpace(c) || c == '/':
			case c == '=' || c == '"' || c == '\'' || c == '<':
				return false
			default:
				state = inName
			}
		case inName, afterName:
			switch {
			case isHTMLSpace(c):
				state = afterName
			case c == '/':
				state = beforeName
			case c == '=':
				state = beforeValue
			case c == '"' || c == '\'' || c == '<':
				return false
			default:
				state = inName
			}
		case beforeValue:
			switch {
			case isHTMLSpace(c):
			case c == '>':
				return true // a missing value; the tag still ends
			case c == '"' || c == '\'':
				j := strings.IndexByte(rest[i+1:], c)
				if j < 0 {
					return false
				}
				i += 1 + j
				state = beforeName
			case c == '=' || c == '<' || c == '`':
				return false
			default:
				state = inValue
			}
		case inValue:
			switch {
			case isHTMLSpace(c):
				state = beforeName
			case c == '"' || c == '\'' || c == '=' || c == '<' || c == '`':
				return false
			}
		}
	}
	return false
}

func isHTMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

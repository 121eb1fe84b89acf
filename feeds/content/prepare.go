package content

import (
	"regexp"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxDepth is how deep elements may nest in a converted body. Deeper tags
// are dropped and their text kept: no story needs 256 levels, and the HTML
// parser refuses more than 512 open elements (x/net/html then fails the
// whole body, whose markup used to be shown as text: 2.5 MB of "<div>"
// for 500,000 nested divs).
const MaxDepth = 256

// prepare rewrites HTML before it is parsed so that no word is lost to it:
//
//   - Namespace prefixes of HTML elements go ("<xhtml:p>" is "<p>"): Atom
//     xhtml content often binds the XHTML namespace to a prefix, and an
//     HTML parser reads "xhtml:p" as an unknown element without paragraphs.
//   - An element that hides everything inside it (<script>, <iframe>,
//     <video>, …) but is never closed is no element: "Hackers hide <script>
//     tags in ministry website" or "<iframe> … 'We are investigating,' a
//     spokesman said." would otherwise lose every word after the tag. Its
//     "<" is escaped and stays in the text as written.
func prepare(s string) string {
	prefixed, unclosed := false, false
	for i := strings.IndexByte(s, '<'); i >= 0; i = nextByte(s, '<', i) {
		j := i + 1
		if j < len(s) && s[j] == '/' {
			j++
		}
		k := j
		for k < len(s) && (isASCIILetter(s[k]) || k > j && '0' <= s[k] && s[k] <= '9') {
			k++
		}
		if k == j || k == len(s) {
			continue
		}
		switch {
		case s[k] == ':':
			prefixed = true
		case j == i+1 && endsTagName(s[k]) && swallowing[strings.ToLower(s[j:k])]:
			unclosed = true
		}
	}
	if prefixed {
		s = stripPrefixes(s)
	}
	if unclosed || prefixed {
		s = escapeUnclosed(s)
	}
	return s
}

func nextByte(s string, c byte, i int) int {
	j := strings.IndexByte(s[i+1:], c)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

var prefixedTag = regexp.MustCompile(`<(/?)[A-Za-z][A-Za-z0-9_.-]*:([A-Za-z][A-Za-z0-9]*)`)

// stripPrefixes drops the namespace prefix of tags whose local name is an
// HTML, SVG or MathML element the parser knows.
func stripPrefixes(s string) string {
	return prefixedTag.ReplaceAllStringFunc(s, func(m string) string {
		sub := prefixedTag.FindStringSubmatch(m)
		if atom.Lookup([]byte(strings.ToLower(sub[2]))) == 0 {
			return m
		}
		return "<" + sub[1] + sub[2]
	})
}

// swallowing elements hide all that follows them until their end tag.
var swallowing = map[string]bool{
	"script": true, "style": true, "iframe": true, "textarea": true, "title": true,
	"xmp": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"template": true, "video": true, "audio": true, "object": true, "canvas": true,
	"svg": true, "math": true, "select": true, "button": true, "nav": true, "map": true,
	"frameset": true, "head": true,
}

// escapeUnclosed escapes the "<" of every start tag of a swallowing
// element that no end tag of the same name follows.
func escapeUnclosed(s string) string {
	lower := asciiLower(s) // same offsets as s, unlike strings.ToLower
	var esc []int          // offsets of the "<" to escape
	for name := range swallowing {
		open := "<" + name
		i := strings.Index(lower, open)
		if i < 0 {
			continue
		}
		lastEnd := strings.LastIndex(lower, "</"+name)
		for ; i >= 0; i = nextIndex(lower, open, i) {
			after := i + len(open)
			if after < len(lower) && !endsTagName(lower[after]) {
				continue // "<scripts", "<svgfoo"
			}
			if lastEnd < i {
				esc = append(esc, i)
			}
		}
	}
	if len(esc) == 0 {
		return s
	}
	slices.Sort(esc)
	var b strings.Builder
	b.Grow(len(s) + 3*len(esc))
	last := 0
	for _, i := range esc {
		b.WriteString(s[last:i])
		b.WriteString("&lt;")
		last = i + 1
	}
	b.WriteString(s[last:])
	return b.String()
}

func nextIndex(s, sub string, i int) int {
	j := strings.Index(s[i+1:], sub)
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

func endsTagName(c byte) bool { return c == '>' || c == '/' || isHTMLSpace(c) }

// flatten drops the tags of elements nested deeper than limit and keeps
// their text. Void elements do not nest; an end tag closes one level. It
// runs only on bodies the parser refused as too deep.
func flatten(s string, limit int) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	depth := 0
	skipText := false // the raw text of a dropped <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return b.String()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElement[a] {
				b.Write(z.Raw())
				continue
			}
			depth++
			if depth > limit {
				skipText = a == atom.Script || a == atom.Style || a == atom.Textarea || a == atom.Title || a == atom.Xmp
				continue
			}
		case xhtml.EndTagToken:
			if depth > limit {
				depth--
				continue
			}
			depth = max(depth-1, 0)
			if limit == 0 {
				continue
			}
		case xhtml.TextToken:
			if skipText {
				skipText = false
				continue
			}
		}
		b.Write(z.Raw())
	}
}

var voidElement = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true,
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

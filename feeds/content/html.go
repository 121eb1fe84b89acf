package content

import (
	"net/url"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToText parses s as the body of a document and writes its text.
func htmlToText(s string) string {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	s = prepare(s)
	nodes, err := xhtml.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		// The parser refuses elements nested too deep: drop the tags
		// past MaxDepth, keep their text, and parse again.
		nodes, err = xhtml.ParseFragment(strings.NewReader(flatten(s, MaxDepth)), ctx)
	}
	if err != nil {
		// Nothing else fails on a string; keep the words rather than lose
		// them, without the tags.
		return plainToText(flatten(s, 0))
	}
	return nodesToText(nodes)
}

// FromNode writes the text of an already parsed tree, such as the article
// node a full-text extractor returns, with the same conventions as ToText.
func FromNode(n *xhtml.Node) string {
	if n == nil {
		return ""
	}
	return nodesToText([]*xhtml.Node{n})
}

func nodesToText(nodes []*xhtml.Node) string {
	t := walker{}
	// Some feeds write paragraphs as blank lines inside otherwise inline
	// HTML ("Intro <b>text</b>.\n\nNext"). A browser would merge them, but
	// the author meant paragraphs, and quote continuation needs them.
	t.blankLinesBreak = true
	for _, n := range nodes {
		if hasBlock(n) {
			t.blankLinesBreak = false
			break
		}
	}
	for _, n := range nodes {
		t.node(n)
	}
	return t.w.String()
}

type walker struct {
	w               writer
	pre             int  // depth inside <pre>, where newlines are kept
	quotes          int  // depth inside <q>, to alternate double and single marks
	blankLinesBreak bool // a blank line in a text node ends a paragraph
}

func (t *walker) node(n *xhtml.Node) {
	switch n.Type {
	case xhtml.TextNode:
		t.textNode(n.Data)
		return
	case xhtml.ElementNode:
	default:
		// Documents, doctypes and comments have no text of their own,
		// but a document node has children.
		if n.Type == xhtml.DocumentNode {
			t.children(n)
		}
		return
	}
	switch {
	case dropped[n.DataAtom] || hidden(n):
		return
	case n.DataAtom == atom.Br:
		t.w.lineBreak()
		return
	case n.DataAtom == atom.Img:
		if alt := strings.TrimSpace(attr(n, "alt")); alt != "" {
			t.w.spaceBreak()
			t.w.text("[image: " + alt + "]")
			t.w.softBreak()
		}
		return
	case n.DataAtom == atom.A:
		t.link(n)
		return
	case n.DataAtom == atom.Q:
		// Browsers draw quotation marks around <q>; without them the
		// quotation would be invisible to the reader and to quote
		// extraction. Nested quotations take single marks.
		open, close := "“", "”"
		if t.quotes%2 == 1 {
			open, close = "‘", "’"
		}
		t.quotes++
		t.w.text(open)
		t.w.glued = true // no space after the opening mark
		t.children(n)
		t.w.space = false // nor before the closing one
		t.w.text(close)
		t.quotes--
		return
	case n.DataAtom == atom.Li:
		t.w.paragraph()
		t.w.prefix = "• "
		t.children(n)
		t.w.paragraph()
		t.w.prefix = ""
		return
	case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
		// Cells of one row stay on one line, visibly apart.
		if t.w.inPara {
			t.w.text(" ·")
			t.w.spaceBreak()
		}
		t.children(n)
		t.w.spaceBreak()
		return
	case n.DataAtom == atom.Pre:
		t.w.paragraph()
		t.pre++
		t.children(n)
		t.pre--
		t.w.paragraph()
		return
	case blocks[n.DataAtom]:
		t.w.paragraph()
		t.children(n)
		t.w.paragraph()
		return
	}
	// Unknown and inline elements: their text flows on. Elements the
	// browser draws as separate words (inline-block widgets, unknown
	// custom tags) are rare in feeds; no separator is added so that
	// <b>Al</b>eppo stays one word.
	t.children(n)
}

func (t *walker) children(n *xhtml.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.node(c)
	}
}

// textNode writes a text node, honouring <pre> newlines and, in block-free
// fragments, blank-line paragraphs.
func (t *walker) textNode(s string) {
	s = normaliseNewlines(s)
	if t.pre == 0 && !(t.blankLinesBreak && strings.Contains(s, "\n")) {
		t.w.text(s)
		return
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if i > 0 {
			if t.pre > 0 {
				t.w.lineBreak()
			} else if isBlank(l) && i < len(lines)-1 {
				t.w.paragraph()
			} else {
				t.w.spaceBreak()
			}
		}
		t.w.text(l)
	}
}

// link keeps a link's text and drops its address. A link with no content
// at all is shown by its address so that it does not vanish, but only when
// the address is one the reader could open. A link around an image without
// alt text is a thumbnail, share button or tracker: the address would be
// noise.
func (t *walker) link(n *xhtml.Node) {
	before := t.w.written
	t.children(n)
	if t.w.written != before || hasImage(n) {
		return
	}
	href := strings.TrimSpace(attr(n, "href"))
	if u, err := url.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		t.w.spaceBreak()
		t.w.text(href)
		t.w.softBreak()
	}
}

// hidden reports whether the author hid n from readers: such elements hold
// screen-reader labels, share-button text and duplicated headlines that
// would only be noise in the text.
func hidden(n *xhtml.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func hasImage(n *xhtml.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Img || c.DataAtom == atom.Picture || c.DataAtom == atom.Svg) || hasImage(c) {
			return true
		}
	}
	return false
}

func attr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasBlock reports whether the tree under n has any element that starts a
// paragraph of its own (or a <br>, which is the author's own line marking).
func hasBlock(n *xhtml.Node) bool {
	if n.Type == xhtml.ElementNode && (blocks[n.DataAtom] || n.DataAtom == atom.Li || n.DataAtom == atom.Br || n.DataAtom == atom.Pre) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasBlock(c) {
			return true
		}
	}
	return false
}

// blocks start and end a paragraph.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true,
	atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true,
	atom.Html: true, atom.Legend: true, atom.Main: true, atom.Ol: true, atom.P: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// dropped elements contribute no text: code, styling, embedded frames and
// media, navigation, and form controls.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Iframe: true, atom.Nav: true,
	atom.Noscript: true, atom.Template: true, atom.Svg: true, atom.Math: true,
	atom.Canvas: true, atom.Object: true, atom.Embed: true, atom.Audio: true,
	atom.Video: true, atom.Head: true, atom.Title: true, atom.Meta: true,
	atom.Link: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Frame: true, atom.Frameset: true, atom.Map: true,
}

package content

import (
	"strings"
	"testing"
)

// Issue 10, "no word of a story lost": text that names a tag is text, and
// only what surely is markup is read as markup.
func TestNoWordLost(t *testing.T) {
	const quote = `"We are investigating," a spokesman said.`
	tests := []struct {
		name string
		conv func(string) string
		in   string
		want string
	}{
		{"RSS title naming a tag", TitleToText,
			"Hackers hide <script> tags in ministry website, officials say",
			"Hackers hide <script> tags in ministry website, officials say"},
		{"RSS title naming a tag, escaped twice", TitleToText,
			"Hackers hide &lt;script&gt; tags in ministry website, officials say",
			"Hackers hide <script> tags in ministry website, officials say"},
		{"title naming an element that is no swallower", TitleToText,
			"Why <div> soup is bad for the web", "Why <div> soup is bad for the web"},
		{"title with real markup", TitleToText,
			"<b>Breaking:</b> convoy reaches Madaya", "Breaking: convoy reaches Madaya"},
		{"description naming an iframe keeps its quote", ToText,
			"Attackers planted an <iframe> in the page. " + quote,
			"Attackers planted an <iframe> in the page. " + quote},
		{"description naming an iframe in a paragraph", ToText,
			"<p>Attackers planted an <iframe> in the page.</p><p>" + quote + "</p>",
			"Attackers planted an <iframe> in the page.\n\n" + quote},
		{"closed iframe still dropped", ToText,
			`<p>Video:<iframe src="https://e.org/v">fallback</iframe> below</p>`, "Video: below"},
		{"closed script still dropped", ToText,
			"<p>a</p><script>evil()</script><p>b</p>", "a\n\nb"},
		{"Atom type=text naming an element", FromText,
			"The <video> element", "The <video> element"},
		{"Atom type=text keeps what looks like entities", FromText,
			"Write &amp; for an ampersand", "Write &amp; for an ampersand"},
		{"unclosed video in a guess", ToText,
			"The <video> element replaced Flash", "The <video> element replaced Flash"},
		{"HTML declared", FromHTML,
			"<p>One &amp; two</p><p>Three</p>", "One & two\n\nThree"},
		{"namespaced XHTML", ToText,
			`<xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>One.</xhtml:p><xhtml:p>Two <xhtml:b>bold</xhtml:b>.</xhtml:p></xhtml:div>`,
			"One.\n\nTwo bold."},
		{"namespaced SVG is a picture, not text", ToText,
			`<svg:svg xmlns:svg="http://www.w3.org/2000/svg"><svg:title>chart</svg:title><svg:text>12</svg:text></svg:svg><p>Casualties rose.</p>`,
			"Casualties rose."},
		{"unknown elements lose their tags, keep their text", ToText,
			"<datagrid><row>Figures</row> released</datagrid> today", "Figures released today"},
		{"an unknown pair in a title", TitleToText,
			"<datagrid>Figures</datagrid> released", "Figures released"},
		{"a < that starts nothing stays", ToText, "I <3 Aleppo and x<y>z", "I <3 Aleppo and x<y>z"},
	}
	for _, tc := range tests {
		if got := tc.conv(tc.in); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// Nesting past what the HTML parser accepts used to fail the parse, and
// the whole body was then shown as markup.
func TestDeepNesting(t *testing.T) {
	for _, n := range []int{600, 100_000} {
		body := strings.Repeat("<div>", n) + "deep text" + strings.Repeat("</div>", n) + "<p>after</p>"
		if got := ToText(body); got != "deep text\n\nafter" {
			t.Errorf("%d nested divs: %.100q", n, got)
		}
		unclosed := "<p>top</p>" + strings.Repeat("<div>", n) + "deep text"
		if got := ToText(unclosed); got != "top\n\ndeep text" {
			t.Errorf("%d unclosed divs: %.100q", n, got)
		}
	}
	// Long articles with hundreds of paragraphs are not deep.
	body := strings.Repeat("<p>Para.", 1000)
	if got := ToText(body); strings.Count(got, "\n\n") != 999 {
		t.Errorf("1000 paragraphs became %d", strings.Count(got, "\n\n")+1)
	}
}

package content

import (
	"strings"
	"testing"
)

func TestToText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"only space", " \n\t&nbsp; ", ""},
		{"plain sentence", "Only a description.", "Only a description."},
		{"plain paragraphs keep blank lines, join hard wraps",
			"Aid convoys reached Madaya\non Monday.\n\n\n  \"We saw children starving,\" a UN official said.  \n",
			"Aid convoys reached Madaya on Monday.\n\n\"We saw children starving,\" a UN official said."},
		{"plain lines without blank lines are paragraphs",
			"First paragraph.\r\nSecond paragraph.\rThird.",
			"First paragraph.\n\nSecond paragraph.\n\nThird."},
		{"plain text entities decoded", "Al &amp; Co say 5 &lt; 7 &#8212; “yes”", "Al & Co say 5 < 7 — “yes”"},
		{"plain text with angle brackets is not markup", "I <3 Aleppo and x<y>z", "I <3 Aleppo and x<y>z"},
		{"paragraphs",
			"<p>The 17 countries agreed.</p>\n<p>  Kerry   said\n so. </p>",
			"The 17 countries agreed.\n\nKerry said so."},
		{"inline tags do not split words", "<p><b>Al</b>eppo and <em>Homs</em></p>", "Aleppo and Homs"},
		{"divs and headings",
			"<div><h2>Aleppo</h2><div>Shelling resumed.<div>More later.</div></div></div>",
			"Aleppo\n\nShelling resumed.\n\nMore later."},
		{"blockquote", "<p>He wrote:</p><blockquote><p>“No more.”</p></blockquote><p>End.</p>",
			"He wrote:\n\n“No more.”\n\nEnd."},
		{"single br is a line break, two are a paragraph",
			"Line one<br>line two<br/><br />Next para<br>\n  <br>\nLast",
			"Line one\nline two\n\nNext para\n\nLast"},
		{"single br between sentences is a paragraph",
			`He was deported in May.<br>“I boarded a flight on May 15,” he said.<br>Dates:<br>June 9 – Amman<br>june 10. Beirut.<br>Then Homs.`,
			"He was deported in May.\n\n“I boarded a flight on May 15,” he said.\n\nDates:\nJune 9 – Amman\njune 10. Beirut.\n\nThen Homs."},
		{"leading and trailing br vanish", "<br><br>Text<br><br>", "Text"},
		{"list items",
			"<p>Demands:</p><ul><li>a ceasefire</li><li><p>aid <b>access</b></p></li><li></li></ul><ol><li>first</li></ol>",
			"Demands:\n\n• a ceasefire\n\n• aid access\n\n• first"},
		{"scripts, styles, iframes, nav dropped",
			`<nav><a href="/">Home</a></nav><style>p{color:red}</style><p>Body<script>alert("x")</script> text</p><iframe src="http://e/"></iframe><noscript>enable js</noscript>`,
			"Body text"},
		{"links keep text, drop the address",
			`<p>Read <a href="http://example.org/report">the report</a>.</p>`,
			"Read the report."},
		{"empty link shows its address",
			`<p>Source: <a href="https://example.org/r.pdf"></a>.</p>`,
			"Source: https://example.org/r.pdf."},
		{"empty unsafe link vanishes",
			`<p>Click <a href="javascript:alert(1)"> </a><a href="file:///etc/passwd"></a>here</p>`,
			"Click here"},
		{"image with alt", `<p>A map <img src="m.png" alt=" map of  Aleppo ">. Then</p>`, "A map [image: map of Aleppo]. Then"},
		{"image without alt dropped", `<p><img src="pixel.gif">Text<img src="x" alt=""></p>`, "Text"},
		{"linked image", `<a href="http://x/"><img src="a.jpg" alt="Refugees at the border"></a>`, "[image: Refugees at the border]"},
		{"entities", "<p>Al-Bab &amp; Manbij &mdash; 10&#160;km &lt;away&gt; &#x201C;ok&#x201D;</p>",
			"Al-Bab & Manbij — 10\u00a0km <away> “ok”"},
		{"layout nbsp runs collapse, lone nbsp kept",
			"<p>&nbsp;</p><p>250&nbsp;000 people&nbsp;&nbsp;&nbsp;fled</p><p> &nbsp; </p>",
			"250\u00a0000 people fled"},
		{"soft hyphens and zero width dropped", "<p>dis&shy;placed ref\u200bugees</p>", "displaced refugees"},
		{"escaped markup decoded once",
			"&lt;p&gt;First &amp;amp; one.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;",
			"First & one.\n\nSecond."},
		{"blank lines in block-free html are paragraphs",
			"Intro with <b>bold</b>.\n\n“It is open,\n\n“and continues,” he said.",
			"Intro with bold.\n\n“It is open,\n\n“and continues,” he said."},
		{"newlines inside blocks are spaces",
			"<p>one\n\ntwo</p>", "one two"},
		{"pre keeps lines",
			"<pre>col a   col b\nrow 1\n\nrow 2</pre>",
			"col a col b\nrow 1\n\nrow 2"},
		{"table rows are lines",
			"<table><tr><th>Town</th><th>Displaced</th></tr><tr><td>Azaz</td><td>51,000</td></tr></table>",
			"Town · Displaced\n\nAzaz · 51,000"},
		{"full document",
			"<!DOCTYPE html><html><head><title>T</title><style>x</style></head><body><p>Body.</p></body></html>",
			"Body."},
		{"hidden elements dropped",
			`<p>Shown<span hidden>x</span><span aria-hidden="true">y</span><span style="display: none">z</span> text</p>`,
			"Shown text"},
		{"q gets quotation marks",
			`<p>He called it <q> a <q>temporary</q> pause </q>, not a truce.</p>`,
			"He called it “a ‘temporary’ pause”, not a truce."},
		{"comments dropped", "<p>a<!-- hidden -->b</p>", "ab"},
		{"figure with caption",
			`<figure><img src="a.jpg" alt="Rubble in Aleppo"><figcaption>Photo: <a href="http://x">AFP</a></figcaption></figure><p>Text.</p>`,
			"[image: Rubble in Aleppo]\n\nPhoto: AFP\n\nText."},
		{"unclosed tags", "<p>one<p>two<div>three", "one\n\ntwo\n\nthree"},
		{"CR in html", "<p>a\r\nb\rc</p>", "a b c"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ToText(tc.in)
			if got != tc.want {
				t.Errorf("ToText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			checkConvention(t, got)
		})
	}
}

// checkConvention asserts the output shape every caller relies on.
func checkConvention(t *testing.T, s string) {
	t.Helper()
	if s != strings.TrimSpace(s) {
		t.Errorf("leading or trailing space in %q", s)
	}
	if strings.Contains(s, "\n\n\n") {
		t.Errorf("more than one blank line in %q", s)
	}
	if strings.Contains(s, "\r") || strings.Contains(s, "\t") {
		t.Errorf("CR or tab in %q", s)
	}
	for _, p := range strings.Split(s, "\n\n") {
		if p != strings.TrimSpace(p) && !strings.HasPrefix(p, "\u00a0") {
			t.Errorf("paragraph with outer space: %q", p)
		}
		if strings.Contains(p, "  ") {
			t.Errorf("uncollapsed space in %q", p)
		}
	}
}

func TestWordCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"  • — ! ", 0},
		{"one", 1},
		{"Over 250,000 people, don't forget al-Assad's 3.5 km.", 8},
		{"Trailing punctuation. Next-", 3},
		{"• item one\n\n• item two", 4},
		{"Syrie: «cessez-le-feu»", 2},
		{"叙利亚停火", 5},
		{"[image: map of Aleppo]", 4},
	}
	for _, tc := range tests {
		if got := WordCount(tc.in); got != tc.want {
			t.Errorf("WordCount(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

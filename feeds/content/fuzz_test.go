package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzToText checks the properties callers rely on for any input: no
// panic, the paragraph convention, valid UTF-8 out of valid UTF-8 in, and
// no CR (the sanitiser would keep it as a newline and split a paragraph).
func FuzzToText(f *testing.F) {
	for _, s := range []string{
		"", "plain\n\ntext", "<p>a</p><p>b</p>", "a<br><br>b", "<ul><li>x<li>y</ul>",
		"&lt;p&gt;x&lt;/p&gt;", "<pre>a\n\n\nb</pre>", "<a href='http://x'></a>",
		"<img alt='  '>", "x&nbsp;&nbsp;y", "<table><td>a<td>b</table>", "\r\n\r\n",
		"<p>\u00a0</p>x", "<div hidden>h</div>", "• already bulleted",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := ToText(in)
		if strings.Contains(out, "\n\n\n") || out != strings.TrimSpace(out) || strings.Contains(out, "\r") {
			t.Errorf("bad shape %q from %q", out, in)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 %q from %q", out, in)
		}
		if in != "" && WordCount(out) > WordCount(in)+strings.Count(in, "href")+strings.Count(in, "alt")*2 {
			t.Errorf("words appeared: %q from %q", out, in)
		}
	})
}

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
		checkNoNewControls(t, in, out)
		for _, conv := range []func(string) string{TitleToText, FromText, FromHTML} {
			o := conv(in)
			if strings.Contains(o, "\n\n\n") || o != strings.TrimSpace(o) || strings.Contains(o, "\r") || !utf8.ValidString(o) {
				t.Errorf("bad shape %q from %q", o, in)
			}
			checkNoNewControls(t, in, o)
		}
	})
}

// checkNoNewControls: a character the terminal acts on (C1 controls such
// as U+009B, bidi overrides such as U+202E) may leave the conversion only
// if it came in, as itself or as a character reference. Invalid bytes
// must not join into one.
func checkNoNewControls(t *testing.T, in, out string) {
	t.Helper()
	if strings.Contains(in, "&") {
		return
	}
	for _, r := range out {
		if (r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) && !strings.ContainsRune(in, r) {
			t.Errorf("%U appeared in %q from %q", r, out, in)
		}
	}
}

// FuzzWriter feeds text straight to the writer, as FromNode does with the
// text nodes of a parsed page.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"plain", "a\u00adb", "x\u200by", "\u00a0250\u00a0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var w writer
		w.text(in)
		out := w.String()
		if !utf8.ValidString(out) {
			t.Errorf("invalid UTF-8 %q from %q", out, in)
		}
		checkNoNewControls(t, in, out)
	})
}

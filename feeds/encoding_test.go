package feeds

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Issue 10: feeds with no declared charset in Big5, EUC-JP, EUC-KR,
// GB2312, KOI8-R, Shift_JIS, TIS-620 or Windows-1255 became Windows-1252
// mojibake. These are feedparser's chardet cases.
func TestUndeclaredCharsets(t *testing.T) {
	cases := map[string]encoding.Encoding{
		"big5.xml":        traditionalchinese.Big5,
		"eucjp.xml":       japanese.EUCJP,
		"euckr.xml":       korean.EUCKR,
		"gb2312.xml":      simplifiedchinese.GB18030,
		"koi8r.xml":       charmap.KOI8R,
		"shiftjis.xml":    japanese.ShiftJIS,
		"tis620.xml":      charmap.Windows874,
		"windows1255.xml": charmap.Windows1255,
	}
	dir := filepath.Join(hostileDir, "feedparser", "illformed", "chardet")
	for name, enc := range cases {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			t.Fatal(err)
		}
		got := toUTF8(raw, "")
		if !bytes.Equal(got, want) {
			t.Errorf("%s: decoded as something else:\n got %.200q\nwant %.200q", name, got, want)
		}
	}
	// Latin-1 without a label still reads as Windows-1252.
	for _, in := range []string{"<rss>Al\xe9p, d\xe9plac\xe9s \x93ok\x94</rss>", "<rss>na\xefve caf\xe9 \xe0 Gen\xe8ve</rss>"} {
		want, _ := charmap.Windows1252.NewDecoder().String(in)
		if got := string(toUTF8([]byte(in), "")); got != want {
			t.Errorf("latin-1: %q, want %q", got, want)
		}
	}
}

// Issue 10: double-encoded UTF-8 ("â€¦") is repaired, in bytes and in
// character references (feedparser's double-encoded-html cases).
func TestDoubleEncoding(t *testing.T) {
	for in, want := range map[string]string{
		"â€¦":                         "…",
		"â\u0080¦":                    "…",
		"Ã©tat dâ€™urgence":           "état d’urgence",
		"Ð\u009fÑ\u0080Ð¸Ð²ÐµÑ\u0082": "Привет",
		"Ã alone, Ã© ok":              "Ã alone, é ok",
		"plain ASCII":                 "plain ASCII",
		"Alép déjà":                   "Alép déjà",
	} {
		if got := fixDoubleEncoding(in); got != want {
			t.Errorf("fixDoubleEncoding(%q) = %q, want %q", in, got, want)
		}
	}
	for _, name := range []string{"double-encoded-html.xml", "bozo_double-encoded-html.xml"} {
		raw, err := os.ReadFile(filepath.Join(hostileDir, "feedparser", "encoding", name))
		if err != nil {
			t.Fatal(err)
		}
		_, ss := pollBody(t, "application/rss+xml", string(raw))
		if len(ss) != 1 || !strings.Contains(ss[0].Body, "…") {
			t.Errorf("%s: %+v", name, ss)
		}
	}
}

package feeds

import (
	"strings"
	"testing"
)

func TestToUTF8(t *testing.T) {
	const decl = `<?xml version="1.0" encoding="%s"?>`
	cases := []struct {
		name, ct string
		body     string
		want     string // must appear in the output
	}{
		{"utf-8 plain", "", "<rss>Alép</rss>", "Alép"},
		{"latin-1 bytes declared utf-8", "", `<?xml version="1.0" encoding="UTF-8"?><rss>Al` + "\xe9" + `p</rss>`, "Alép"},
		{"latin-1 bytes, header utf-8", "text/xml; charset=utf-8", "<rss>Al\xe9p</rss>", "Alép"},
		{"cp1252 quote, no label", "", "<rss>don\x92t</rss>", "don’t"},
		{"header wins over declaration", "application/xml; charset=iso-8859-1", `<?xml version="1.0" encoding="koi8-r"?><rss>Al` + "\xe9" + `p</rss>`, "Alép"},
		{"declaration koi8-r", "", `<?xml version="1.0" encoding="koi8-r"?><rss>` + "\xf0\xd2\xc9\xd7\xc5\xd4" + `</rss>`, "Привет"},
		{"lenient header param", `text/xml;charset= "iso-8859-1"`, "<rss>Al\xe9p</rss>", "Alép"},
		{"header charset:x form", `text/xml; charset:iso-8859-1`, "<rss>Al\xe9p</rss>", "Alép"},
		{"utf-8 body labelled latin-1", "text/xml; charset=iso-8859-1", "<rss>Alép</rss>", "Alép"},
		{"utf-8 BOM", "", "\xef\xbb\xbf<rss>Alép</rss>", "<rss>Alép"},
		{"utf-16le BOM", "", "\xff\xfe<\x00r\x00s\x00s\x00>\x00\xe9\x00<\x00/\x00r\x00s\x00s\x00>\x00", "<rss>é</rss>"},
		{"utf-16be no BOM", "", "\x00<\x00r\x00s\x00s\x00>\x00\xe9\x00<\x00/\x00r\x00s\x00s\x00>", "<rss>é</rss>"},
		{"unknown label falls back", "", `<?xml version="1.0" encoding="x-bogus"?><rss>Al` + "\xe9" + `p</rss>`, "Alép"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := string(toUTF8([]byte(c.body), c.ct))
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q, want it to contain %q", got, c.want)
			}
			if strings.Contains(got, "\xef\xbb\xbf") {
				t.Errorf("BOM left in %q", got)
			}
		})
	}
	// The declaration is rewritten so the XML parser does not decode twice.
	got := string(toUTF8([]byte(`<?xml version="1.0" encoding="iso-8859-1"?><rss>Al`+"\xe9"+`p</rss>`), ""))
	if !strings.HasPrefix(got, `<?xml version="1.0" encoding="utf-8"?>`) {
		t.Errorf("declaration not rewritten: %q", got)
	}
	_ = decl
}

func TestHeaderCharset(t *testing.T) {
	for ct, want := range map[string]string{
		"text/xml; charset=utf-8":          "utf-8",
		`text/xml;charset= "us-ascii"`:     "us-ascii",
		"text/xml;charset = us-ascii":      "us-ascii",
		"text/rss+xml;charset= 'us-ascii'": "us-ascii",
		"text/xml; qs=0.9":                 "",
		"text/xml;":                        "",
		"":                                 "",
	} {
		if got := headerCharset(ct); got != want {
			t.Errorf("headerCharset(%q) = %q, want %q", ct, got, want)
		}
	}
}

func TestHasEscapeIntroducer(t *testing.T) {
	for s, want := range map[string]bool{
		"plain":            false,
		"caf\u00e9 \u00a0": false, // C2 A0 is NBSP, not C1
		"x\x1b[2Jy":        true,
		"x\u009b31m":       true,
		"x\u0085":          true,
		"\xc2":             false,
	} {
		if got := hasEscapeIntroducer([]byte(s)); got != want {
			t.Errorf("hasEscapeIntroducer(%q) = %v", s, got)
		}
	}
}

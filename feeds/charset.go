package feeds

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// toUTF8 returns body as valid UTF-8 with no BOM and, for XML, a declaration
// that says so. The encoding comes from the HTTP Content-Type, else the BOM
// or the XML declaration, else detection. Whatever bytes are still invalid
// after decoding are read as Windows-1252: feeds that declare UTF-8 and
// send Latin-1 are common, and a story with one odd letter beats a feed that
// fails.
func toUTF8(body []byte, contentType string) []byte {
	enc := pickEncoding(body, contentType)
	out := body
	if enc != nil && enc != encoding.Nop && enc != unicode.UTF8 {
		if dec, err := enc.NewDecoder().Bytes(body); err == nil {
			out = dec
		}
	}
	out = bytes.TrimPrefix(out, []byte("\xef\xbb\xbf"))
	out = repairUTF8(out)
	return rewriteXMLDecl(out)
}

// pickEncoding applies the order of precedence above.
func pickEncoding(body []byte, contentType string) encoding.Encoding {
	// A BOM is the surest sign there is; the HTTP header may be a server
	// default that knows nothing of the file.
	switch {
	case bytes.HasPrefix(body, []byte("\x00\x00\xfe\xff")):
		return utf32.UTF32(utf32.BigEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(body, []byte("\xff\xfe\x00\x00")):
		return utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM)
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return unicode.UTF8
	case bytes.HasPrefix(body, []byte("\xfe\xff")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(body, []byte("\xff\xfe")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	// UTF-16 and UTF-32 without a BOM still show themselves by the NULs
	// around the first '<'.
	switch {
	case bytes.HasPrefix(body, []byte("\x00\x00\x00<")):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM)
	case bytes.HasPrefix(body, []byte("<\x00\x00\x00")):
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM)
	case bytes.HasPrefix(body, []byte("\x00<\x00")):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	case bytes.HasPrefix(body, []byte("<\x00")):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	}
	for _, label := range []string{headerCharset(contentType), xmlDeclEncoding(body)} {
		if e, name := lookupEncoding(label); e != nil {
			// A body that is valid UTF-8 with multi-byte letters in it was
			// not written in ASCII or Latin-1, whatever the label says:
			// random 8-bit text is almost never valid UTF-8.
			if name == "windows-1252" && hasHighBit(body) && utf8.Valid(body) {
				return unicode.UTF8
			}
			return e
		}
	}
	if utf8.Valid(body) {
		return unicode.UTF8
	}
	if e := detectEncoding(body); e != nil {
		return e
	}
	e, _, _ := charset.DetermineEncoding(body, "")
	return e
}

// detectEncoding guesses the encoding of a body that declares none and is
// not UTF-8, from the statistics of its bytes: github.com/gogs/chardet (a
// port of ICU's detector, already in the module graph through
// go-trafilatura) for the CJK multi-byte encodings, KOI8-R and Hebrew,
// and a check of its own for Thai TIS-620, which ICU does not know. nil
// means no confident guess: the caller falls back to Windows-1252.
func detectEncoding(body []byte) encoding.Encoding {
	sample := body[:min(len(body), 64<<10)]
	if r, err := chardet.NewTextDetector().DetectBest(sample); err == nil && r.Confidence >= 25 {
		name := strings.ToLower(r.Charset)
		switch name {
		case "iso-8859-1", "windows-1252", "utf-8", "iso-8859-11":
			// Latin-1 is the fallback anyway; the UTF-8 guess of invalid
			// bytes is wrong by definition.
		case "iso-8859-8", "iso-8859-8-i", "iso-8859-8-e":
			return charmap.Windows1255 // Hebrew as written on Windows, a superset
		case "gb18030", "gb2312":
			return simplifiedchinese.GB18030 // a superset of GB2312 and GBK
		default:
			if e, _ := lookupEncoding(name); e != nil {
				return e
			}
		}
	}
	if looksThai(sample) {
		return charmap.Windows874 // TIS-620 with Windows' additions
	}
	return nil
}

// looksThai reports whether the 8-bit bytes of b read as Thai in TIS-620:
// all of them in its letter ranges, and many of them the vowel and tone
// marks that follow a consonant. Latin-1 text with a few accented letters
// has neither profile.
func looksThai(b []byte) bool {
	var high, marks int
	for _, c := range b {
		switch {
		case c < 0x80:
		case c >= 0xa1 && c <= 0xda, c >= 0xdf && c <= 0xfb:
			high++
			if c == 0xd1 || c >= 0xd4 && c <= 0xda || c >= 0xe7 && c <= 0xee {
				marks++
			}
		default:
			return false
		}
	}
	return high >= 20 && marks*6 >= high
}

// lookupEncoding knows the WHATWG labels (which read us-ascii and latin1 as
// windows-1252, a superset, as browsers do). UTF-16 and UTF-32 labels are
// ignored: those encodings are recognised from the bytes themselves (BOM,
// NULs), and a label that says so over plainly 8-bit bytes is a lie.
func lookupEncoding(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return nil, ""
	}
	if label == "utf-8" || label == "utf8" {
		return unicode.UTF8, "utf-8"
	}
	e, name := charset.Lookup(label)
	if e == nil || strings.HasPrefix(name, "utf-16") || strings.Contains(label, "32") {
		return nil, ""
	}
	return e, name
}

// charsetParam is lenient on purpose: real servers send charset= "x",
// charset = x and charset:x, which mime.ParseMediaType rejects.
var charsetParam = regexp.MustCompile(`(?i)charset\s*[=:]\s*["']?\s*([a-z0-9._:-]+)`)

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return strings.Trim(params["charset"], `"' `)
	}
	if m := charsetParam.FindStringSubmatch(contentType); m != nil {
		return m[1]
	}
	return ""
}

var xmlDeclRe = regexp.MustCompile(`^\s*<\?xml[^>]*?\?>`)
var xmlEncRe = regexp.MustCompile(`(?i)encoding\s*=\s*["']([^"']*)["']`)

// xmlDeclEncoding reads encoding="..." from the XML declaration.
func xmlDeclEncoding(body []byte) string {
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	decl := xmlDeclRe.Find(head)
	if decl == nil {
		return ""
	}
	if m := xmlEncRe.FindSubmatch(decl); m != nil {
		return string(m[1])
	}
	return ""
}

// rewriteXMLDecl makes the declaration say UTF-8, which the body now is;
// otherwise the XML parser would decode it a second time.
func rewriteXMLDecl(body []byte) []byte {
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	loc := xmlDeclRe.FindIndex(head)
	if loc == nil {
		return body
	}
	decl := body[loc[0]:loc[1]]
	if m := xmlEncRe.FindSubmatchIndex(decl); m != nil {
		if strings.EqualFold(string(decl[m[2]:m[3]]), "utf-8") {
			return body
		}
		var out bytes.Buffer
		out.Grow(len(body))
		out.Write(body[:loc[0]+m[2]])
		out.WriteString("utf-8")
		out.Write(body[loc[0]+m[3]:])
		return out.Bytes()
	}
	return body
}

// repairUTF8 keeps valid UTF-8 as it is and reads each invalid byte as
// Windows-1252, so "Al\xe9p" becomes "Alép" and not "Al\uFFFDp".
func repairUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	dec := charmap.Windows1252
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			r = dec.DecodeByte(b[i])
			out = utf8.AppendRune(out, r)
			i++
			continue
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	return out
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

package feeds

import (
	"strings"
	"unicode/utf8"
)

// fixDoubleEncoding repairs UTF-8 that was read as Windows-1252 (or
// Latin-1) and encoded as UTF-8 again: "â€¦" becomes "…", "Ã©" "é". Each
// run of characters whose single-byte values form one valid multi-byte
// UTF-8 sequence is replaced by the character it encodes; anything else
// is left alone, so text that merely contains "Ã" is kept. Feeds do this
// both in their bytes and through character references ("&#226;&#128;
// &#166;"), so it runs on the parsed text.
func fixDoubleEncoding(s string) string {
	// Every candidate starts with a lead byte 0xC2..0xF4 read as a letter,
	// U+00C2..U+00F4, which UTF-8 writes as C3 xx.
	if strings.IndexByte(s, 0xc3) < 0 {
		return s
	}
	var b strings.Builder
	last := 0 // s[:last] is written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0xc2 || r > 0xf4 {
			i += size
			continue
		}
		need := 1 // continuation bytes the lead byte asks for
		switch {
		case r >= 0xf0:
			need = 3
		case r >= 0xe0:
			need = 2
		}
		seq := []byte{byte(r)}
		j := i + size
		for k := 0; k < need && j < len(s); k++ {
			c, n := utf8.DecodeRuneInString(s[j:])
			cb, ok := cp1252Byte(c)
			if !ok || cb < 0x80 || cb > 0xbf {
				break
			}
			seq = append(seq, cb)
			j += n
		}
		if len(seq) == need+1 {
			if fixed, n := utf8.DecodeRune(seq); fixed != utf8.RuneError && n == len(seq) {
				b.WriteString(s[last:i])
				b.WriteRune(fixed)
				last, i = j, j
				continue
			}
		}
		i += size
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// cp1252Byte is the Windows-1252 byte of r, with U+0080..U+009F (Latin-1's
// C1 controls, what "&#128;" means in XML) standing for themselves.
func cp1252Byte(r rune) (byte, bool) {
	if r <= 0xff {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91,
	'’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98,
	'™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
}

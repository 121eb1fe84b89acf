package extract

import (
	"unicode"
	"unicode/utf8"
)

// para is one paragraph: a run of non-empty lines. Quotes never cross a
// paragraph boundary; the multi-paragraph convention is handled by
// attribution instead, which keeps every span inside its own paragraph.
type para struct {
	start, end int // byte offsets, end exclusive, without surrounding blanks
}

// splitParas cuts text at line breaks. A single newline is treated as a
// paragraph break too: extracted article text often loses its blank lines,
// and a quote that runs across a line break is rarer than one that does not.
func splitParas(text string) []para {
	ps := make([]para, 0, 32)
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) && text[j] != '\n' {
			j++
		}
		s, e := trimSpan(text, i, j)
		if s < e {
			ps = append(ps, para{s, e})
		}
		i = j + 1
	}
	return ps
}

// trimSpan narrows [s,e) so it neither starts nor ends with white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xa0 || r == 0x202f || r == 0x2009 || unicode.IsSpace(r)
}

// prevRune returns the rune ending at byte i, or -1 at the start.
func prevRune(text string, i int) rune {
	if i <= 0 {
		return -1
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

// nextRune returns the rune starting at byte i, or -1 at the end.
func nextRune(text string, i int) rune {
	if i >= len(text) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

func isLetter(r rune) bool {
	if r < 0x80 {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
	}
	return unicode.IsLetter(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isAlnum(r rune) bool { return isLetter(r) || isDigit(r) || (r >= 0x80 && unicode.IsMark(r)) }

func isUpper(r rune) bool {
	if r < 0x80 {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// lowerASCII lowercases s into buf (reused by the caller) so that map
// look-ups with string(buf) do not allocate.
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		} else if c >= 0x80 {
			// Non-ASCII: fold the apostrophe and dashes that matter for
			// look-ups, copy everything else byte for byte.
			r, n := utf8.DecodeRuneInString(s[i:])
			switch r {
			case '’', '‘':
				buf = append(buf, '\'')
				i += n - 1
				continue
			case '–', '—', '‑':
				buf = append(buf, '-')
				i += n - 1
				continue
			}
			lr := unicode.ToLower(r)
			buf = utf8.AppendRune(buf, lr)
			i += n - 1
			continue
		}
		buf = append(buf, c)
	}
	return buf
}

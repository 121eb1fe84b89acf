package extract

import (
	"strings"
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
//
// When the text separates paragraphs with blank lines, a block whose lines
// all look alike in length (all but the last at least 60% of the longest,
// the longest 40 bytes or more) is hard-wrapped prose, and its lines join
// into one paragraph: a quotation wrapped over two lines stays whole. Other
// blocks (lists, tables, addresses) keep a paragraph per line.
func splitParas(text string) []para {
	ps := make([]para, 0, 32)
	blank := strings.Contains(text, "\n\n") || strings.Contains(text, "\n\r\n")
	var block []para
	flush := func() {
		if len(block) > 1 && blank && wrappedBlock(block) {
			ps = append(ps, para{block[0].start, block[len(block)-1].end})
		} else {
			ps = append(ps, block...)
		}
		block = block[:0]
	}
	i := 0
	for i < len(text) {
		j := i
		for j < len(text) && text[j] != '\n' {
			j++
		}
		s, e := trimSpan(text, i, j)
		if s < e {
			block = append(block, para{s, e})
		} else {
			flush()
		}
		i = j + 1
	}
	flush()
	return ps
}

// wrappedBlock reports whether the lines of a block look hard-wrapped.
func wrappedBlock(lines []para) bool {
	longest := 0
	for _, l := range lines {
		if n := l.end - l.start; n > longest {
			longest = n
		}
	}
	if longest < 40 {
		return false
	}
	for _, l := range lines[:len(lines)-1] {
		if (l.end-l.start)*10 < longest*6 {
			return false
		}
	}
	return true
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

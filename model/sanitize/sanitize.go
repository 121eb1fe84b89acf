// Package sanitize is the one gate every string from outside (feed, page,
// config) passes before it can reach the terminal. It removes what a
// terminal would act on instead of print: C0 and C1 control characters,
// ESC/CSI/OSC/DCS/APC/PM/SOS sequences (7-bit and 8-bit forms), and the
// bidirectional overrides and isolates that reorder what the reader sees.
// Invalid UTF-8 becomes U+FFFD.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Text sanitises multi-line text: newlines are kept (CRLF and CR become
// "\n"), tabs become a space, everything dangerous is removed.
func Text(s string) string {
	return clean(s, false)
}

// Line sanitises a one-line string such as a title: all runs of whitespace,
// newlines included, become one space, and the ends are trimmed.
func Line(s string) string {
	return strings.TrimSpace(clean(s, true))
}

// IsSafe reports whether s would come through Text unchanged.
func IsSafe(s string) bool {
	return Text(s) == s
}

func clean(s string, oneLine bool) string {
	if isPlain(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	lastSpace := false
	emitSpace := func() {
		if oneLine {
			if !lastSpace {
				b.WriteByte(' ')
			}
			lastSpace = true
			return
		}
		b.WriteByte(' ')
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b { // ESC: drop the whole sequence it starts
			i = skipEscape(s, i)
			continue
		}
		if c < 0x80 {
			switch {
			case c == '\n':
				if oneLine {
					emitSpace()
				} else {
					b.WriteByte('\n')
				}
			case c == '\r':
				if i+1 < len(s) && s[i+1] == '\n' {
					break // the '\n' that follows does the work
				}
				if oneLine {
					emitSpace()
				} else {
					b.WriteByte('\n')
				}
			case c == '\t' || c == '\v' || c == '\f':
				emitSpace()
			case c < 0x20 || c == 0x7f:
				// other C0 controls and DEL: dropped
			case c == ' ':
				emitSpace()
			default:
				b.WriteByte(c)
				lastSpace = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.WriteRune(utf8.RuneError)
			lastSpace = false
			i++
			continue
		}
		switch {
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x9f || r == 0x9e || r == 0x98:
			// 8-bit CSI, OSC, DCS, APC, PM, SOS: drop the sequence
			i = skipC1Sequence(s, i, r, size)
			continue
		case r >= 0x80 && r <= 0x9f:
			// other C1 controls: dropped
		case isBidiControl(r):
			// dropped: they reorder text and can disguise it
		case r == 0x2028 || r == 0x2029: // line/paragraph separators
			if oneLine {
				emitSpace()
			} else {
				b.WriteByte('\n')
			}
		case r == 0x00a0 && oneLine:
			emitSpace()
		default:
			b.WriteString(s[i : i+size])
			lastSpace = false
		}
		i += size
	}
	return b.String()
}

// isPlain is the fast path: printable ASCII and safe multi-byte runes only.
func isPlain(s string, oneLine bool) bool {
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 || c == 0x7f {
				if c != '\n' || oneLine {
					return false
				}
			}
			if oneLine && c == ' ' {
				if prevSpace || i == 0 || i == len(s)-1 {
					return false
				}
				prevSpace = true
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		prevSpace = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || r == 0x2028 || r == 0x2029 || (oneLine && r == 0xa0) {
			return false
		}
		i += size
	}
	return true
}

func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e: // LRE RLE PDF LRO RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI RLI FSI PDI
		return true
	}
	// LRM, RLM and ALM (U+200E, U+200F, U+061C) stay: they are invisible
	// strong characters that only settle the direction of the neutral
	// characters around them ("(قال)" with its brackets the right way
	// round), reorder nothing else, and cannot outlive their line. Arabic
	// and Hebrew text carries them for good reasons.
	return false
}

// skipEscape returns the index just past the escape sequence that starts
// with the ESC at s[i]. An unterminated string sequence drops only its
// introducer, so the text after it is not lost.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return i + 1
	}
	switch s[i+1] {
	case '[': // CSI: parameters and intermediates, then a final byte
		j := i + 2
		for j < len(s) {
			c := s[j]
			if c >= 0x40 && c <= 0x7e {
				return j + 1
			}
			if c < 0x20 || c > 0x3f && c < 0x40 || c >= 0x80 {
				return j // malformed: stop at the odd byte
			}
			j++
		}
		return j
	case ']', 'P', '_', '^', 'X': // OSC, DCS, APC, PM, SOS: up to BEL or ST
		if end, ok := stringTerminator(s, i+2); ok {
			return end
		}
		return i + 2
	default: // two-byte escape (ESC c, ESC 7, ESC ( B ...)
		j := i + 1
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f { // intermediates
			j++
		}
		if j < len(s) && s[j] < 0x80 {
			j++
		}
		return j
	}
}

// skipC1Sequence handles the 8-bit forms of the same sequences.
func skipC1Sequence(s string, i int, r rune, size int) int {
	start := i + size
	if r == 0x9b { // CSI
		j := start
		for j < len(s) {
			c := s[j]
			if c >= 0x40 && c <= 0x7e {
				return j + 1
			}
			if c < 0x20 || c >= 0x80 {
				return j
			}
			j++
		}
		return j
	}
	if end, ok := stringTerminator(s, start); ok {
		return end
	}
	return start
}

// stringTerminator finds the BEL, ESC \ or 8-bit ST ending a string
// sequence that starts at j, and returns the index past it.
func stringTerminator(s string, j int) (int, bool) {
	for ; j < len(s); j++ {
		switch s[j] {
		case 0x07:
			return j + 1, true
		case 0x1b:
			if j+1 < len(s) && s[j+1] == '\\' {
				return j + 2, true
			}
			return j + 1, true // a bare ESC ends it too; xterm agrees
		case 0xc2:
			if j+1 < len(s) && s[j+1] == 0x9c {
				return j + 2, true
			}
		}
	}
	return 0, false
}

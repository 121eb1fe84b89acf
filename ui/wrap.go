package ui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fit makes a (possibly styled) string exactly w cells wide: truncated with
// tail when longer, padded with spaces when shorter. Every line a pane draws
// goes through it, so no line can ever be wider than its pane.
func fit(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, tail)
		sw = ansi.StringWidth(s)
	}
	if sw < w {
		s += strings.Repeat(" ", w-sw)
	}
	return s
}

// wrapItems joins short items ("Reuters", "Fri 12 Feb 2016") with the
// separator into lines of at most width cells, breaking between items,
// never inside one; an item wider than a line is cut.
func wrapItems(items []string, sym Symbols, width int) []string {
	var lines []string
	cur := ""
	for _, item := range items {
		switch {
		case cur == "":
			cur = item
		case ansi.StringWidth(cur+sym.Sep+item) <= width:
			cur += sym.Sep + item
		default:
			lines = append(lines, ansi.Truncate(cur, width, sym.Ellipsis))
			cur = item
		}
	}
	if cur != "" {
		lines = append(lines, ansi.Truncate(cur, width, sym.Ellipsis))
	}
	return lines
}

// oneLine joins items with the separator on one line of at most width
// cells: the items that fit whole, then "+N" for those left out (the first
// item is cut with an ellipsis if even it does not fit).
func oneLine(items []string, sym Symbols, width int) string {
	out := ""
	for i, item := range items {
		next := item
		if out != "" {
			next = out + sym.Sep + item
		}
		more := ""
		if rest := len(items) - i - 1; rest > 0 {
			more = sym.Sep + "+" + strconv.Itoa(rest)
		}
		if ansi.StringWidth(next+more) <= width || (i == len(items)-1 && ansi.StringWidth(next) <= width) {
			out = next
			continue
		}
		if out == "" {
			return ansi.Truncate(item, width, sym.Ellipsis)
		}
		return out + sym.Sep + "+" + strconv.Itoa(len(items)-i)
	}
	return out
}

// span is a byte range of a text.
type span struct{ start, end int }

// wrapText breaks text into lines of at most width cells and returns each
// line as a byte range of text, so highlight spans (byte offsets into the
// story body) can be drawn on the wrapped lines without re-searching. A
// "\n" ends a line; runs of blank lines collapse to one; a word wider than
// the line is cut at grapheme boundaries.
func wrapText(text string, width int) []span {
	if width < 1 {
		width = 1
	}
	var out []span
	blank := true // suppress leading and repeated blank lines
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		if strings.TrimSpace(text[pos:end]) == "" {
			if !blank {
				out = append(out, span{end, end})
				blank = true
			}
		} else {
			out = wrapLine(out, text, pos, end, width)
			blank = false
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	// No trailing blank line.
	if n := len(out); n > 0 && out[n-1].start == out[n-1].end {
		out = out[:n-1]
	}
	return out
}

// wrapLine greedily fills lines from the words of text[from:to].
func wrapLine(out []span, text string, from, to, width int) []span {
	lineStart, lineEnd, lineW := -1, -1, 0
	i := from
	for i < to {
		// Skip spaces between words.
		for i < to && text[i] == ' ' {
			i++
		}
		if i >= to {
			break
		}
		j := i
		for j < to && text[j] != ' ' {
			j++
		}
		word := text[i:j]
		ww := ansi.StringWidth(word)
		switch {
		case lineStart < 0 && ww <= width:
			lineStart, lineEnd, lineW = i, j, ww
		case lineStart >= 0 && lineW+1+ww <= width:
			lineEnd, lineW = j, lineW+1+ww
		default:
			if lineStart >= 0 {
				out = append(out, span{lineStart, lineEnd})
				lineStart = -1
			}
			// A word longer than a whole line is cut into pieces.
			for ww > width {
				cut := cutWidth(word, width)
				out = append(out, span{i, i + cut})
				i += cut
				word = text[i:j]
				ww = ansi.StringWidth(word)
			}
			lineStart, lineEnd, lineW = i, j, ww
		}
		i = j
	}
	if lineStart >= 0 {
		out = append(out, span{lineStart, lineEnd})
	}
	return out
}

// cutWidth returns how many bytes of s fill at most w cells, at least one
// grapheme so wrapping always progresses.
func cutWidth(s string, w int) int {
	t := ansi.Truncate(s, w, "")
	if len(t) == 0 {
		// The first grapheme alone is wider than w: take one rune.
		for i := range s {
			if i > 0 {
				return i
			}
		}
		return len(s)
	}
	return len(t)
}

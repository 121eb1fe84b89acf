package extract

import (
	"strconv"
	"strings"
	"unicode"
)

// FormatText renders a result for people: quotations grouped by speaker
// (with role), in order of first appearance, then the figures with their
// category, value or bounds and a few words of context from text.
func FormatText(r Result, text string) string {
	var b strings.Builder
	b.WriteString("Quotes (" + strconv.Itoa(len(r.Quotes)) + ")\n")
	type group struct {
		speaker, role string
		quotes        []string
	}
	var groups []*group
	index := map[string]*group{}
	for _, q := range r.Quotes {
		key := "(no speaker)"
		if q.Speaker != nil {
			key = *q.Speaker
		}
		g := index[key]
		if g == nil {
			g = &group{speaker: key}
			index[key] = g
			groups = append(groups, g)
		}
		if g.role == "" && q.Role != nil {
			g.role = *q.Role
		}
		g.quotes = append(g.quotes, q.Text)
	}
	for _, g := range groups {
		b.WriteString("  " + g.speaker)
		if g.role != "" {
			b.WriteString(" · " + g.role)
		}
		b.WriteByte('\n')
		for _, q := range g.quotes {
			b.WriteString("    “" + oneLine(q) + "”\n")
		}
	}
	b.WriteString("Figures (" + strconv.Itoa(len(r.Stats)) + ")\n")
	// Columns as wide as their widest cell, counted in terminal cells:
	// "≥" and "–" are three bytes but one cell, and a wide value must not
	// push its context out of line.
	values := make([]string, len(r.Stats))
	catW, valW := 10, 0
	for i, s := range r.Stats {
		values[i] = figureValue(s)
		catW = max(catW, displayWidth(string(s.Category)))
		valW = max(valW, displayWidth(values[i]))
	}
	for i, s := range r.Stats {
		b.WriteString("  " + pad(string(s.Category), catW) + " " + pad(values[i], valW) + " " + context(text, s.Start, s.End) + "\n")
	}
	return b.String()
}

// pad fills s with spaces to n terminal cells.
func pad(s string, n int) string {
	w := displayWidth(s)
	if w >= n {
		return s
	}
	return s + strings.Repeat(" ", n-w)
}

// displayWidth is the number of terminal cells s takes: one per rune, two
// for East Asian wide and full-width runes, none for combining marks and
// zero-width characters. Enough for figure values and categories; the
// package needs no terminal library for it.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		switch {
		case r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF && r != 0x303F, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6,
			r >= 0x1F300 && r <= 0x1F64F, r >= 0x1F900 && r <= 0x1F9FF, r >= 0x20000 && r <= 0x3FFFD:
			w += 2
		default:
			w++
		}
	}
	return w
}

// figureValue writes the value with its bounds: "over 250,000 people",
// "300–400 people", "≥ 12 people (vague)".
func figureValue(s Stat) string {
	v := FormatNumber(s.Value)
	switch {
	case s.Lower != nil && s.Upper != nil && *s.Lower != *s.Upper:
		v = FormatNumber(*s.Lower) + "–" + FormatNumber(*s.Upper)
	case s.Vague:
		v = "≥ " + v
	case s.Qualifier != "":
		v = s.Qualifier + " " + v
	}
	if s.Unit != "" {
		v += " " + s.Unit
	}
	if s.Vague {
		v += " (vague)"
	}
	return v
}

// FormatNumber writes 250000 as 250,000 and 1.5 as 1.5: a figure's value as
// the text and exports show it.
func FormatNumber(f float64) string {
	if f != float64(int64(f)) || f > 1e15 || f < -1e15 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(f), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// context shows the figure with up to four words on each side.
func context(text string, start, end int) string {
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	a := start
	for words := 0; a > 0 && words < 4; {
		a--
		if text[a] == '\n' {
			a++
			break
		}
		if text[a] == ' ' && a < start-1 && text[a+1] != ' ' {
			words++
		}
	}
	e := end
	for words := 0; e < len(text) && words < 4; e++ {
		if text[e] == '\n' {
			break
		}
		if text[e] == ' ' && e > end {
			words++
		}
	}
	for a < start && a < len(text) && !utf8Start(text[a]) {
		a++
	}
	for e > end && e < len(text) && !utf8Start(text[e]) {
		e--
	}
	return oneLine(strings.TrimSpace(text[a:e]))
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// innerSize is what a pane frame leaves of a rectangle for content. It is read
// from the Lip Gloss border style, because Lip Gloss v2 counts border and
// padding inside a width: the content is what is left.
func innerSize(st Styles, w, h int) (int, int) {
	return max(0, w-st.Frame.GetHorizontalFrameSize()), max(0, h-st.Frame.GetVerticalFrameSize())
}

// frame draws a titled rounded box of exactly w×h cells around lines.
// Lines are cut or padded to the inner width; missing lines are blank.
func frame(st Styles, sym Symbols, title, extra string, focused bool, w, h int, lines []string) string {
	if w < 2 || h < 2 {
		return blankBlock(w, h)
	}
	iw, ih := innerSize(st, w, h)
	bs, ts := st.Border, st.Title
	if focused {
		bs, ts = st.BorderFocused, st.TitleFocused
	}
	var b strings.Builder
	// Top edge with the title in it: "╭ Queue ───…╮".
	head := ""
	if iw >= 3 {
		head = " " + ts.Render(title) + " "
		if extra != "" {
			head += bs.Render(sym.H+sym.H) + " " + st.TitleExtra.Render(extra) + " "
		}
		if ansi.StringWidth(head) > iw {
			// Cut with an ellipsis so a cut title never reads as whole.
			head = ansi.Truncate(head, iw-1, sym.Ellipsis) + " "
		}
	}
	fill := iw - ansi.StringWidth(head)
	b.WriteString(bs.Render(sym.TL))
	b.WriteString(head)
	b.WriteString(bs.Render(strings.Repeat(sym.H, fill) + sym.TR))
	side := bs.Render(sym.V)
	for i := 0; i < ih; i++ {
		b.WriteByte('\n')
		b.WriteString(side)
		if i < len(lines) {
			b.WriteString(fit(lines[i], iw, sym.Ellipsis))
		} else {
			b.WriteString(strings.Repeat(" ", iw))
		}
		b.WriteString(side)
	}
	b.WriteByte('\n')
	b.WriteString(bs.Render(sym.BL + strings.Repeat(sym.H, iw) + sym.BR))
	return b.String()
}

func blankBlock(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	line := strings.Repeat(" ", w)
	lines := make([]string, h)
	for i := range lines {
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

package ui

import (
	"strings"
)

// render composes the screen from the layout: the top bar, the panes side
// by side row by row, the key help. Each pane returns exactly its
// rectangle, so rows join without measuring.
func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	rows := make([]string, 0, m.height)
	rows = append(rows, m.status.View())
	if m.lay.bottom.H == 0 {
		return strings.Join(rows[:min(len(rows), m.height)], "\n")
	}
	bodyH := m.height - 2
	if m.showHelp {
		rows = append(rows, strings.Split(m.help.Full(m.keyHelp()), "\n")...)
	} else if m.across != nil {
		rows = append(rows, strings.Split(m.across.View(), "\n")...)
	} else if m.showSubs {
		rows = append(rows, strings.Split(m.subs.View(m.sources.feeds), "\n")...)
	} else {
		type block struct {
			x     int
			lines []string
			y     int
		}
		var blocks []block
		for f := focusSources; f < numPanes; f++ {
			r := m.lay.panes[f]
			if !r.visible() {
				continue
			}
			blocks = append(blocks, block{r.X, strings.Split(m.paneView(f), "\n"), r.Y})
		}
		for y := 1; y <= bodyH; y++ {
			var b strings.Builder
			// Panes in a row, left to right; layout never overlaps them.
			for x := 0; x < m.width; {
				found := false
				for _, bl := range blocks {
					if bl.x == x && y >= bl.y && y-bl.y < len(bl.lines) {
						line := bl.lines[y-bl.y]
						b.WriteString(line)
						x += m.lay.paneWidthAt(x, y)
						found = true
						break
					}
				}
				if !found {
					b.WriteString(strings.Repeat(" ", m.width-x))
					break
				}
			}
			rows = append(rows, b.String())
		}
	}
	switch {
	case m.search.active:
		rows = append(rows, m.search.View())
	case m.confirm != nil:
		rows = append(rows, fit(" "+m.c.st.Warn.Render(m.confirm.question), m.width, m.c.sym.Ellipsis))
	default:
		rows = append(rows, m.help.Short(m.keyHelp()))
	}
	return strings.Join(rows, "\n")
}

func (m *Model) paneView(f focusID) string { return m.pane(f).View() }

// paneWidthAt is the width of the pane whose rectangle starts at column x
// and covers row y.
func (l screenLayout) paneWidthAt(x, y int) int {
	for _, r := range l.panes {
		if r.visible() && r.X == x && r.contains(x, y) {
			return r.W
		}
	}
	return 1
}

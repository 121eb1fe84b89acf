package ui

import "github.com/charmbracelet/x/ansi"

// The list panes (sources, queue, highlights) answer movement keys and draw
// their cursor row in one way, written once here so they cannot drift
// apart.

// listNav answers a movement key for a list of n rows shown page rows at a
// time. move moves the cursor by d rows, clamped to the list, and reports
// whether the selection changed; the ends are a move by n, which the clamp
// stops at the first or last row.
func listNav(k navKey, n, page int, move func(d int) bool) paneEvent {
	var d int
	switch k {
	case navUp:
		d = -1
	case navDown:
		d = 1
	case navTop:
		d = -n
	case navBottom:
		d = n
	case navPageDown:
		d = page
	case navPageUp:
		d = -page
	case navOpen:
		return paneOpen
	default:
		return paneNone
	}
	if move(d) {
		return paneMoved
	}
	return paneNone
}

// cursorLine draws a list's cursor row iw cells wide: selected while the
// pane has focus, underlined when it has not. The row's own styles are
// dropped so the cursor style covers all of it.
func cursorLine(c *common, l string, iw int, focused bool) string {
	style := c.st.Cursor
	if focused {
		style = c.st.Selected
	}
	return style.Render(fit(ansi.Strip(l), iw, c.sym.Ellipsis))
}

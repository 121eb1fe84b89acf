package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
)

// helpView draws the one-line key help of the bottom row and, after `?`,
// the full help in place of the panes.
type helpView struct {
	c    *common
	w, h int
	m    help.Model
}

func newHelpView(c *common) *helpView {
	h := &helpView{c: c, m: help.New()}
	h.m.ShortSeparator = c.sym.Sep
	h.m.FullSeparator = "   "
	h.m.Ellipsis = c.sym.Ellipsis
	h.m.Styles = c.st.Help
	return h
}

// restyle picks up rebuilt styles.
func (h *helpView) restyle() { h.m.Styles = h.c.st.Help }

func (h *helpView) SetSize(w, hh int) { h.w, h.h = w, hh; h.m.SetWidth(max(0, w-1)) }

// Short is the bottom line.
func (h *helpView) Short(k help.KeyMap) string {
	return fit(" "+h.m.ShortHelpView(k.ShortHelp()), h.w, h.c.sym.Ellipsis)
}

// Full fills the body area with every binding, framed.
func (h *helpView) Full(k help.KeyMap) string {
	full := help.New()
	full.Styles, full.FullSeparator, full.Ellipsis = h.m.Styles, "    ", h.c.sym.Ellipsis
	lines := []string{h.c.st.Bold.Render("Keys") + h.c.st.Muted.Render(" · ? or esc closes"), ""}
	lines = append(lines, strings.Split(full.FullHelpView(k.FullHelp()), "\n")...)
	return frame(h.c.st, h.c.sym, "Help", "", true, h.w, h.h, lines)
}

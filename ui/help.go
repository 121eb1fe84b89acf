package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"github.com/charmbracelet/x/ansi"
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

// Full fills the body area with every binding, framed. The bindings flow
// into as many columns as the height needs, so every key stays readable
// from 60×20 up (bubbles' full help keeps its groups side by side and
// would be cut off on a narrow terminal).
func (h *helpView) Full(k help.KeyMap) string {
	st, sym := h.c.st, h.c.sym
	iw, ih := innerSize(st, h.w, h.h)
	type entry struct{ key, desc string }
	var entries []entry
	for gi, g := range k.FullHelp() {
		if gi > 0 {
			entries = append(entries, entry{})
		}
		for _, b := range g {
			if b.Enabled() {
				hb := b.Help()
				entries = append(entries, entry{hb.Key, hb.Desc})
			}
		}
	}
	rows := max(1, ih-2)
	cols := (len(entries) + rows) / rows // one spare row per column for skipped gaps
	colW := iw / max(1, cols)
	keyW := 0
	for _, e := range entries {
		keyW = max(keyW, ansi.StringWidth(e.key))
	}
	lines := make([]string, rows)
	row := 0
	for _, e := range entries {
		if e.key == "" && row == 0 {
			continue // no group gap at the top of a column
		}
		cell := ""
		if e.key != "" {
			cell = st.Help.FullKey.Render(e.key+strings.Repeat(" ", keyW-ansi.StringWidth(e.key))) + " " + st.Help.FullDesc.Render(e.desc)
		}
		lines[row] += fit(cell, colW, sym.Ellipsis)
		row = (row + 1) % rows
	}
	head := []string{st.Bold.Render("Keys") + st.Muted.Render(sym.Sep+"? or esc closes"), ""}
	return frame(st, sym, "Help", "", true, h.w, h.h, append(head, lines...))
}

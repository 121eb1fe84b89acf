package ui

// pane is what the root asks of each of the four panes: the same names in
// each, so the root loops over them instead of switching on focus.
type pane interface {
	SetSize(w, h int)
	View() string
	setFocused(bool)
	// handleNav answers a movement key; the root does what the answer
	// asks of the other panes (see paneKey).
	handleNav(navKey) paneEvent
}

var (
	_ pane = (*sourcesPane)(nil)
	_ pane = (*queuePane)(nil)
	_ pane = (*readerPane)(nil)
	_ pane = (*highlightsPane)(nil)
)

func (p *sourcesPane) setFocused(f bool)    { p.focused = f }
func (q *queuePane) setFocused(f bool)      { q.focused = f }
func (r *readerPane) setFocused(f bool)     { r.focused = f }
func (p *highlightsPane) setFocused(f bool) { p.focused = f }

// pane is the pane of a focus.
func (m *Model) pane(f focusID) pane {
	switch f {
	case focusSources:
		return m.sources
	case focusQueue:
		return m.queue
	case focusReader:
		return m.reader
	}
	return m.highlights
}

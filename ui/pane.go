package ui

// pane is what the root asks of each of the four panes: the same names in
// each, so the root loops over them instead of switching on focus.
type pane interface {
	SetSize(w, h int)
	View() string
	setFocused(bool)
	// handleNav answers a movement key, wheel a turn of the mouse wheel (d rows,
	// up when negative) and click a left click on inner cell x, y (the
	// pane's hit-test); the root does what the answer asks of the other
	// panes (afterPane), the same for all three.
	handleNav(navKey) paneEvent
	wheel(d int) paneEvent
	click(x, y int) paneEvent
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

func (p *sourcesPane) wheel(d int) paneEvent { return movedIf(p.move(d)) }

func (p *sourcesPane) click(_, y int) paneEvent {
	row := p.rowAt(y)
	return movedIf(row >= 0 && p.moveTo(row))
}

// The queue reloads its window after any wheel turn, moved or not.
func (q *queuePane) wheel(d int) paneEvent { q.move(d); return paneMoved }

// A click on the selected story opens it; elsewhere it selects. A click on
// a cluster's "+N sources" badge selects the cluster and expands it.
func (q *queuePane) click(x, y int) paneEvent {
	i := q.itemAt(y)
	switch {
	case i < 0:
		return paneNone
	case q.onClusterBadge(i, x, y):
		q.moveTo(i)
		return paneExpand
	case i == q.cursor:
		return paneOpen
	}
	q.moveTo(i)
	return paneMoved
}

func (r *readerPane) wheel(d int) paneEvent    { r.scrollBy(3 * d); return paneNone }
func (r *readerPane) click(_, _ int) paneEvent { return paneNone }

func (p *highlightsPane) wheel(d int) paneEvent { return movedIf(p.move(d)) }

func (p *highlightsPane) click(_, y int) paneEvent {
	i := p.selAt(y)
	if i < 0 {
		return paneNone
	}
	p.cursor = i
	return paneMoved
}

func movedIf(moved bool) paneEvent {
	if moved {
		return paneMoved
	}
	return paneNone
}

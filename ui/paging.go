package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Queue paging: the queue holds a window of headers around the cursor and
// asks the store for another one as the cursor nears an edge, for a
// reload, or to find a story (n/N, esc after a search, v).

// reloadQueue asks for the current window again. The cursor stays on the
// story selected when the answer arrives (see apply): new stories arriving
// above must not move the reader's place, nor put another story under a key
// about to be pressed.
func (m *Model) reloadQueue() tea.Cmd {
	q := m.queue
	q.seek = 0 // a reload ends an n/N search
	var keep int64
	if h := q.selected(); h != nil {
		keep = h.ID
	}
	return m.loadWindow(q.offset, keep)
}

// fetchWindow moves the queue's window when the cursor nears its edge.
func (m *Model) fetchWindow() tea.Cmd {
	q := m.queue
	off, ok := q.wantWindow()
	if !ok {
		return nil
	}
	return m.loadWindow(off, 0)
}

// nextUnread is n / N: move to the next (previous) unread story and open
// it. When the loaded window has none that way, the search goes on in the
// next window, fetched in a command (see seekLoaded).
func (m *Model) nextUnread(dir int) tea.Cmd {
	q := m.queue
	if i := q.findUnread(dir); i >= 0 {
		q.moveTo(i)
		return tea.Batch(m.openSelected(false), m.fetchWindow())
	}
	off, ok := q.nextWindow(dir)
	if !ok {
		m.note("no more unread stories this way")
		return nil
	}
	q.seek, q.seekLeft = dir, maxSeekWindows
	m.note("looking for unread stories…")
	return m.loadWindow(off, 0)
}

// maxSeekWindows bounds an n/N search: 50 windows are 10,000 stories.
const maxSeekWindows = 50

// nextWindow is the offset of the window beyond the loaded one in
// direction dir, if there is one.
func (q *queuePane) nextWindow(dir int) (int, bool) {
	if dir > 0 {
		end := q.offset + len(q.headers)
		return end, end < q.total
	}
	return max(0, q.offset-queuePage), q.offset > 0
}

// loadWindow asks for the window of the queue at off, keeping the cursor
// on story keep if it is there. The answer replaces any request before it.
func (m *Model) loadWindow(off int, keep int64) tea.Cmd {
	q := m.queue
	q.seq++
	q.pending = true
	return loadQueueCmd(m.ctx, m.opts.Store, q.seq, q.filter, off, queuePage, keep, false)
}

// loadAround shows the queue's filter from the window around story id,
// with the cursor on it, wherever it stands; from the top when the filter
// does not show it.
func (m *Model) loadAround(id int64) tea.Cmd {
	q := m.queue
	q.seq++
	q.pending = true
	q.seek = 0
	if id != 0 {
		q.moved = true
	}
	return loadQueueCmd(m.ctx, m.opts.Store, q.seq, q.filter, 0, queuePage, id, true)
}

// seekLoaded continues an n/N search in a window that just arrived.
func (m *Model) seekLoaded() tea.Cmd {
	q := m.queue
	dir := q.seek
	i := -1
	if dir > 0 {
		for j := range q.headers {
			if q.offset+j > q.cursor && !q.headers[j].Read {
				i = q.offset + j
				break
			}
		}
	} else {
		for j := len(q.headers) - 1; j >= 0; j-- {
			if q.offset+j < q.cursor && !q.headers[j].Read {
				i = q.offset + j
				break
			}
		}
	}
	if i >= 0 {
		q.seek = 0
		m.status.note = ""
		q.moveTo(i)
		return tea.Batch(m.openSelected(false), m.fetchWindow())
	}
	q.seekLeft--
	if off, ok := q.nextWindow(dir); ok && q.seekLeft > 0 {
		return m.loadWindow(off, 0)
	}
	q.seek = 0
	m.note("no more unread stories this way")
	return m.fetchWindow() // bring the window back around the cursor
}

package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
)

// reloadQueue asks for the current window again, keeping the cursor on the
// selected story when it is still there (new stories arriving above must
// not move the reader's place).
func (m *Model) reloadQueue() tea.Cmd {
	q := m.queue
	q.seek = 0 // a reload ends an n/N search
	var keep int64
	if h := q.selected(); h != nil && q.moved {
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

// followCursor keeps the story pane on the story under the queue cursor,
// as a preview: moving never marks a story read (enter, n, N or the
// ReadAfter dwell do). It runs after every message, so whatever moved the
// cursor (a key, the mouse, an archive taking the story out, a reload)
// the story pane follows; an empty queue empties it.
func (m *Model) followCursor() tea.Cmd {
	q := m.queue
	if q.total == 0 && !q.pending {
		if m.previewID != 0 || m.reader.story != nil {
			m.previewID, q.openID = 0, 0
			m.storySeq++
			m.reader.clear()
			m.highlights.setStory(nil, nil)
		}
		return nil
	}
	h := q.selected()
	if h == nil || h.ID == m.previewID {
		return nil
	}
	m.previewID, q.openID = h.ID, h.ID
	m.storySeq++
	m.reader.loading, m.reader.err = true, nil
	cmd := loadStoryCmd(m.ctx, m.opts.Store, m.storySeq, h.ID)
	if m.opts.ReadAfter > 0 && !h.Read {
		cmd = tea.Batch(cmd, after(m.opts.ReadAfter, dwellMsg{id: h.ID, seq: m.storySeq}))
	}
	return cmd
}

// dwellMsg says story id has been in the story pane for ReadAfter.
type dwellMsg struct {
	id  int64
	seq int
}

// dwelled marks the previewed story read if it is still the one shown.
func (m *Model) dwelled(msg dwellMsg) tea.Cmd {
	h := m.queue.selected()
	if msg.seq != m.storySeq || h == nil || h.ID != msg.id || h.Read {
		return nil
	}
	t := h.Triage
	t.Read = true
	return m.applyTriage(*h, t, false)
}

// openSelected is enter (focus true) and n/N (focus false): the story under
// the queue cursor, which the story pane already shows, is marked read, and
// enter moves focus to the story pane to read on with j/k and space.
func (m *Model) openSelected(focus bool) tea.Cmd {
	h := m.queue.selected()
	if h == nil {
		return nil
	}
	m.queue.moved = true // the reader chose this story: keep it selected
	var cmds []tea.Cmd
	if !h.Read {
		t := h.Triage
		t.Read = true
		cmds = append(cmds, m.applyTriage(*h, t, false))
	}
	if focus {
		m.setFocus(focusReader)
		cmds = append(cmds, m.relayout())
	}
	return tea.Batch(cmds...)
}

// target is the story a triage key acts on: the open story when the reader
// or the highlights have focus, else the one under the queue cursor.
func (m *Model) target() (model.StoryHeader, bool) {
	if (m.focus == focusReader || m.focus == focusHighlights) && m.reader.story != nil {
		s := m.reader.story
		if i := m.queue.indexOf(s.ID); i >= 0 {
			return *m.queue.at(i), true
		}
		return model.StoryHeader{ID: s.ID, FeedID: s.FeedID, FeedTitle: s.FeedTitle,
			Title: s.Title, Link: s.Link, Published: s.Published, Triage: s.Triage}, true
	}
	if h := m.queue.selected(); h != nil {
		return *h, true
	}
	return model.StoryHeader{}, false
}

// triage applies a star/read/archive toggle and records it for undo.
func (m *Model) triage(change func(*model.Triage)) tea.Cmd {
	h, ok := m.target()
	if !ok {
		return nil
	}
	t := h.Triage
	change(&t)
	return m.applyTriage(h, t, true)
}

// applyTriage shows the new state at once and writes it in a command.
func (m *Model) applyTriage(h model.StoryHeader, t model.Triage, undoable bool) tea.Cmd {
	e := undoEntry{before: h, after: t, filter: m.queue.filter, index: -1}
	m.adjustCounts(h.FeedID, h.Triage, t)
	if leaves(m.queue.filter, h.Triage, t) {
		e.index = m.queue.remove(h.ID)
		e.removed = e.index >= 0
	} else {
		m.queue.setTriage(h.ID, t)
	}
	if s := m.reader.showing(h.ID); s != nil {
		s.Triage = t
	}
	if undoable {
		m.queue.moved = true
		m.pushUndo(e)
	}
	return tea.Batch(m.saveTriage(h.ID, t), m.fetchWindow())
}

// leaves says whether a change takes a story out of the shown view: an
// archived story leaves every view but Archived, and returns when
// unarchived. Reading or unstarring leaves it in place until the next
// reload, so the list does not jump under the reader.
func leaves(f model.Filter, from, to model.Triage) bool {
	if from.Archived == to.Archived {
		return false
	}
	if f.View == model.ViewArchived {
		return !to.Archived
	}
	return to.Archived
}

// maxUndo bounds the undo stack; older actions are forgotten.
const maxUndo = 200

// pushUndo records an action, forgetting the oldest beyond maxUndo.
func (m *Model) pushUndo(e undoEntry) {
	m.undo = append(m.undo, e)
	if len(m.undo) > maxUndo {
		m.undo = m.undo[len(m.undo)-maxUndo:]
	}
}

// undoLast reverts the last triage, tags or note action.
func (m *Model) undoLast() tea.Cmd {
	if len(m.undo) == 0 {
		m.note("nothing to undo")
		return nil
	}
	e := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	switch e.kind {
	case undoTags:
		m.note("undid the tags of " + m.quoteTitle(e.id, ""))
		return m.saveTags(e.id, e.tags, false)
	case undoNote:
		m.note("undid the note on " + m.quoteTitle(e.id, ""))
		return m.saveNote(e.id, e.noteAfter, e.note, false)
	case undoBulk:
		return m.undoBulk(e)
	}
	h := e.before
	m.adjustCounts(h.FeedID, e.after, h.Triage)
	switch {
	case e.removed && e.filter == m.queue.filter:
		m.queue.insert(e.index, h)
	case leaves(m.queue.filter, e.after, h.Triage):
		m.queue.remove(h.ID)
	default:
		m.queue.setTriage(h.ID, h.Triage)
		if i := m.queue.indexOf(h.ID); i >= 0 {
			m.queue.moveTo(i)
		}
	}
	if s := m.reader.showing(h.ID); s != nil {
		s.Triage = h.Triage
	}
	m.note("undid " + triageChange(h.Triage, e.after) + " of " + m.quoteTitle(h.ID, h.Title))
	return tea.Batch(m.saveTriage(h.ID, h.Triage), m.fetchWindow())
}

// triageChange names what going from one state to another did: "star",
// "mark read", "archive", or several joined.
func triageChange(from, to model.Triage) string {
	var out []string
	if from.Starred != to.Starred {
		out = append(out, map[bool]string{true: "star", false: "unstar"}[to.Starred])
	}
	if from.Read != to.Read {
		out = append(out, map[bool]string{true: "mark read", false: "mark unread"}[to.Read])
	}
	if from.Archived != to.Archived {
		out = append(out, map[bool]string{true: "archive", false: "unarchive"}[to.Archived])
	}
	if len(out) == 0 {
		return "a change"
	}
	return strings.Join(out, " and ")
}

// quoteTitle is a story's title, short and quoted, for a status line:
// “'Huge obstacles' stand in…”. title is used when the screen does not
// show the story any more.
func (m *Model) quoteTitle(id int64, title string) string {
	if s := m.reader.showing(id); s != nil {
		title = s.Title
	} else if i := m.queue.indexOf(id); i >= 0 {
		title = m.queue.at(i).Title
	}
	if title == "" {
		return "the story"
	}
	return "“" + ansi.Truncate(title, 40, m.c.sym.Ellipsis) + "”"
}

// adjustCounts guesses the new counts until the store's answer arrives:
// All and Unread leave archived stories out.
func (m *Model) adjustCounts(feedID int64, from, to model.Triage) {
	c := m.status.counts // the sources pane holds the same numbers
	b := func(v bool) int {
		if v {
			return 1
		}
		return 0
	}
	c.All += b(!to.Archived) - b(!from.Archived)
	c.Archived += b(to.Archived) - b(from.Archived)
	c.Starred += b(to.Starred) - b(from.Starred)
	du := b(!to.Read && !to.Archived) - b(!from.Read && !from.Archived)
	c.Unread += du
	m.sources.adjustUnread(feedID, du)
	m.sources.counts, m.status.counts = c, c
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

// openLink is o: the open story's link, else the selected one's.
func (m *Model) openLink() tea.Cmd {
	link := ""
	if h, ok := m.target(); ok {
		link = h.Link
	}
	if !model.OpenableLink(link) {
		m.noteErr("this story has no http(s) link")
		return nil
	}
	m.note("opening " + link)
	return openLinkCmd(m.opts.OpenURL, link)
}

// saveTriage writes a decision in a command and counts it, so quitting can
// wait until every decision is on disk.
func (m *Model) saveTriage(id int64, t model.Triage) tea.Cmd {
	m.pendingWrites++
	return m.writes.inOrder(setTriageCmd(m.ctx, m.opts.Store, id, t))
}

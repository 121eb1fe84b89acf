package ui

import (
	tea "charm.land/bubbletea/v2"
)

// The story pane follows the queue cursor as a preview; enter, n and N
// open the story under it, and a dwell (Options.ReadAfter) reads it.

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

package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
)

// Undo: every triage, tags, note and bulk action is pushed on one stack,
// and u takes the last back, saying what it undid.

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
	what := "undid " + triageChange(h.Triage, e.after) + " of " + m.quoteTitle(h.ID, h.Title)
	save := m.saveTriage(h.ID, e.after, h.Triage) // first: the cluster's writes follow it
	var cluster tea.Cmd
	if e.cluster {
		what += fmt.Sprintf(" and its %d other sources", h.ClusterSize-1)
		cluster = m.undoCluster(e)
	}
	m.note(what)
	return tea.Batch(save, cluster, m.fetchWindow())
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

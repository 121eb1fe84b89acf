package ui

import (
	"context"
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/extract"
)

// Bulk triage: A marks everything in the view shown read, X archives what
// was read in it. Each first counts what it would change and asks (y or
// enter confirms, any other key does not); one u undoes it whole.

// bulkKind is which bulk action.
type bulkKind int

const (
	bulkRead    bulkKind = iota // A
	bulkArchive                 // X
)

// bulkCountedMsg carries the count to confirm.
type bulkCountedMsg struct {
	kind   bulkKind
	filter model.Filter
	n      int
	err    error
}

// bulkDoneMsg reports a bulk write: the ids changed, for undo.
type bulkDoneMsg struct {
	kind bulkKind
	ids  []int64
	undo bool // this was the undo of one
	err  error
	// place is where the queue stood before the action, for its undo to
	// put the cursor back on the story it was on.
	place *queuePlace
}

// confirmation is a yes/no question in the bottom row.
type confirmation struct {
	question string
	yes      func() tea.Cmd
	// alt is a second answer, when there is one (D: remove every story).
	alt   key.Binding
	altDo func() tea.Cmd
}

// startBulk is A or X: count, then ask.
func (m *Model) startBulk(kind bulkKind) tea.Cmd {
	f := m.queue.filter
	st := m.opts.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(m.ctx, ioTimeout)
		defer cancel()
		var n int
		var err error
		if kind == bulkRead {
			n, err = st.CountUnread(ctx, f)
		} else {
			n, err = st.CountArchivable(ctx, f)
		}
		return bulkCountedMsg{kind: kind, filter: f, n: n, err: err}
	}
}

// bulkCounted asks to confirm, or says there is nothing to do.
func (m *Model) bulkCounted(msg bulkCountedMsg) tea.Cmd {
	if msg.err != nil {
		m.noteErr("counting: " + msg.err.Error())
		return nil
	}
	if msg.filter != m.queue.filter || m.search.active || m.quitting {
		return nil // the view changed meanwhile: ask again with A
	}
	where := m.viewName()
	if msg.n == 0 {
		if msg.kind == bulkRead {
			m.note("nothing unread in " + where)
		} else {
			m.note("nothing read to archive in " + where + " (starred stories stay)")
		}
		return nil
	}
	verb := "Mark " + stories(msg.n) + " read in " + where
	if msg.kind == bulkArchive {
		verb = "Archive " + stories(msg.n) + " read in " + where + " (starred stay)"
	}
	k := m.keys
	m.confirm = &confirmation{
		question: verb + "? " + keyName(k.Confirm) + " or " + keyName(k.Open) + " yes" + m.c.sym.Sep + "any other key no",
		yes:      func() tea.Cmd { return m.runBulk(msg.kind, msg.filter) },
	}
	return nil
}

// confirmKey answers the question in the bottom row.
func (m *Model) confirmKey(msg tea.KeyPressMsg) tea.Cmd {
	c := m.confirm
	m.confirm = nil
	if key.Matches(msg, m.keys.Confirm, m.keys.Open) {
		return c.yes()
	}
	if c.altDo != nil && key.Matches(msg, c.alt) {
		return c.altDo()
	}
	m.note("cancelled: nothing changed")
	return nil
}

// runBulk writes the bulk action in a command.
func (m *Model) runBulk(kind bulkKind, f model.Filter) tea.Cmd {
	st := m.opts.Store
	m.pendingWrites++
	m.note("working…")
	ctx, place := m.ctx, m.queue.place()
	return m.writes.inOrder(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		var ids []int64
		var err error
		if kind == bulkRead {
			ids, err = st.MarkRead(ctx, f)
		} else {
			ids, err = st.ArchiveRead(ctx, f)
		}
		return bulkDoneMsg{kind: kind, ids: ids, err: err, place: place}
	})
}

// bulkDone records the action for undo and shows the truth again.
func (m *Model) bulkDone(msg bulkDoneMsg) tea.Cmd {
	if cmd, quitting := m.writeLanded(); quitting {
		return cmd
	}
	if p := msg.place; msg.undo && msg.err == nil && p != nil && p.filter == m.queue.filter {
		// The stories are back: so is the cursor, on the story it was on
		// (the reload that follows finds it again).
		m.queue.restore(*p)
	}
	cmds := []tea.Cmd{m.loadCounts(), m.loadFeeds(), m.reloadQueue(), loadTagsCmd(m.ctx, m.opts.Store)}
	// The story shown may have changed state: read it again.
	m.previewID = 0
	switch {
	case msg.err != nil:
		m.noteErr("saving: " + msg.err.Error())
	case msg.undo:
		what := "mark read of "
		if msg.kind == bulkArchive {
			what = "archive of "
		}
		m.note("undid " + what + stories(len(msg.ids)))
	default:
		m.pushUndo(undoEntry{kind: undoBulk, bulk: msg.kind, ids: msg.ids, place: msg.place})
		what := " marked read"
		if msg.kind == bulkArchive {
			what = " archived"
		}
		m.note(stories(len(msg.ids)) + what + m.c.sym.Sep + keyName(m.keys.Undo) + " undoes")
	}
	return tea.Batch(cmds...)
}

// undoBulk puts back what a bulk action changed.
func (m *Model) undoBulk(e undoEntry) tea.Cmd {
	st := m.opts.Store
	m.pendingWrites++
	ctx := m.ctx
	return m.writes.inOrder(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		var err error
		if e.bulk == bulkRead {
			err = st.UnmarkRead(ctx, e.ids)
		} else {
			err = st.Unarchive(ctx, e.ids)
		}
		return bulkDoneMsg{kind: e.bulk, ids: e.ids, undo: true, err: err, place: e.place}
	})
}

// stories is "1 story", "1,234 stories".
func stories(n int) string {
	if n == 1 {
		return "1 story"
	}
	return extract.FormatNumber(float64(n)) + " stories"
}

// viewName names the view shown, for questions and notices: "Conflict
// Desk", "#un · unread", "all stories", "search “aleppo”".
func (m *Model) viewName() string {
	f := m.queue.filter
	name := ""
	switch {
	case f.FeedID != 0:
		name = "“" + m.sources.feedTitle(f.FeedID) + "”"
	case f.Tag != "":
		name = m.c.sym.Tag + f.Tag
	}
	state := stateName(f.View)
	switch {
	case name == "":
		name = state + " stories"
		if f.View == model.ViewAll {
			name = "all stories"
		}
	case f.View != model.ViewAll && f.View != model.ViewFeed:
		name += " (" + state + ")"
	}
	if f.Search != "" {
		name += fmt.Sprintf(" matching “%s”", f.Search)
	}
	return name
}

// stateName is a view's state in words.
func stateName(v model.View) string {
	switch v {
	case model.ViewUnread:
		return "unread"
	case model.ViewStarred:
		return "starred"
	case model.ViewArchived:
		return "archived"
	}
	return "all"
}

// keyName is the first key of a binding as help shows it.
func keyName(b key.Binding) string {
	if h := b.Help().Key; h != "" {
		return h
	}
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return "?"
}

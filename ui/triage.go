package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

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
	save := m.saveTriage(h.ID, h.Triage, t) // first: the cluster's write follows it
	var cluster tea.Cmd
	if h.ClusterSize > 1 && m.queue.filter.Cluster == 0 && m.clusterStore() != nil {
		// A cluster row stands for all its stories: the change reaches
		// every one, after the row's own write.
		m.undoToken++
		e.cluster, e.token = true, m.undoToken
		cluster = m.triageCluster(h, model.ChangeOf(h.Triage, t), e.token)
	}
	if undoable {
		m.queue.moved = true
		m.pushUndo(e)
	}
	return tea.Batch(save, cluster, m.fetchWindow())
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
	if m.opts.TerminalBrowser != nil {
		if c := m.opts.TerminalBrowser(link); c != nil {
			// The browser gets the terminal; the reader redraws when it
			// exits.
			return tea.ExecProcess(c, func(err error) tea.Msg {
				if err != nil {
					err = fmt.Errorf("open link with %s: %w", c.Path, err)
				}
				return linkOpenedMsg{err: err}
			})
		}
	}
	return openLinkCmd(m.opts.OpenURL, link)
}

// saveTriage writes a decision, the flags that differ from what the
// screen showed, in a command and counts it, so quitting can wait until
// every decision is on disk. Until it lands, reloads show it over the
// stored state (see unsaved).
func (m *Model) saveTriage(id int64, from, to model.Triage) tea.Cmd {
	c := model.ChangeOf(from, to)
	if c.Empty() {
		return nil
	}
	m.pendingWrites++
	m.unsaved.add(id, c)
	return m.writes.inOrder(setTriageCmd(m.ctx, m.opts.Store, id, c))
}

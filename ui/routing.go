package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

// handleKey routes a key: global keys first, then the focused pane's.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m.quit()
	}
	m.queue.keyed = true // from now on the story the reader sees stays selected
	// A notice lasts until the next key; an error stays until replaced.
	if !m.status.noteErr {
		m.status.note = ""
	}
	if m.search.active {
		return m.searchKey(msg)
	}
	if m.confirm != nil {
		return m.confirmKey(msg)
	}
	if m.across != nil && !m.showHelp {
		return m.acrossKey(msg)
	}
	if m.showSubs && !m.showHelp {
		return m.subsKey(msg)
	}
	if m.showHelp {
		switch {
		case key.Matches(msg, k.QuitNow):
			return m.quit()
		case key.Matches(msg, k.Help, k.Close, k.Quit):
			m.showHelp = false
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.QuitNow):
		return m.quit()
	case key.Matches(msg, k.Quit):
		// q leaves a pane for the queue, and quits only from the queue.
		if m.focus != focusQueue {
			m.setFocus(focusQueue)
			return m.relayout()
		}
		return m.quit()
	case key.Matches(msg, k.ReadOn) && (m.focus == focusQueue || m.focus == focusReader):
		return m.readOn()
	case key.Matches(msg, k.Help):
		m.showHelp = true
		return nil
	case key.Matches(msg, k.Search):
		return m.openSearch()
	case key.Matches(msg, k.SaveSearch):
		return m.saveSearch()
	case key.Matches(msg, k.Cluster) && m.focus == focusQueue:
		return m.expandCluster()
	case key.Matches(msg, k.Close):
		if m.focus != focusQueue {
			m.setFocus(focusQueue)
			return m.relayout()
		}
		if m.queue.filter.Cluster != 0 {
			return m.collapseCluster()
		}
		return m.clearSearch()
	case key.Matches(msg, k.NextFocus):
		return m.cycleFocus(1)
	case key.Matches(msg, k.PrevFocus):
		return m.cycleFocus(-1)
	case key.Matches(msg, k.Sources):
		return m.toggleSources()
	case key.Matches(msg, k.FocusSources):
		return m.focusPane(focusSources)
	case key.Matches(msg, k.FocusQueue):
		return m.focusPane(focusQueue)
	case key.Matches(msg, k.FocusStory):
		return m.focusPane(focusReader)
	case key.Matches(msg, k.FocusHighlights):
		return m.focusPane(focusHighlights)
	case key.Matches(msg, k.Star):
		return m.triage(func(h *model.Triage) { h.Starred = !h.Starred })
	case key.Matches(msg, k.Read):
		return m.triage(func(h *model.Triage) { h.Read = !h.Read })
	case key.Matches(msg, k.Archive):
		return m.triage(func(h *model.Triage) { h.Archived = !h.Archived })
	case key.Matches(msg, k.Subscriptions):
		return m.openSubs()
	case key.Matches(msg, k.Speakers):
		return m.openAcross(acrossSpeakers)
	case key.Matches(msg, k.Figures):
		return m.openAcross(acrossFigures)
	case key.Matches(msg, k.MarkAllRead):
		return m.startBulk(bulkRead)
	case key.Matches(msg, k.ArchiveRead):
		return m.startBulk(bulkArchive)
	case key.Matches(msg, k.CycleView):
		return m.cycleState()
	case key.Matches(msg, k.Density):
		m.queue.compact = !m.queue.compact
		return m.relayout()
	case key.Matches(msg, k.Tag):
		return m.editTags()
	case key.Matches(msg, k.Note):
		return m.editNote()
	case key.Matches(msg, k.Undo):
		return m.undoLast()
	case key.Matches(msg, k.PollNow):
		return m.pollNow(true)
	case key.Matches(msg, k.NextHighlight):
		m.stepHighlight(1)
		return nil
	case key.Matches(msg, k.PrevHighlight):
		m.stepHighlight(-1)
		return nil
	case key.Matches(msg, k.Yank):
		return m.yank()
	case key.Matches(msg, k.YankLink):
		return m.yankLink()
	case key.Matches(msg, k.OpenLink):
		return m.openLink()
	case key.Matches(msg, k.NextUnread):
		return m.nextUnread(1)
	case key.Matches(msg, k.PrevUnread):
		return m.nextUnread(-1)
	}
	return m.paneKey(msg)
}

// quit stops polls in flight and leaves once every triage decision, tag
// and note is saved (the last write to land quits, see writeLanded).
func (m *Model) quit() tea.Cmd {
	m.quitting = true
	m.cancel()
	if m.pendingWrites > 0 {
		m.note("saving…")
		return nil
	}
	return tea.Quit
}

// writeLanded counts one triage, tags or note write as confirmed. While
// quitting nothing new starts: it reports quitting, with tea.Quit once the
// last write has landed.
func (m *Model) writeLanded() (cmd tea.Cmd, quitting bool) {
	m.pendingWrites = max(0, m.pendingWrites-1)
	if !m.quitting {
		return nil, false
	}
	if m.pendingWrites == 0 {
		return tea.Quit, true
	}
	return nil, true
}

// toggleSources shows the sources pane or folds it away, whatever the
// width: it focuses the pane when it opens, and gives focus back to the
// queue when it folds. In the single-pane layout it switches to the pane.
func (m *Model) toggleSources() tea.Cmd {
	if m.lay.mode == modeSingle {
		if m.focus == focusSources {
			m.setFocus(focusQueue)
		} else {
			m.setFocus(focusSources)
		}
		return m.relayout()
	}
	if m.lay.panes[focusSources].visible() {
		m.sourcesPref = sourcesHidden
		if m.focus == focusSources {
			m.setFocus(focusQueue)
		}
	} else {
		m.sourcesPref = sourcesShown
		m.setFocus(focusSources)
	}
	return m.relayout()
}

// readOn is space, the reading loop of newsboat and mutt: page the story
// down, and at its end go on to the next unread story.
func (m *Model) readOn() tea.Cmd {
	r := m.reader
	if r.story != nil && r.scroll+r.innerH() < r.lines {
		r.page(1)
		return nil
	}
	return m.nextUnread(1)
}

// focusPane is 1–4: focus that pane, bringing it on screen (the sources
// pane unfolds while it has focus; below 70 columns it is the pane shown).
func (m *Model) focusPane(f focusID) tea.Cmd {
	m.setFocus(f)
	return m.relayout()
}

// paneKey gives a key to the focused pane, then does what the pane's
// answer asks of the root: I/O, and effects on other panes.
func (m *Model) paneKey(msg tea.KeyPressMsg) tea.Cmd {
	nk := m.keys.nav(msg)
	if nk == navNone {
		return nil
	}
	return m.afterPane(m.focus, m.pane(m.focus).handleNav(nk))
}

// afterPane does what a pane's answer to a key, a wheel turn or a click
// asks of the root.
func (m *Model) afterPane(f focusID, ev paneEvent) tea.Cmd {
	if ev == paneNone {
		return nil
	}
	switch f {
	case focusSources:
		if ev == paneOpen {
			m.setFocus(focusQueue)
			return m.relayout()
		}
		return m.sourceChanged()
	case focusQueue:
		switch ev {
		case paneOpen:
			return m.openSelected(true)
		case paneExpand:
			return m.expandCluster()
		}
		return m.fetchWindow()
	case focusHighlights:
		m.reader.show(m.highlights.selected())
		if ev == paneOpen && m.lay.mode == modeSingle {
			m.setFocus(focusReader)
			return m.relayout()
		}
	}
	return nil
}

// sourceChanged shows the queue of the selected source.
func (m *Model) sourceChanged() tea.Cmd {
	m.status.note = ""
	m.noteSelectedFeed()
	// A search and the state filter stay in force across sources: they
	// narrow whichever is shown.
	f := m.sources.filter(m.state)
	f.Search = m.sourceSearch()
	m.queue.show(f)
	return m.reloadQueue()
}

// cycleState is v: all → unread → starred → archived of the source shown,
// keeping the cursor on the story it is on where the new state shows it.
func (m *Model) cycleState() tea.Cmd {
	f := m.queue.filter
	next := model.ViewUnread
	switch f.View {
	case model.ViewUnread:
		next = model.ViewStarred
	case model.ViewStarred:
		next = model.ViewArchived
	case model.ViewArchived:
		next = model.ViewAll
	}
	f.View = next
	m.state = next
	if m.sources.cursor < numViews {
		m.sources.cursor = int(next) // the four view rows are the states of All
		m.sources.keepVisible()
	}
	var keep int64
	if h := m.queue.selected(); h != nil {
		keep = h.ID
	}
	m.queue.show(f)
	m.note("showing " + m.viewName())
	return m.loadAround(keep)
}

// stepHighlight is [ and ]: the previous or next quote or figure in the
// story, kept in step with the highlights pane.
func (m *Model) stepHighlight(dir int) {
	i := m.reader.step(dir)
	if i < 0 {
		if m.reader.story != nil {
			m.note("no quotes or figures found in this story")
		}
		return
	}
	m.reader.show(i)
	m.highlights.selectHL(i)
}

// paneAt finds the visible pane under a cell.
func (m *Model) paneAt(x, y int) (focusID, rect, bool) {
	if m.showHelp || m.showSubs || m.across != nil {
		return 0, rect{}, false
	}
	for f := focusSources; f < numPanes; f++ {
		if r := m.lay.panes[f]; r.visible() && r.contains(x, y) {
			return f, r, true
		}
	}
	return 0, rect{}, false
}

// handleWheel scrolls the pane under the pointer, focused or not.
func (m *Model) handleWheel(ms tea.Mouse) tea.Cmd {
	f, _, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return nil
	}
	switch ms.Button {
	case tea.MouseWheelUp:
		return m.afterPane(f, m.pane(f).wheel(-1))
	case tea.MouseWheelDown:
		return m.afterPane(f, m.pane(f).wheel(1))
	}
	return nil
}

// handleClick focuses the pane under the pointer and selects the row
// clicked; a click on the selected story opens it.
func (m *Model) handleClick(ms tea.Mouse) tea.Cmd {
	if ms.Button != tea.MouseLeft {
		return nil
	}
	f, r, ok := m.paneAt(ms.X, ms.Y)
	if !ok {
		return nil
	}
	var cmds []tea.Cmd
	if f != m.focus {
		m.setFocus(f)
		cmds = append(cmds, m.relayout())
	}
	// The inner cell: inside the left and top edges.
	if x, y := ms.X-r.X-1, ms.Y-r.Y-1; x >= 0 && y >= 0 {
		cmds = append(cmds, m.afterPane(f, m.pane(f).click(x, y)))
	}
	return tea.Batch(cmds...)
}

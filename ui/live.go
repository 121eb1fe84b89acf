package ui

import (
	tea "charm.land/bubbletea/v2"
)

// Live updates (issue 11): on a team's PostgreSQL, main turns the store's
// notifications into LiveEvents on Options.Live; a command waits on that
// channel (no polling, no keypress), and each event reads again what it
// may have changed: counts, feeds, tags, the queue and the story shown.

// LiveEvent says something changed in the shared store: new or changed
// stories (Stories), or the tags or note of story Story (-1: of several),
// by Author.
type LiveEvent struct {
	Stories bool
	Story   int64
	Author  string
}

// liveMsg carries one LiveEvent into Update.
type liveMsg LiveEvent

// waitLive waits for the next event; nil when there is no channel or it
// was closed.
func waitLive(ch <-chan LiveEvent) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		ev, ok := <-ch
		if !ok {
			return nil
		}
		return liveMsg(ev)
	}
}

// liveArrived reads again what the event may have changed and waits for
// the next one.
func (m *Model) liveArrived(msg liveMsg) tea.Cmd {
	cmds := []tea.Cmd{waitLive(m.opts.Live), m.loadFeeds(), m.loadCounts(), loadTagsCmd(m.ctx, m.opts.Store), m.reloadQueue()}
	if m.previewID != 0 && (msg.Story == m.previewID || msg.Story < 0) {
		m.storySeq++
		cmds = append(cmds, loadStoryCmd(m.ctx, m.opts.Store, m.storySeq, msg.Story))
	}
	return tea.Batch(cmds...)
}

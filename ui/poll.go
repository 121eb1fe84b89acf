package ui

import (
	tea "charm.land/bubbletea/v2"
)

// pollNow starts a round at once (start-up and R) and re-arms the periodic
// tick under a new generation, so the tick armed before is dropped. A
// forced round (R) polls every feed; otherwise feeds that are not due
// (backing off, or told by their server to wait) are left alone.
func (m *Model) pollNow(force bool) tea.Cmd {
	if m.opts.Poll == nil {
		m.note("polling is off")
		return nil
	}
	m.gen++
	return tea.Batch(m.startRound(force), m.tick(m.opts.Interval, m.gen))
}

// startRound lists the feeds to poll unless a round is running; a forced
// round (R) polls every feed.
func (m *Model) startRound(force bool) tea.Cmd {
	if m.polling || m.opts.Poll == nil {
		return nil
	}
	m.polling, m.forceRound = true, force
	m.status.polling, m.status.done, m.status.total = true, 0, 0
	return tea.Batch(startRoundCmd(m.ctx, m.opts.Store, m.opts.RoundFeeds, force), m.status.spin.Tick)
}

// beginRound launches the first polls of a round; each one finished
// launches the next, so at most maxParallelPolls run at once.
func (m *Model) beginRound(msg pollRoundMsg) tea.Cmd {
	if msg.err != nil {
		m.endRound()
		m.noteErr("feeds: " + msg.err.Error())
		return nil
	}
	m.toPoll = msg.feeds
	m.status.total = len(msg.feeds)
	if len(m.toPoll) == 0 {
		m.endRound()
		m.note("no feeds yet: sitrep add URL")
		return nil
	}
	var cmds []tea.Cmd
	for m.inFlight < maxParallelPolls && len(m.toPoll) > 0 {
		cmds = append(cmds, m.launchPoll())
	}
	return tea.Batch(cmds...)
}

func (m *Model) launchPoll() tea.Cmd {
	f := m.toPoll[0]
	m.toPoll = m.toPoll[1:]
	m.inFlight++
	poll := m.opts.Poll
	if m.forceRound && m.opts.PollNow != nil {
		poll = m.opts.PollNow
	}
	return pollCmd(m.ctx, poll, f)
}

// feedPolled takes one feed's result: progress, errors, the next poll, and
// fresh counts; the queue is reloaded when the feed brought stories.
func (m *Model) feedPolled(msg feedPolledMsg) tea.Cmd {
	if m.polling {
		m.inFlight = max(0, m.inFlight-1)
		m.status.done++
	}
	cmds := []tea.Cmd{m.loadFeeds(), m.loadCounts()}
	if msg.Err != nil && m.ctx.Err() == nil {
		name := msg.Title
		if name == "" {
			name = "a feed"
		}
		m.noteErr(name + ": " + cleanErr(msg.Err))
	}
	if msg.New > 0 || msg.Updated > 0 {
		cmds = append(cmds, m.reloadQueue())
	}
	if len(m.toPoll) > 0 && m.ctx.Err() == nil {
		cmds = append(cmds, m.launchPoll())
	}
	if m.polling && m.inFlight == 0 && len(m.toPoll) == 0 {
		m.endRound()
	}
	return tea.Batch(cmds...)
}

func (m *Model) endRound() {
	m.polling, m.inFlight, m.toPoll, m.forceRound = false, 0, nil, false
	m.status.polling = false
	m.status.polled = m.opts.Now()
}

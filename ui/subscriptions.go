package ui

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

// The subscriptions pane (F) lists every feed with its URL, state, last
// error, next poll and story count, in place of the panes like the help.
// On the feed under the cursor: r renames it, t turns full text on or off,
// p polls it now, x removes it (saying how many starred, tagged and noted
// stories it holds, and keeping them unless told otherwise). esc, q or F
// close it.

// subsLines is how many lines one feed takes.
const subsLines = 3

// subsKeys are the pane's own keys: they act on a feed, not a story.
var subsKeys = struct {
	Rename, FullText, PollNow, Remove, RemoveAll key.Binding
}{
	Rename:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
	FullText:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "full text on/off")),
	PollNow:   key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "poll now")),
	Remove:    key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "remove")),
	RemoveAll: key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "remove with every story")),
}

// subsPane draws the list; the feeds are the sources pane's.
type subsPane struct {
	c           *common
	w, h        int
	cursor, top int
}

func (p *subsPane) SetSize(w, h int) { p.w, p.h = w, h }

func (p *subsPane) visible() int {
	_, ih := innerSize(p.c.st, p.w, p.h)
	return max(1, (ih-2)/subsLines)
}

func (p *subsPane) keepVisible(n int) {
	p.cursor = clamp(p.cursor, 0, max(0, n-1))
	v := p.visible()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+v {
		p.top = p.cursor - v + 1
	}
	p.top = clamp(p.top, 0, max(0, n-v))
}

func (p *subsPane) View(feeds []model.Feed) string {
	st, sym := p.c.st, p.c.sym
	iw, _ := innerSize(st, p.w, p.h)
	lines := []string{st.Muted.Render(fit("r rename · t full text on/off · p poll now · x remove · esc close", iw, sym.Ellipsis)), ""}
	if len(feeds) == 0 {
		lines = append(lines, st.Muted.Render("no subscriptions: sitrep add URL"))
	}
	p.keepVisible(len(feeds))
	for i := p.top; i < min(len(feeds), p.top+p.visible()); i++ {
		f := feeds[i]
		title := f.Title
		if title == "" {
			title = f.URL
		}
		count := fmt.Sprintf("%s%s%d unread", stories(f.Total), sym.Sep, f.Unread)
		l1 := "  " + title
		if i == p.cursor {
			l1 = sym.Pointer + " " + title
		}
		l1 = fit(l1, max(1, iw-len([]rune(count))-1), sym.Ellipsis) + " " + count
		ft := "full text off"
		if f.FullText {
			ft = "full text on"
		}
		l2 := "  " + f.URL + sym.Sep + ft
		state := "ok"
		if !f.LastPoll.IsZero() {
			state += sym.Sep + "polled " + f.LastPoll.In(p.c.loc).Format("Mon 15:04")
		} else {
			state = "not polled yet"
		}
		if !f.NextPoll.IsZero() {
			state += sym.Sep + "next poll " + f.NextPoll.In(p.c.loc).Format("Mon 15:04")
		}
		l3 := "  " + state
		if f.LastError != "" {
			l3 = "  " + st.Error.Render(sym.Error+" "+f.LastError+feedRetry(f, p.c.loc))
		}
		if i == p.cursor {
			l1 = cursorLine(p.c, l1, iw, true)
		}
		lines = append(lines, l1, st.Muted.Render(fit(l2, iw, sym.Ellipsis)), fit(l3, iw, sym.Ellipsis))
	}
	return frame(st, sym, "Subscriptions", fmt.Sprintf("%d feeds", len(feeds)), true, p.w, p.h, lines)
}

// openSubs is F.
func (m *Model) openSubs() tea.Cmd {
	m.showSubs = true
	if f := m.sources.selectedFeed(); f != nil {
		for i := range m.sources.feeds {
			if m.sources.feeds[i].ID == f.ID {
				m.subs.cursor = i
			}
		}
	}
	return m.loadFeeds()
}

// subsFeed is the feed under the pane's cursor.
func (m *Model) subsFeed() *model.Feed {
	fs := m.sources.feeds
	if m.subs.cursor < 0 || m.subs.cursor >= len(fs) {
		return nil
	}
	return &fs[m.subs.cursor]
}

// subsKey handles a key while the subscriptions pane is open.
func (m *Model) subsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.QuitNow):
		return m.quit()
	case key.Matches(msg, k.Close, k.Quit, k.Subscriptions):
		m.showSubs = false
		return nil
	case key.Matches(msg, k.Help):
		m.showSubs = false
		m.showHelp = true
		return nil
	}
	f := m.subsFeed()
	if f == nil {
		return nil
	}
	switch {
	case key.Matches(msg, subsKeys.Rename):
		return m.search.openEdit(promptRename, f.ID, f.Title)
	case key.Matches(msg, subsKeys.FullText):
		id, on := f.ID, !f.FullText
		f.FullText = on
		return m.feedWrite(func(ctx context.Context) error { return m.opts.Store.SetFullText(ctx, id, on) },
			"full text "+map[bool]string{true: "on", false: "off"}[on]+" for “"+f.Title+"”")
	case key.Matches(msg, subsKeys.PollNow):
		poll := m.opts.PollNow
		if poll == nil {
			poll = m.opts.Poll
		}
		if poll == nil {
			m.note("polling is off")
			return nil
		}
		m.note("polling “" + f.Title + "”…")
		return pollCmd(m.ctx, poll, *f)
	case key.Matches(msg, subsKeys.Remove):
		return m.countKept(*f)
	}
	if nk := k.nav(msg); nk != navNone && nk != navOpen {
		listNav(nk, len(m.sources.feeds), m.subs.visible(), func(d int) bool {
			m.subs.cursor = clamp(m.subs.cursor+d, 0, max(0, len(m.sources.feeds)-1))
			return true
		})
	}
	return nil
}

// keptCountedMsg carries what removing a feed would take.
type keptCountedMsg struct {
	feed                         model.Feed
	starred, tagged, noted, kept int
	err                          error
}

// feedWrittenMsg reports a rename, full text switch or removal.
type feedWrittenMsg struct {
	done string
	err  error
}

func (m *Model) countKept(f model.Feed) tea.Cmd {
	st := m.opts.Store
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(m.ctx, ioTimeout)
		defer cancel()
		s, t, n, k, err := st.KeptCounts(ctx, f.ID)
		return keptCountedMsg{feed: f, starred: s, tagged: t, noted: n, kept: k, err: err}
	}
}

// keptCounted asks to confirm a removal, saying what it keeps.
func (m *Model) keptCounted(msg keptCountedMsg) tea.Cmd {
	if msg.err != nil {
		m.noteErr("feed: " + msg.err.Error())
		return nil
	}
	f := msg.feed
	id, title := f.ID, f.Title
	remove := func(keep bool) func() tea.Cmd {
		return func() tea.Cmd {
			done := "removed “" + title + "”"
			if keep && msg.kept > 0 {
				done += fmt.Sprintf(", kept its %s you marked", stories(msg.kept))
			}
			return m.feedWrite(func(ctx context.Context) error { return m.opts.Store.Unsubscribe(ctx, id, keep) }, done)
		}
	}
	yes := keyName(m.keys.Confirm) + " or " + keyName(m.keys.Open)
	if msg.kept == 0 {
		m.confirm = &confirmation{
			question: fmt.Sprintf("Remove “%s” and its %s? %s yes%sany other key no", title, stories(f.Total), yes, m.c.sym.Sep),
			yes:      remove(false),
		}
		return nil
	}
	var marks []string
	for _, c := range []struct {
		n    int
		what string
	}{{msg.starred, "starred"}, {msg.tagged, "tagged"}, {msg.noted, "with a note"}} {
		if c.n > 0 {
			marks = append(marks, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	m.confirm = &confirmation{
		question: fmt.Sprintf("Remove “%s”, keeping the %s you marked (%s)? %s yes%s%s remove every story%sany other key no",
			title, stories(msg.kept), strings.Join(marks, ", "), yes, m.c.sym.Sep, keyName(subsKeys.RemoveAll), m.c.sym.Sep),
		yes:   remove(true),
		alt:   subsKeys.RemoveAll,
		altDo: remove(false),
	}
	return nil
}

// feedWrite runs a write on a feed in a command and reloads what shows it.
func (m *Model) feedWrite(write func(ctx context.Context) error, done string) tea.Cmd {
	m.pendingWrites++
	ctx := m.ctx
	return m.writes.inOrder(func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		return feedWrittenMsg{done: done, err: write(ctx)}
	})
}

func (m *Model) feedWritten(msg feedWrittenMsg) tea.Cmd {
	if cmd, quitting := m.writeLanded(); quitting {
		return cmd
	}
	if msg.err != nil {
		m.noteErr("feed: " + msg.err.Error())
	} else {
		m.note(msg.done)
	}
	m.previewID = 0 // the story shown may be gone
	return tea.Batch(m.loadFeeds(), m.loadCounts(), m.reloadQueue(), loadTagsCmd(m.ctx, m.opts.Store))
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"sitrep/feeds"
	"sitrep/feeds/demo"
	"sitrep/model"
	"sitrep/model/config"
	"sitrep/model/store"
	"sitrep/ui"
)

// runReader is `sitrep` with no command: the full-screen reader.
func runReader(ctx context.Context, st readerStore, poller *feeds.Poller, cfg config.Config, stderr io.Writer) int {
	keys, err := ui.KeyMapFrom(cfg.Keys)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep: config:", err)
		return 2
	}
	roundFeeds := func(ctx context.Context, force bool) ([]model.Feed, error) {
		return poller.RoundFeeds(ctx, st, force)
	}
	var live chan ui.LiveEvent
	if team, ok := st.(teamPoller); ok {
		// PostgreSQL: a team poller polls for everyone (sitrep serve), and
		// others' new stories, tags and notes show as they land, and so do
		// the flags this user changes in another reader.
		roundFeeds = readerRoundFeeds(team, st, poller)
		notes, err := team.Listen(ctx, store.ChanStories, store.ChanNotes, store.ChanFlags)
		if err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 1
		}
		live = make(chan ui.LiveEvent, 16)
		go liveEvents(notes, live, team.User(), team.Session())
	} else if cl, ok := st.(clusterer); ok {
		// SQLite: stories saved in a burst join their clusters when the
		// indexer gets to them, after the round; the queue shows it then.
		live = make(chan ui.LiveEvent, 1)
		go clusteredEvents(ctx, cl.Clustered(), live)
	}
	m := ui.New(ui.Options{
		Store:           st,
		Poll:            uiPoll(poller.Poll),
		PollNow:         uiPoll(poller.PollNow),
		RoundFeeds:      roundFeeds,
		Live:            live,
		Interval:        cfg.PollInterval,
		OpenURL:         browserOpener(cfg.Browser),
		TerminalBrowser: terminalBrowser(cfg.Browser, os.Getenv("BROWSER")),
		Keys:            &keys,
		Theme:           cfg.Theme,
		Compact:         cfg.Density == "compact",
		ReadAfter:       cfg.MarkReadAfter,
	})
	// Lip Gloss detected the terminal's colours when it was loaded (its
	// Writer); Bubble Tea would detect them again, and inside tmux each
	// detection runs `tmux info`: 30 ms more before the first frame.
	p := tea.NewProgram(m, tea.WithContext(ctx), tea.WithColorProfile(lipgloss.Writer.Profile))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	return 0
}

// uiPoll adapts the poller to what the reader shows of a poll.
func uiPoll(poll func(context.Context, model.Feed) feeds.Result) ui.PollFunc {
	return func(ctx context.Context, f model.Feed) ui.PollResult {
		r := poll(ctx, f)
		return ui.PollResult{Title: r.Title, New: r.New, Updated: r.Updated, Err: r.Err}
	}
}

// browserOpener runs the config's browser, split into words without a
// shell ("firefox --new-tab %s"; no %s puts the link last). The UI has already refused anything but
// http(s) links. An empty setting keeps the UI's default ($BROWSER, then
// xdg-open).
func browserOpener(prog string) func(string) error {
	if prog == "" {
		return nil
	}
	return func(link string) error {
		words := browserCommand(prog, link)
		cmd := exec.Command(words[0], words[1:]...)
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("open link with %s: %w", prog, err)
		}
		go cmd.Wait() // reap the browser launcher; its exit status is not ours
		return nil
	}
}

// addDemoFeeds subscribes to the built-in demo feeds. Each gets its title
// up front: the broken one can never fetch its own.
func addDemoFeeds(ctx context.Context, st store.Store) error {
	for _, d := range demo.Feeds() {
		f, created, err := st.AddFeed(ctx, d.URL)
		if err != nil {
			return err
		}
		if created {
			f.Title = d.Title
			if err := st.SaveFeedState(ctx, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// terminalBrowsers draw in the terminal they are started from: the
// reader suspends itself while one runs and comes back when it exits.
var terminalBrowsers = map[string]bool{
	"w3m": true, "lynx": true, "links": true, "links2": true, "elinks": true,
	"browsh": true, "carbonyl": true,
}

// terminalBrowser gives the reader the command for a terminal browser
// when the config's browser setting (or, when it is empty, $BROWSER's
// first entry, as the reader's default opener reads it) names one; nil
// otherwise: a GUI browser is started detached by browserOpener.
func terminalBrowser(setting, envBrowser string) func(string) *exec.Cmd {
	if setting == "" && envBrowser != "" {
		setting = strings.Split(envBrowser, string(os.PathListSeparator))[0]
	}
	words := strings.Fields(setting)
	if len(words) == 0 || !terminalBrowsers[filepath.Base(words[0])] {
		return nil
	}
	return func(link string) *exec.Cmd {
		w := browserCommand(setting, link)
		return exec.Command(w[0], w[1:]...)
	}
}

// clusterer is a store whose stories may join their clusters after they
// were saved (store.SQLite.Clustered).
type clusterer interface {
	Clustered() <-chan struct{}
}

// clusteredEvents turns each signal that stories joined clusters into an
// event that reloads the queue, until ctx ends.
func clusteredEvents(ctx context.Context, in <-chan struct{}, out chan<- ui.LiveEvent) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-in:
		}
		select {
		case out <- ui.LiveEvent{Stories: true}:
		case <-ctx.Done():
			return
		}
	}
}

// liveEvents turns the store's notifications into the reader's events
// until the notifications end. Those already waiting are merged into one
// (a poll round saving 1,000 feeds is a few reloads, not 1,000); a merged
// event names its story only when they were all about that one. Flag
// changes count only when they are user's, made in another reader than
// this one (session): others' flags are theirs, and this reader's own are
// already on its screen.
func liveEvents(in <-chan store.Notification, out chan<- ui.LiveEvent, user, session string) {
	defer close(out)
	for n := range in {
		var ev ui.LiveEvent
		first := true
		for more := true; more; {
			if e, ok := liveEvent(n, user, session); !ok {
				// passed over
			} else if first {
				ev, first = e, false
			} else {
				ev.Stories = ev.Stories || e.Stories
				if e.Story != 0 && e.Story != ev.Story {
					ev.Story = -1
				}
			}
			select {
			case n, more = <-in:
			default:
				more = false
			}
		}
		if !first {
			out <- ev
		}
	}
}

// liveEvent is the reader's event for one notification; false when this
// reader has nothing to read again for it.
func liveEvent(n store.Notification, user, session string) (ui.LiveEvent, bool) {
	e := ui.LiveEvent{Stories: n.Channel == store.ChanStories}
	switch n.Channel {
	case store.ChanNotes:
		e.Story, e.Author = n.StoryID()
	case store.ChanFlags:
		id, from, who := n.Flags()
		e.Story, e.Author = id, who
		return e, who == user && from != session
	}
	return e, true
}

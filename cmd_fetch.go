package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"

	"sitrep/feeds"
	"sitrep/model/sanitize"
)

// runFetch is `sitrep fetch [--now]`: one polling round without the
// reader, a line per feed. Exit 1 when no feed answered. On a team's
// PostgreSQL each feed is leased first, as sitrep serve does, so a fetch
// beside a running team poller never fetches a feed twice.
func runFetch(ctx context.Context, st readerStore, poller *feeds.Poller, concurrency int, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitrep fetch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	now := fs.Bool("now", false, "poll every feed whatever its schedule (as R does in the reader)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep: fetch takes no arguments but --now, not %q\n", fs.Args())
		return 2
	}
	var anyOK bool
	var err error
	if team, ok := st.(teamPoller); ok {
		anyOK, err = fetchTeamRound(ctx, st, team, poller, concurrency, stdout, *now)
	} else {
		anyOK, err = fetchRound(ctx, poller, st, stdout, *now)
	}
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	if !anyOK {
		return 1
	}
	return 0
}

// fetchTally adds up a round's results and writes a line per feed.
type fetchTally struct {
	w                io.Writer
	n, failed, fresh int
	anyOK            bool
}

// add writes r's line: the new stories, the error, or when it is due.
func (t *fetchTally) add(r feeds.Result) {
	t.n++
	name := r.Title
	if name == "" {
		name = r.URL
	}
	name = sanitize.Line(name)
	switch {
	case r.Err != nil:
		t.failed++
		fmt.Fprintf(t.w, "%s: error: %s\n", name, sanitize.Line(r.Err.Error()))
	case r.Skipped:
		t.anyOK = true
		fmt.Fprintf(t.w, "%s: not due until %s\n", name, when(r.NextPoll))
	case r.NotModified:
		t.anyOK = true
		fmt.Fprintf(t.w, "%s: not modified\n", name)
	default:
		t.anyOK = true
		t.fresh += r.New
		line := fmt.Sprintf("%s: %d new", name, r.New)
		if r.Updated > 0 {
			line += fmt.Sprintf(", %d updated", r.Updated)
		}
		if r.Warning != "" {
			line += " (" + r.Warning + ")"
		}
		fmt.Fprintln(t.w, line)
	}
}

func (t *fetchTally) summary() string {
	return fmt.Sprintf("%s, %s, %s", plural(t.n, "feed", "feeds"), plural(t.fresh, "new story", "new stories"), plural(t.failed, "error", "errors"))
}

// fetchRound runs one polling round (Poller.Round) and writes a line per
// feed as its poll ends; force polls every feed whatever its schedule
// (sitrep fetch --now, as R in the reader). anyOK is true when at least one
// feed answered or was not due. Lines come in the order polls end, so that
// a round of 100,000 feeds keeps no more than its polls in flight in memory.
func fetchRound(ctx context.Context, p *feeds.Poller, st feeds.Lister, w io.Writer, force bool) (anyOK bool, err error) {
	t := &fetchTally{w: w}
	err = p.Round(ctx, st, force, t.add)
	if err != nil && ctx.Err() == nil {
		return t.anyOK, fmt.Errorf("listing feeds: %w", err)
	}
	if t.n == 0 && err == nil {
		fmt.Fprintln(w, "no feeds yet: sitrep add URL")
		return false, nil
	}
	fmt.Fprintln(w, t.summary())
	return t.anyOK, err
}

// fetchTeamRound is fetchRound on a team's PostgreSQL: the round's feeds
// (serveRound) each leased before it is polled; a feed another poller holds
// is left to it and counted.
func fetchTeamRound(ctx context.Context, st feeds.Lister, team teamPoller, p *feeds.Poller, concurrency int, w io.Writer, force bool) (anyOK bool, err error) {
	t := &fetchTally{w: w}
	var mu sync.Mutex
	tally, err := serveRound(ctx, st, team, pollerHolder("fetch", team.User()), p, concurrency, force, func(r feeds.Result) {
		mu.Lock()
		defer mu.Unlock()
		t.add(r)
	})
	if err != nil {
		return false, fmt.Errorf("listing feeds: %w", err)
	}
	if t.n == 0 && tally.leased == 0 {
		fmt.Fprintln(w, "no feeds due: sitrep fetch --now polls them all")
		return !force, nil
	}
	line := t.summary()
	if tally.leased > 0 {
		line += fmt.Sprintf(", %s left to the team poller that holds them", plural(tally.leased, "feed", "feeds"))
	}
	fmt.Fprintln(w, line)
	return t.anyOK || tally.leased > 0, nil
}

// openLog opens the debug log of --log FILE, appending: one line per
// event (polls, errors, timings), for bug reports. "" is no log.
func openLog(path string) (*slog.Logger, func(), error) {
	if path == "" {
		return nil, func() {}, nil
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("--log: %w", err)
	}
	l := slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return l, func() { f.Close() }, nil
}

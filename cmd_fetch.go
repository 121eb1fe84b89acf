package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"sitrep/feeds"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// runFetch is `sitrep fetch [--now]`: one polling round without the
// reader, a line per feed. Exit 1 when no feed answered.
func runFetch(ctx context.Context, st *store.SQLite, poller *feeds.Poller, args []string, stdout, stderr io.Writer) int {
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
	anyOK, err := fetchRound(ctx, poller, st, stdout, *now)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	if !anyOK {
		return 1
	}
	return 0
}

// fetchRound runs one polling round (Poller.Round) and writes a line per
// feed as its poll ends: the new stories, the error, or when it is due;
// force polls every feed whatever its schedule (sitrep fetch --now, as R
// in the reader). anyOK is true when at least one feed answered or was not
// due. Lines come in the order polls end, so that a round of 100,000 feeds
// keeps no more than its polls in flight in memory.
func fetchRound(ctx context.Context, p *feeds.Poller, st feeds.Lister, w io.Writer, force bool) (anyOK bool, err error) {
	var n, failed, fresh int
	err = p.Round(ctx, st, force, func(r feeds.Result) {
		n++
		name := r.Title
		if name == "" {
			name = r.URL
		}
		name = sanitize.Line(name)
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "%s: error: %s\n", name, sanitize.Line(r.Err.Error()))
		case r.Skipped:
			anyOK = true
			fmt.Fprintf(w, "%s: not due until %s\n", name, when(r.NextPoll))
		case r.NotModified:
			anyOK = true
			fmt.Fprintf(w, "%s: not modified\n", name)
		default:
			anyOK = true
			fresh += r.New
			line := fmt.Sprintf("%s: %d new", name, r.New)
			if r.Updated > 0 {
				line += fmt.Sprintf(", %d updated", r.Updated)
			}
			if r.Warning != "" {
				line += " (" + r.Warning + ")"
			}
			fmt.Fprintln(w, line)
		}
	})
	if err != nil && ctx.Err() == nil {
		return anyOK, fmt.Errorf("listing feeds: %w", err)
	}
	if n == 0 && err == nil {
		fmt.Fprintln(w, "no feeds yet: sitrep add URL")
		return false, nil
	}
	fmt.Fprintf(w, "%s, %s, %s\n", plural(n, "feed", "feeds"), plural(fresh, "new story", "new stories"), plural(failed, "error", "errors"))
	return anyOK, err
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

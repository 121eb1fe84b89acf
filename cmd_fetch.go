package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"sitrep/feeds"
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
	anyOK, err := feeds.FetchAll(ctx, poller, st, stdout, *now)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	if !anyOK {
		return 1
	}
	return 0
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

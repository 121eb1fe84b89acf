package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/feeds"
	"sitrep/model"
	"sitrep/model/store"
)

// commandHelp is what `sitrep help COMMAND` says of each command.
var commandHelp = map[string]string{
	"add": `sitrep add [--anyway] URL...
  Subscribe. A web page subscribes to the feed it announces (or lists them
  when it announces several). A URL that cannot be fetched or is not a feed
  is refused, with the reason, unless --anyway.`,
	"rm": `sitrep rm [--purge] URL...
  Unsubscribe. The feed's starred, tagged and noted stories are kept, under
  removed feeds, unless --purge; it says what it kept or deleted.`,
	"feeds":       "sitrep feeds\n  List subscriptions and their polling state.",
	"import":      "sitrep import FILE.opml\n  Subscribe to an OPML file's feeds (folders become tags).",
	"export-opml": "sitrep export-opml\n  Print the subscriptions as OPML.",
	"export-searches": `sitrep export-searches
  Print the saved searches (S in the reader) as config.toml's [searches]
  table; config.toml's [searches] are added at start to a database that
  lacks their names.`,
	"export": `sitrep export [--format md|json|csv|csl-json] [--view starred|all|unread|archived|everything] [--search Q]
  What you kept, with quotes, figures and sources. --view everything is all
  and archived: with --format json, a copy import-json reads back whole.`,
	"import-json": `sitrep import-json FILE...
  Put back the stories of sitrep export --format json ("-" is standard
  input) with their read, starred and archived state, tags and notes,
  subscribing to their feeds. It merges: a story already there keeps its
  text and its note, and gains the flags and tags the file gives it, so
  importing a file twice changes nothing.`,
	"fulltext": "sitrep fulltext on|off URL...\n  Fetch linked pages for feeds that carry only summaries.",
	"fetch": `sitrep fetch [--now]
  One polling round without the reader, a line per feed as its poll ends;
  exit 0 if any feed succeeded. Feeds not due (backing off, or told by
  their server to wait) are left alone unless --now, which polls every feed
  (as R does in the reader). With --log FILE each poll, error and timing
  is a line of FILE.`,
	"extract": `sitrep extract [--json] FILE...
  Quotes and figures of plain-text articles ("-" is standard input); at most
  the first 4 MB of each file are read.`,
	"backup": `sitrep backup FILE
  Write a consistent copy of the database to FILE (which must not exist),
  also while the reader runs.`,
	"version": "sitrep version\n  The version and the commit it was built from.",
	"help":    "sitrep help [COMMAND]\n  This help, or one command's.",
}

func runHelp(args []string, stdout, stderr io.Writer, usage func()) int {
	if len(args) == 0 {
		usage()
		return 0
	}
	h, ok := commandHelp[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sitrep help: no command %q\n", args[0])
		return 2
	}
	fmt.Fprintln(stdout, h)
	return 0
}

// runAdd is `sitrep add [--anyway] URL...`.
func runAdd(ctx context.Context, st store.Store, fe *feeds.Fetcher, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitrep add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	anyway := fs.Bool("anyway", false, "subscribe even to a URL that cannot be fetched or is not a feed now")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("add needs URL...")
	}
	return addFeeds(ctx, st, fe, fs.Args(), *anyway, stdout)
}

// runRemove is `sitrep rm [--purge] URL...`.
func runRemove(ctx context.Context, st store.Store, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitrep rm", flag.ContinueOnError)
	fs.SetOutput(stderr)
	purge := fs.Bool("purge", false, "delete the starred, tagged and noted stories too")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("rm needs URL...")
	}
	return removeFeeds(ctx, st, fs.Args(), *purge, stdout)
}

// runBackup is `sitrep backup FILE`.
func runBackup(ctx context.Context, st *store.SQLite, args []string, stdout io.Writer) error {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return errors.New("backup needs one FILE (that does not exist yet)")
	}
	if err := st.Backup(ctx, args[0]); err != nil {
		return err
	}
	info, err := os.Stat(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup: %s (%d KB)\n", args[0], info.Size()>>10)
	return nil
}

// noArgs refuses arguments (an unknown flag among them) to a command that
// takes none.
func noArgs(cmd string, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, not %q (see sitrep help %s)", cmd, strings.Join(args, " "), cmd)
	}
	return nil
}

// terminalProblem says why the full-screen reader cannot run in this
// terminal, or "" when it can.
func terminalProblem() string {
	switch os.Getenv("TERM") {
	case "dumb":
		return "TERM=dumb: this terminal cannot show the full-screen reader; run it in a terminal with cursor movement (TERM=xterm-256color, for example), or use the commands (sitrep help)"
	}
	return ""
}

// browserCommand splits a browser setting into words, without a shell:
// "firefox --new-tab %s" runs firefox with --new-tab and the link; with no
// %s the link is the last argument.
func browserCommand(setting, link string) []string {
	words := strings.Fields(setting)
	placed := false
	for i, w := range words {
		if strings.Contains(w, "%s") {
			words[i] = strings.ReplaceAll(w, "%s", link)
			placed = true
		}
	}
	if !placed {
		words = append(words, link)
	}
	return words
}

// setFullText switches full-text fetching on or off for the named feeds.
func setFullText(ctx context.Context, st store.Store, args []string, stdout io.Writer) error {
	if len(args) < 2 || (args[0] != "on" && args[0] != "off") {
		return errors.New("fulltext needs on or off, then one or more feed URLs")
	}
	on := args[0] == "on"
	all, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	byURL := make(map[string]model.Feed, len(all))
	for _, f := range all {
		byURL[f.URL] = f
	}
	for _, u := range args[1:] {
		f, ok := byURL[u]
		if !ok {
			return fmt.Errorf("not subscribed to %s (see sitrep feeds)", u)
		}
		f.FullText = on
		if err := st.SaveFeedState(ctx, f); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "full text %s: %s\n", args[0], u)
	}
	return nil
}

func needArgs(cmd string, args []string, what string) error {
	if len(args) == 0 {
		return fmt.Errorf("%s needs %s", cmd, what)
	}
	return nil
}

func importOPML(ctx context.Context, st store.Store, files []string, stdout io.Writer) error {
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = importOPMLFile(ctx, st, f, stdout)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// sitrep is a terminal reader for conflict news: it polls feeds, pulls out
// quotations with their speakers and the figures that matter, and lets a
// researcher triage the queue by keyboard.
//
// main.go is wiring only: flags and subcommands, opening the store, starting
// the poller and the UI. The work lives in feeds/, model/ and ui/.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"

	"sitrep/feeds"
	"sitrep/feeds/demo"
	"sitrep/model/config"
	"sitrep/model/export"
	"sitrep/model/store"
	"sitrep/ui"
)

const usage = `sitrep — a terminal reader for conflict news

usage:
  sitrep [--db PATH] [--config PATH]        the reader
  sitrep --demo [--db PATH]                 the reader on the built-in demo feeds, offline
  sitrep add [--anyway] URL...              subscribe (a web page subscribes to the feed it links)
  sitrep rm [--purge] URL...                unsubscribe, keeping starred, tagged and noted stories
  sitrep feeds                              list subscriptions and their polling state
  sitrep import FILE.opml                   subscribe to an OPML file's feeds (folders become tags)
  sitrep export [--format md|json|csv|csl-json] [--view starred|all|unread|archived|everything] [--search Q]
                                            what you kept, with quotes, figures and sources
  sitrep import-json FILE...                put back a JSON export's stories with triage, tags and notes
  sitrep export-opml                        print the subscriptions as OPML
  sitrep export-searches                    print the saved searches as config.toml's [searches]
  sitrep fulltext on|off URL...             fetch linked pages for feeds that carry only summaries
  sitrep fetch [--now]                      one polling round, headless, a line per feed; --now polls every feed
  sitrep serve [--every DURATION]           a team's poller: rounds on schedule, headless, until SIGTERM
  sitrep migrate --from FILE.db --to postgres://…   copy a SQLite file and --user's triage into a team's PostgreSQL
  sitrep extract [--json] FILE...           quotes and figures of plain-text articles ("-" is stdin)
  sitrep backup FILE                        a consistent copy of the database, also while reading
  sitrep version                            version and commit
  sitrep help [COMMAND]                     this help, or one command's

flags (in any position):
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// GC settings of the reader and of sitrep fetch. A polling round allocates
// a lot of short-lived garbage (parsed feeds, HTML trees, text, JSON) over a
// small live heap: at Go's default GOGC=100 the collector took about a
// sixth of the round's CPU on two cores. GOGC=300 cuts that to a third
// (round 5.0 s -> 4.7 s in feeds/bench, 200: 4.9 s); the soft memory limit
// makes the collector work harder again before the heap can take the peak
// RSS past ~100 MB (it measured 78 MB: issue 4 asks for a first round of
// 1,000 feeds within 150 MB). GOGC or GOMEMLIMIT set in the environment win.
const (
	gcPercent   = 300
	memoryLimit = 100 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// run is main without os.Exit, so every path returns its exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitrep", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file, or a team's PostgreSQL as postgres://… (default $SITREP_DB, else $XDG_DATA_HOME/sitrep/sitrep.db)")
	cfgPath := fs.String("config", config.DefaultPath(), "config file")
	logPath := fs.String("log", "", "debug log: polls, errors and timings appended to this file, one line per event (off by default)")
	userName := fs.String("user", "", "whose read, starred and archived flags on a team's PostgreSQL (default $SITREP_USER, else the login name); a SQLite file has one reader")
	demoMode := fs.Bool("demo", false, "run on the built-in demo feeds, offline, in a temporary database unless --db is given")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(splitGlobal(args)); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	// extract needs neither config nor database.
	if len(rest) > 0 && rest[0] == "extract" {
		return runExtract(rest[1:], stdin, stdout, stderr)
	}
	if len(rest) > 0 && rest[0] == "version" {
		return runVersion(stdout)
	}
	// migrate opens the two databases it names, not --db.
	if len(rest) > 0 && rest[0] == "migrate" {
		return runMigrate(ctx, rest[1:], *userName, stdout, stderr)
	}
	if len(rest) > 0 && rest[0] == "help" {
		return runHelp(rest[1:], stdout, stderr, fs.Usage)
	}
	if len(rest) == 0 && !*demoMode {
		if msg := terminalProblem(); msg != "" {
			fmt.Fprintln(stderr, "sitrep:", msg)
			return 1
		}
	}

	cfg, err := config.Load(*cfgPath)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	// The reader's [keys] are checked with the rest of the file.
	if _, err := ui.KeyMapFrom(cfg.Keys); err != nil {
		fmt.Fprintf(stderr, "sitrep: %s:%v\n", *cfgPath, err)
		return 2
	}

	pollOpts := pollerOptions(cfg)
	logger, closeLog, err := openLog(*logPath)
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	}
	defer closeLog()
	pollOpts.Log = logger
	client := feeds.NewClient(pollOpts)
	if *dbPath == "" && !*demoMode {
		*dbPath = os.Getenv("SITREP_DB")
	}
	if *demoMode {
		client.Transport = demo.Transport()
		if *dbPath == "" {
			dir, err := os.MkdirTemp("", "sitrep-demo-")
			if err != nil {
				fmt.Fprintln(stderr, "sitrep:", err)
				return 1
			}
			defer os.RemoveAll(dir)
			*dbPath = filepath.Join(dir, "demo.db")
		}
	}
	if *dbPath == "" {
		*dbPath = config.DefaultDBPath()
	}
	if *dbPath == "" {
		// No home: sitrep does not make ./sitrep/ in whatever directory
		// it was started from.
		fmt.Fprintln(stderr, "sitrep: no home directory ($HOME and $XDG_DATA_HOME are unset): give --db PATH (and --config PATH for a config file)")
		return 2
	}
	// A postgres:// URL is a team's PostgreSQL; anything else a SQLite
	// file (its directory created if needed).
	opened, err := store.OpenAnyAs(*dbPath, *userName)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep: open %s: %v\n", store.RedactURL(*dbPath), err)
		return 1
	}
	st := opened.(readerStore) // both backends page feeds for the poller
	defer st.Close()

	if *demoMode {
		if err := addDemoFeeds(ctx, st); err != nil {
			fmt.Fprintln(stderr, "sitrep: demo:", err)
			return 1
		}
	}

	if err := importConfigSearches(ctx, st, cfg); err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}

	tuneGC()
	poller := feeds.New(client, st, pollOpts)
	if len(rest) == 0 {
		return runReader(ctx, st, poller, cfg, stderr)
	}
	cmd, cmdArgs := rest[0], rest[1:]
	switch cmd {
	case "add":
		err = runAdd(ctx, st, poller.Fetcher, cmdArgs, stdout, stderr)
	case "rm":
		err = runRemove(ctx, st, cmdArgs, stdout, stderr)
	case "backup":
		if sq, ok := st.(*store.SQLite); ok {
			err = runBackup(ctx, sq, cmdArgs, stdout)
		} else {
			err = errors.New("backup copies a SQLite database; for PostgreSQL use pg_dump")
		}
	case "feeds":
		err = noArgs(cmd, cmdArgs)
		if err == nil {
			err = listFeeds(ctx, st, stdout)
		}
	case "import":
		err = needArgs(cmd, cmdArgs, "FILE.opml")
		if err == nil {
			err = importOPML(ctx, st, cmdArgs, stdout)
		}
	case "fulltext":
		err = setFullText(ctx, st, cmdArgs, stdout)
	case "export":
		err = runExport(ctx, st, cmdArgs, stdout, stderr)
	case "import-json":
		if target, ok := st.(export.Target); ok {
			err = runImportJSON(ctx, target, cmdArgs, stdin, stdout)
		} else {
			err = errors.New("import-json: this store cannot take stories back")
		}
	case "export-searches":
		if err = noArgs(cmd, cmdArgs); err == nil {
			err = runExportSearches(ctx, st, stdout)
		}
	case "export-opml":
		err = noArgs(cmd, cmdArgs)
		if err == nil {
			err = exportOPML(ctx, st, stdout)
		}
	case "serve":
		return runServe(ctx, st, poller, 2*max(cfg.Concurrency, 1), cmdArgs, stdout, stderr)
	case "fetch":
		return runFetch(ctx, st, poller, 2*max(cfg.Concurrency, 1), cmdArgs, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "sitrep: unknown command %q\n\n", cmd)
		fs.Usage()
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
	return 0
}

// readerStore is what the reader and the poller's rounds need of either
// backend.
type readerStore interface {
	store.Store
	feeds.Lister
}

// pollerOptions carries the config file's settings to the poller and its
// HTTP client.
func pollerOptions(cfg config.Config) feeds.Options {
	return feeds.Options{
		Interval:      cfg.PollInterval,
		MaxConcurrent: cfg.Concurrency,
		MaxPerHost:    cfg.PerHost,
		MaxBody:       int64(cfg.BodyLimitMB) << 20,
		Timeout:       cfg.Timeout,
	}
}

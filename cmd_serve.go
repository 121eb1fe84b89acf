package main

// sitrep serve: the team's poller (issue 11). It polls on schedule without
// a screen, one log line per round, until SIGTERM or ^C. On PostgreSQL it
// takes a lease on each feed before fetching it (two pollers never fetch
// one feed in a round), keeps a heartbeat so readers leave polling to it,
// and polls every feed at once when a reader presses R (a NOTIFY).

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"sitrep/feeds"
	"sitrep/model"
	"sitrep/model/store"
)

func init() {
	commandHelp["serve"] = `sitrep serve [--every DURATION]

Polls the feeds on their schedule without the reader, for a team's
PostgreSQL (or a SQLite file): a round every DURATION (1m), one line per
round (feeds polled, new stories, errors, feeds another poller had, time).
On PostgreSQL each feed is leased before it is fetched, so two pollers never
fetch the same feed in a round; readers leave polling to a running serve,
and their R asks it to poll every feed now. SIGTERM or ^C stops it after
the polls in flight.`
}

// PostgreSQL bounds the poller's saves at once (feeds.WriteLimiter): a
// poller saving on every connection it may open slows the team's readers.
var _ feeds.WriteLimiter = (*store.Postgres)(nil)

// backgroundPriority is feeds.BackgroundPriority; TestServe puts a
// stand-in there, so as not to slow every later test of its process.
var backgroundPriority = feeds.BackgroundPriority

// teamPoller is what serve and the readers use of PostgreSQL's leases.
type teamPoller interface {
	TakeFeedLease(ctx context.Context, id int64, holder string, ttl time.Duration) (bool, error)
	ReleaseFeedLeases(ctx context.Context, holder string) error
	Heartbeat(ctx context.Context, holder string, ttl time.Duration) error
	StopPoller(ctx context.Context, holder string) error
	TeamPoller(ctx context.Context) (string, error)
	RequestPoll(ctx context.Context) error
	Listen(ctx context.Context, channels ...string) (<-chan store.Notification, error)
	User() string
	Session() string
}

// leaseTTL bounds how long a feed stays leased to a poller that died in
// the middle of a round; a round's end gives its leases up.
const leaseTTL = 5 * time.Minute

// pollerHolder names this process as a lease holder.
func pollerHolder(kind, user string) string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s %s@%s:%d", kind, user, host, os.Getpid())
}

// roundTally is one round's line.
type roundTally struct {
	polled, fresh, failed, leased int
}

func runServe(ctx context.Context, st readerStore, poller *feeds.Poller, concurrency int, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitrep serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	every := fs.Duration("every", time.Minute, "time between rounds (each polls the feeds that are due)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *every <= 0 {
		fmt.Fprintln(stderr, "sitrep: serve takes only --every DURATION (> 0)")
		return 2
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, os.Interrupt)
	defer stop()
	// A poller without a screen gives way to the people on the machine
	// (feeds.BackgroundPriority); it goes on at its priority if it cannot.
	if err := backgroundPriority(); err != nil {
		fmt.Fprintln(stderr, "sitrep: serve: could not lower its priority:", err)
	}

	team, _ := st.(teamPoller)
	holder := pollerHolder("serve", "sitrep")
	var pollNow <-chan store.Notification
	if team != nil {
		holder = pollerHolder("serve", team.User())
		if err := team.Heartbeat(ctx, holder, 3**every); err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 1
		}
		defer team.StopPoller(context.WithoutCancel(ctx), holder)
		defer team.ReleaseFeedLeases(context.WithoutCancel(ctx), holder)
		ch, err := team.Listen(ctx, store.ChanPoll)
		if err != nil {
			fmt.Fprintln(stderr, "sitrep:", err)
			return 1
		}
		pollNow = ch
	}
	fmt.Fprintf(stdout, "%s serve: polling every %s as %q\n", stamp(), *every, holder)
	force := false
	for {
		start := time.Now()
		t, err := serveRound(ctx, st, team, holder, poller, concurrency, force, nil)
		if ctx.Err() != nil {
			fmt.Fprintf(stdout, "%s serve: stopped\n", stamp())
			return 0
		}
		what := "round"
		if force {
			what = "round (asked)"
		}
		line := fmt.Sprintf("%s %s: %d polled, %d new, %d errors", stamp(), what, t.polled, t.fresh, t.failed)
		if team != nil {
			line += fmt.Sprintf(", %d leased elsewhere", t.leased)
		}
		line += fmt.Sprintf(", took %s", time.Since(start).Round(time.Millisecond))
		if err != nil {
			line += ": " + err.Error()
		}
		fmt.Fprintln(stdout, line)
		force = false
		timer := time.NewTimer(*every)
		select {
		case <-ctx.Done():
			timer.Stop()
			fmt.Fprintf(stdout, "%s serve: stopped\n", stamp())
			return 0
		case <-timer.C:
		case _, ok := <-pollNow:
			timer.Stop()
			if !ok {
				pollNow = nil
			}
			force = ok
		}
		if team != nil {
			if err := team.Heartbeat(ctx, holder, 3**every); err != nil && ctx.Err() == nil {
				fmt.Fprintf(stdout, "%s serve: heartbeat: %v\n", stamp(), err)
			}
		}
	}
}

func stamp() string { return time.Now().UTC().Format(time.RFC3339) }

// serveRound polls the round's feeds (the due ones, all when force), at
// most concurrency at once, each only if its lease is taken. The leases
// are kept until they lapse (leaseTTL), not given up at the round's end: a
// second poller whose round overlaps this one would otherwise take the
// feeds this one has just fetched and fetch them again. The holder takes
// its own leases again in its next round, and serve gives them up when it
// stops. each, if not nil, hears of every poll as it ends.
func serveRound(ctx context.Context, st feeds.Lister, team teamPoller, holder string, poller *feeds.Poller, concurrency int, force bool,
	each func(feeds.Result)) (roundTally, error) {
	var t roundTally
	list, err := poller.RoundFeeds(ctx, st, force)
	if err != nil {
		return t, err
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(concurrency, 1))
	for _, f := range list {
		if ctx.Err() != nil {
			break
		}
		if team != nil {
			ok, err := team.TakeFeedLease(ctx, f.ID, holder, leaseTTL)
			if err != nil || !ok {
				mu.Lock()
				t.leased++
				mu.Unlock()
				continue
			}
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(f model.Feed) {
			defer wg.Done()
			defer func() { <-sem }()
			r := poller.PollNow(ctx, f)
			if each != nil {
				each(r)
			}
			mu.Lock()
			defer mu.Unlock()
			t.polled++
			t.fresh += r.New
			if r.Err != nil {
				t.failed++
			}
		}(f)
	}
	wg.Wait()
	return t, nil
}

// readerRoundFeeds is the reader's RoundFeeds on PostgreSQL: nothing while
// a team poller runs (R asks it to poll instead); otherwise the round's
// feeds whose leases this reader takes.
func readerRoundFeeds(team teamPoller, st feeds.Lister, poller *feeds.Poller) func(ctx context.Context, force bool) ([]model.Feed, error) {
	holder := pollerHolder("reader", team.User())
	return func(ctx context.Context, force bool) ([]model.Feed, error) {
		who, err := team.TeamPoller(ctx)
		if err != nil {
			return nil, err
		}
		if who != "" {
			if force {
				return nil, team.RequestPoll(ctx)
			}
			return nil, nil
		}
		list, err := poller.RoundFeeds(ctx, st, force)
		if err != nil {
			return nil, err
		}
		out := list[:0]
		for _, f := range list {
			// The lease lapses by itself: the reader's polls have no
			// round end to give it up at.
			if ok, err := team.TakeFeedLease(ctx, f.ID, holder, 2*time.Minute); err == nil && ok {
				out = append(out, f)
			}
		}
		return out, nil
	}
}

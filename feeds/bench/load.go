package main

// The load test of issue 11: a store holding many stories, readers working
// through it (paging, opening, starring, tagging, searching) each as their
// own user, and one poller's first round against the local feed server at
// the same time. It prints the readers' latencies by operation with their
// 99th percentile, the poll round's time, and checks that every reader's
// stars are its own: none lost, none seen by another user.
//
//	bench load -db postgres://… -populate 1000000 -readers 10 -urls urls.txt
//	bench load -db /tmp/big.db -populate 1000000 -readers 1 -urls urls.txt

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"sitrep/feeds"
	"sitrep/model"
	"sitrep/model/store"
)

// searchWords are words of store.Populate's prose, from common to rare.
var searchWords = []string{"ceasefire", "aid", "Aleppo", "Goma", "killed", "refugees", "drone", "\"humanitarian corridor\""}

// loadOps are the readers' operations.
var loadOps = []string{"page", "open", "star", "tag", "search"}

func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	db := fs.String("db", "", "the store: a SQLite path or a postgres:// URL")
	populate := fs.Int("populate", 0, "first add this many synthetic stories (store.Populate), in -feeds feeds")
	nFeeds := fs.Int("feeds", 40, "synthetic feeds for -populate")
	writers := fs.Int("writers", 1, "batches -populate saves at once (PostgreSQL takes several)")
	readers := fs.Int("readers", 10, "simulated readers, each a user of its own")
	urlsFile := fs.String("urls", "", "feed URLs (bench serve) for one poller's first round during the load; none: no poller")
	minTime := fs.Duration("min", 10*time.Second, "the readers run at least this long, and until the round ends")
	pause := fs.Duration("think", 20*time.Millisecond, "a reader's pause between operations")
	writes := fs.Int("writes", 0, "on PostgreSQL, polls saving at once (0: what the store asks for)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the readers (on SQLite with the poller) here; on PostgreSQL the poller's goes to this path .poller")
	fs.Parse(args)
	if *db == "" {
		return fmt.Errorf("load: -db is needed")
	}
	ctx := context.Background()
	if *populate > 0 {
		st, err := store.OpenAnyAs(*db, "populate")
		if err != nil {
			return err
		}
		start := time.Now()
		err = store.PopulateWith(ctx, st, *nFeeds, *populate, *writers)
		if c, ok := st.(catcherUpper); ok && err == nil {
			// A store in use has indexed its stories long before: what
			// Populate left waiting is not the load's work.
			_, err = c.CatchUp(ctx)
		}
		if a, ok := st.(interface{ Analyze(context.Context) error }); ok && err == nil {
			err = a.Analyze(ctx) // as sitrep migrate does after a large copy
		}
		st.Close()
		if err != nil {
			return fmt.Errorf("populating: %w", err)
		}
		fmt.Printf("populated %d stories in %d feeds in %.0f s\n", *populate, *nFeeds, time.Since(start).Seconds())
	}

	// A SQLite file has one reader, who polls in the same process through
	// the same store (its writes queue behind one lock); on PostgreSQL
	// each reader and the poller connect on their own, as a team does.
	open := func(user string) (store.Store, error) { return store.OpenAnyAs(*db, user) }
	if !store.IsPostgresURL(*db) {
		shared, err := store.OpenAnyAs(*db, "")
		if err != nil {
			return err
		}
		defer shared.Close()
		open = func(string) (store.Store, error) { return nopCloser{shared}, nil }
	}
	var poller *loadPoller
	var pollerProc *exec.Cmd
	var roundAt atomic.Int64 // when the poll round ended (Unix ns), for the readers' report
	if *urlsFile != "" && store.IsPostgresURL(*db) {
		// A team's poller is a process of its own (sitrep serve), not a
		// goroutine beside the readers: sharing one Go runtime, a reader
		// whose answer has come waits for a processor behind the
		// poller's extraction, up to the runtime's 10 ms time slice.
		pollerProc = exec.Command(os.Args[0], "loadpoll", "-db", *db, "-urls", *urlsFile, "-writes", fmt.Sprint(*writes))
		if *cpuprofile != "" {
			pollerProc.Args = append(pollerProc.Args, "-cpuprofile", *cpuprofile+".poller")
		}
		pollerProc.Stdout, pollerProc.Stderr = roundWatcher{os.Stdout, &roundAt}, os.Stderr
	} else if *urlsFile != "" {
		urls, err := readLines(*urlsFile)
		if err != nil {
			return err
		}
		st, err := open("poller")
		if err != nil {
			return err
		}
		defer st.Close()
		if poller, err = newLoadPoller(ctx, st, urls); err != nil {
			return err
		}
		poller.roundAt = &roundAt
	}

	rs := make([]*loadReader, *readers)
	for i := range rs {
		st, err := open(fmt.Sprintf("load-reader-%02d", i))
		if err != nil {
			return err
		}
		defer st.Close()
		rs[i] = &loadReader{n: i, of: *readers, st: st, rng: rand.New(rand.NewPCG(uint64(i), 7)),
			lat: map[string][]time.Duration{}, inRound: map[string][]time.Duration{}, starred: map[int64]bool{}, roundAt: &roundAt}
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for _, r := range rs {
		wg.Add(1)
		go func() { defer wg.Done(); r.run(ctx, stop, *pause) }()
	}
	start := time.Now()
	if poller != nil {
		poller.round(ctx)
	}
	if pollerProc != nil {
		if err := pollerProc.Run(); err != nil {
			close(stop)
			wg.Wait()
			return fmt.Errorf("the poller's process: %w", err)
		}
	}
	if rest := *minTime - time.Since(start); rest > 0 {
		time.Sleep(rest)
	}
	close(stop)
	wg.Wait()

	report(rs)
	lost, crossed, err := checkStars(ctx, rs)
	if err != nil {
		return err
	}
	fmt.Printf("triage: %d stars set by %d readers; %d lost, %d seen by another user\n", countStars(rs), len(rs), lost, crossed)
	if lost+crossed > 0 {
		return fmt.Errorf("load: triage lost or crossed between users")
	}
	return nil
}

// loadPoll is the poller's process of a load on PostgreSQL: it adds the
// feeds of -urls and polls them once, as sitrep serve would.
func loadPoll(args []string) error {
	fs := flag.NewFlagSet("loadpoll", flag.ExitOnError)
	db := fs.String("db", "", "the store: a postgres:// URL")
	urlsFile := fs.String("urls", "", "feed URLs (bench serve)")
	writes := fs.Int("writes", 0, "polls saving at once (0: what the store asks for, feeds.WriteLimiter)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the round here")
	fs.Parse(args)
	ctx := context.Background()
	if err := feeds.BackgroundPriority(); err != nil { // as sitrep serve does
		return err
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	urls, err := readLines(*urlsFile)
	if err != nil {
		return err
	}
	st, err := store.OpenAnyAs(*db, "poller")
	if err != nil {
		return err
	}
	defer st.Close()
	if *writes > 0 {
		st = writeLimited{st, *writes}
	}
	lp, err := newLoadPoller(ctx, st, urls)
	if err != nil {
		return err
	}
	lp.round(ctx)
	return nil
}

// catcherUpper is a store whose indexer writes later what a save left
// waiting (SQLite's CatchUp, PostgreSQL's rows).
type catcherUpper interface {
	CatchUp(context.Context) (int, error)
}

// writeLimited overrides the store's saves at once, to measure another
// choice without rebuilding.
type writeLimited struct {
	store.Store
	n int
}

func (w writeLimited) WritesAtOnce() int { return w.n }

// nopCloser shares one store: closing it is the owner's job.
type nopCloser struct{ store.Store }

func (nopCloser) Close() error { return nil }

// loadPoller is one poller's first round over the feed server's feeds.
type loadPoller struct {
	st      store.Store
	p       *feeds.Poller
	feeds   []model.Feed
	roundAt *atomic.Int64 // set when the round ends; nil: not kept
}

// roundLine starts the line a poller prints when its round ends.
const roundLine = "poll round during the load:"

// roundWatcher passes the poller process's output on and notes when its
// round ended, which the readers' report splits their latencies by.
type roundWatcher struct {
	out io.Writer
	at  *atomic.Int64
}

func (w roundWatcher) Write(b []byte) (int, error) {
	if bytes.Contains(b, []byte(roundLine)) {
		w.at.CompareAndSwap(0, time.Now().UnixNano())
	}
	return w.out.Write(b)
}

func newLoadPoller(ctx context.Context, st store.Store, urls []string) (*loadPoller, error) {
	for _, u := range urls {
		if _, _, err := st.AddFeed(ctx, u); err != nil {
			return nil, err
		}
	}
	all, err := st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	want := map[string]bool{}
	for _, u := range urls {
		want[u] = true
	}
	lp := &loadPoller{st: st}
	for _, f := range all {
		if want[f.URL] {
			lp.feeds = append(lp.feeds, f)
		}
	}
	opts := feeds.Options{}
	lp.p = feeds.New(feeds.NewClient(opts), st, opts)
	return lp, nil
}

func (lp *loadPoller) round(ctx context.Context) {
	start := time.Now()
	results := make([]feeds.Result, len(lp.feeds))
	var wg sync.WaitGroup
	for i, f := range lp.feeds {
		wg.Add(1)
		go func() { defer wg.Done(); results[i] = lp.p.PollNow(ctx, f) }()
	}
	wg.Wait()
	var fresh, errs int
	var firstErr error
	for _, r := range results {
		fresh += r.New
		if r.Err != nil {
			errs++
			if firstErr == nil {
				firstErr = r.Err
			}
		}
	}
	fmt.Printf(roundLine+" %.2f s, %d feeds, %d new stories, %d errors; load average %s\n",
		time.Since(start).Seconds(), len(lp.feeds), fresh, errs, loadAvg())
	if lp.roundAt != nil {
		lp.roundAt.Store(time.Now().UnixNano())
	}
	if firstErr != nil {
		fmt.Printf("  first error: %v\n", firstErr)
	}
	st := lp.st
	if nc, ok := st.(nopCloser); ok {
		st = nc.Store
	}
	if wl, ok := st.(writeLimited); ok {
		st = wl.Store
	}
	if sq, ok := st.(catcherUpper); ok {
		// What the round left to the store's indexer, written while the
		// readers go on (model/store's index_pending.go and
		// pg_rows_pending.go).
		t0 := time.Now()
		n, err := sq.CatchUp(ctx)
		fmt.Printf("  then the indexer: %d stories in %.2f s (%v)\n", n, time.Since(t0).Seconds(), err)
	}
}

// loadReader is one simulated reader: a user of its own, who stars only
// the stories whose id is n modulo of, so that a star any other reader
// sees is one that crossed.
type loadReader struct {
	n, of int
	st    store.Store
	rng   *rand.Rand
	lat   map[string][]time.Duration
	// inRound and after split the latencies of lat at the poll round's
	// end: after it, the poller's catch-up loads the server differently.
	inRound map[string][]time.Duration // by operation
	after   []time.Duration
	roundAt *atomic.Int64  // when the round ended, in Unix nanoseconds; 0 before
	starred map[int64]bool // what this reader last set
	page    []model.StoryHeader
	errs    int
	firstEr error
}

func (r *loadReader) run(ctx context.Context, stop <-chan struct{}, pause time.Duration) {
	for {
		select {
		case <-stop:
			return
		case <-time.After(pause):
		}
		op := r.pick()
		start := time.Now()
		err := r.do(ctx, op)
		took := time.Since(start)
		r.lat[op] = append(r.lat[op], took)
		if end := r.roundAt.Load(); end != 0 && start.UnixNano() > end {
			r.after = append(r.after, took)
		} else {
			r.inRound[op] = append(r.inRound[op], took)
		}
		if err != nil {
			r.errs++
			if r.firstEr == nil {
				r.firstEr = fmt.Errorf("%s: %w", op, err)
			}
		}
	}
}

// pick chooses the next operation the way a reader works: mostly moving
// through the queue and opening stories, now and then a star, a tag or a
// search.
func (r *loadReader) pick() string {
	switch x := r.rng.IntN(100); {
	case x < 35 || len(r.page) == 0:
		return "page"
	case x < 75:
		return "open"
	case x < 85:
		return "star"
	case x < 92:
		return "tag"
	default:
		return "search"
	}
}

func (r *loadReader) do(ctx context.Context, op string) error {
	var err error
	switch op {
	case "page":
		// A reader pages through the newest few thousand stories, as the
		// queue does: a window of 50 at a time.
		r.page, err = r.st.Queue(ctx, model.Filter{View: model.ViewAll}, r.rng.IntN(5000), 50)
	case "open":
		_, err = r.st.Story(ctx, r.story())
	case "star":
		id := r.mine()
		if id == 0 {
			return nil
		}
		on := !r.starred[id]
		if err = r.st.ChangeTriage(ctx, id, model.TriageChange{Starred: &on}); err == nil {
			r.starred[id] = on
		}
	case "tag":
		err = r.st.ChangeTags(ctx, r.story(), []string{fmt.Sprintf("load-%02d", r.n)}, nil)
	case "search":
		q := searchWords[r.rng.IntN(len(searchWords))]
		_, err = r.st.Queue(ctx, model.Filter{View: model.ViewAll, Search: q}, 0, 50)
	}
	return err
}

func (r *loadReader) story() int64 { return r.page[r.rng.IntN(len(r.page))].ID }

// mine is a story of the page this reader may star, 0 if none.
func (r *loadReader) mine() int64 {
	for range len(r.page) {
		if id := r.story(); int(id%int64(r.of)) == r.n {
			return id
		}
	}
	return 0
}

func report(rs []*loadReader) {
	all := []time.Duration{}
	fmt.Printf("%-8s %7s %8s %8s %8s\n", "reader", "ops", "p50 ms", "p99 ms", "max ms")
	for _, op := range loadOps {
		var ds []time.Duration
		for _, r := range rs {
			ds = append(ds, r.lat[op]...)
		}
		all = append(all, ds...)
		printLatencies(op, ds)
	}
	printLatencies("all", all)
	var inRound, after []time.Duration
	var byOp []string
	for _, op := range loadOps {
		var ds []time.Duration
		for _, r := range rs {
			ds = append(ds, r.inRound[op]...)
		}
		inRound = append(inRound, ds...)
		if len(ds) > 0 {
			slices.Sort(ds)
			byOp = append(byOp, fmt.Sprintf("%s %.1f", op, quantileMs(ds, 0.99)))
		}
	}
	for _, r := range rs {
		after = append(after, r.after...)
	}
	if len(after) > 0 {
		printLatencies("in round", inRound)
		printLatencies("after", after)
		fmt.Printf("p99 in round by operation, ms: %s\n", strings.Join(byOp, ", "))
	}
	for _, r := range rs {
		if r.errs > 0 {
			fmt.Printf("reader %d: %d errors, the first: %v\n", r.n, r.errs, r.firstEr)
		}
	}
}

func printLatencies(name string, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	fmt.Printf("%-8s %7d %8.1f %8.1f %8.1f\n", name, len(ds), quantileMs(ds, 0.5), quantileMs(ds, 0.99), quantileMs(ds, 1))
}

// quantileMs is the quantile p of the sorted latencies ds, in milliseconds.
func quantileMs(ds []time.Duration, p float64) float64 {
	return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000
}

// checkStars reads every story a reader starred or unstarred back as that
// reader and as the next one: the first must see its own last word, the
// second must never see it starred (it stars other stories only).
func checkStars(ctx context.Context, rs []*loadReader) (lost, crossed int, err error) {
	for i, r := range rs {
		other := rs[(i+1)%len(rs)]
		for id, on := range r.starred {
			mine, err := r.st.Story(ctx, id)
			if err != nil {
				return 0, 0, err
			}
			if mine.Starred != on {
				lost++
			}
			if other == r {
				continue
			}
			theirs, err := other.st.Story(ctx, id)
			if err != nil {
				return 0, 0, err
			}
			if theirs.Starred && !other.starred[id] {
				crossed++
			}
		}
	}
	return lost, crossed, nil
}

func countStars(rs []*loadReader) int {
	n := 0
	for _, r := range rs {
		n += len(r.starred)
	}
	return n
}

// startCPUProfile profiles this process into path until the returned stop
// is called; with path "" it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

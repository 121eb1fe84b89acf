package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"sitrep/feeds"
	"sitrep/model/store"
)

func poll(args []string) error {
	fs := flag.NewFlagSet("poll", flag.ExitOnError)
	urlsFile := fs.String("urls", "urls.txt", "feed URLs, one a line")
	dbPath := fs.String("db", "", "database (default: a temporary one)")
	concurrent := fs.Int("concurrent", 0, "global request limit (0: sitrep's default)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the first round here")
	// The reader's GC settings (main.go, tuneGC), so the figures are the
	// reader's; GOGC and GOMEMLIMIT in the environment win, as there.
	gcPercent := fs.Int("gogc", 300, "GOGC, as sitrep sets it")
	memLimit := fs.Int64("memlimit", 100<<20, "soft memory limit in bytes, as sitrep sets it")
	latency := fs.Duration("latency", 0, "the server's added latency, to print the second round's floor")
	writes := fs.Int("writes", 0, "polls saving at once (0: the poller's own queue)")
	runs := fs.Int("runs", 1, "first rounds to time, each on a new temporary database (this machine's noise is large)")
	fs.Parse(args)

	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(*gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(*memLimit)
	}
	urls, err := readLines(*urlsFile)
	if err != nil {
		return err
	}
	if *runs > 1 {
		if *dbPath != "" {
			return fmt.Errorf("-runs %d needs a new database each run: leave -db out", *runs)
		}
		var firsts []time.Duration
		for run := 1; run <= *runs; run++ {
			if run > 1 {
				settle()
			}
			fmt.Printf("run %d of %d\n", run, *runs)
			first, err := pollRun(urls, "", *concurrent, *cpuprofile, *latency, *writes)
			if err != nil {
				return err
			}
			firsts = append(firsts, first)
		}
		slices.Sort(firsts)
		fmt.Printf("first round over %d runs: min %.2f s, median %.2f s, max %.2f s\n", len(firsts),
			firsts[0].Seconds(), firsts[len(firsts)/2].Seconds(), firsts[len(firsts)-1].Seconds())
		return nil
	}
	_, err = pollRun(urls, *dbPath, *concurrent, *cpuprofile, *latency, *writes)
	return err
}

// pollRun times a first round of urls on the database at dbPath (a new
// temporary one when empty), then a second, unchanged round, and returns
// the first round's time.
func pollRun(urls []string, dbPath string, concurrent int, cpuprofile string, latency time.Duration, writes int) (time.Duration, error) {
	var first time.Duration
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "sitrep-bench")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "bench.db")
	}
	st, err := store.Open(dbPath)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	ctx := context.Background()
	for _, u := range urls {
		if _, _, err := st.AddFeed(ctx, u); err != nil {
			return 0, err
		}
	}
	opts := feeds.Options{MaxConcurrent: concurrent}
	var fst feeds.Store = st
	if writes > 0 {
		fst = writeLimited{st, writes}
	}
	p := feeds.New(feeds.NewClient(opts), fst, opts)
	limit := concurrent
	if limit == 0 {
		limit = 16
	}
	gogc := debug.SetGCPercent(-1) // reads the setting, and turns GC off...
	debug.SetGCPercent(gogc)       // ...until here
	fmt.Printf("sitrep poller: %d feeds, global limit %d, per-host limit 2, GOMAXPROCS %d, GOGC %d, memory limit %d MiB\n",
		len(urls), limit, runtime.GOMAXPROCS(0), gogc, debug.SetMemoryLimit(-1)>>20)

	for round := 1; round <= 2; round++ {
		list, err := st.Feeds(ctx)
		if err != nil {
			return 0, err
		}
		stopProfile := func() {}
		if round == 1 {
			if stopProfile, err = startCPUProfile(cpuprofile); err != nil {
				return 0, err
			}
		}
		busy0, txs0 := st.WriterStats()
		start := time.Now()
		cpu0 := cpuTime()
		results := make([]feeds.Result, len(list))
		var wg sync.WaitGroup
		// As the reader does: one poll per feed, all at once. PollNow, because
		// the second round comes before the feeds are due again.
		for i, f := range list {
			wg.Add(1)
			go func() { defer wg.Done(); results[i] = p.PollNow(ctx, f) }()
		}
		wg.Wait()
		elapsed := time.Since(start)
		if round == 1 {
			first = elapsed
		}
		cpuUsed := cpuTime() - cpu0
		stopProfile()
		var fresh, notMod, errs int
		var firstErr error
		for _, r := range results {
			fresh += r.New
			if r.NotModified {
				notMod++
			}
			if r.Err != nil {
				errs++
				if firstErr == nil {
					firstErr = r.Err
				}
			}
		}
		name := "first round (fetch, parse, extract, store)"
		if round == 2 {
			name = "second round (unchanged)"
		}
		fmt.Printf("%s: %.2f s, %d new stories, %d of %d answers 304 (%.1f%%), %d errors; CPU used %.2f s, load average %s\n",
			name, elapsed.Seconds(), fresh, notMod, len(results), 100*float64(notMod)/float64(len(results)), errs, cpuUsed.Seconds(), loadAvg())
		busy1, txs1 := st.WriterStats()
		fmt.Printf("  the store's writer was busy %.2f s of it, in %d transactions", (busy1 - busy0).Seconds(), txs1-txs0)
		if fresh > 0 {
			fmt.Printf(": %.0f ms per 1,000 stories", float64((busy1-busy0).Milliseconds())*1000/float64(fresh))
		}
		fmt.Println()
		if round == 2 && latency > 0 {
			// An unchanged round is all waiting: every answer is a 304
			// after the server's latency, limit requests at a time.
			floor := time.Duration((len(results)+limit-1)/limit) * latency
			fmt.Printf("  floor at %d requests in flight and %s each: %d rounds of requests = %.2f s\n",
				limit, latency, (len(results)+limit-1)/limit, floor.Seconds())
		}
		if firstErr != nil {
			fmt.Printf("  first error: %v\n", firstErr)
		}
		if round == 1 {
			// What the round left for the indexer (model/store's
			// index_pending.go): the search, quote and figure rows, written
			// after it, as an idle reader's writer would.
			t0, busy2 := time.Now(), busy1
			n, err := st.CatchUp(ctx)
			if err != nil {
				return 0, err
			}
			busy3, _ := st.WriterStats()
			fmt.Printf("  then the indexer: %d stories in %.2f s (writer %.2f s)\n", n, time.Since(t0).Seconds(), (busy3 - busy2).Seconds())
			fmt.Printf("peak RSS after first round: %d MB\n", peakRSS()/1e6)
		}
	}
	fmt.Printf("peak RSS overall: %d MB\n", peakRSS()/1e6)
	return first, nil
}

// peakRSS reads the kernel's high-water mark of this process's resident set.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d", &kb)
			return kb * 1000
		}
	}
	return 0
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			out = append(out, l)
		}
	}
	return out, sc.Err()
}

// cpuTime is the user+system CPU time of this process so far: with other
// work on the machine, it says what the round cost apart from waiting.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// settle waits, two minutes at most, for the 1-minute load average to fall
// under 0.5: right after a round the kernel is still writing its files
// back, and back-to-back rounds here took a tenth more CPU each.
func settle() {
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Second) {
		var load float64
		if _, err := fmt.Sscan(loadAvg(), &load); err != nil || load < 0.5 {
			return
		}
	}
}

// loadAvg is the 1-minute load average, to show how busy the machine was.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "?"
	}
	return f[0]
}

package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// The benchmarks share one populated database per `go test -bench` run:
// populating 100,000 stories takes a while, and every benchmark reads the
// same data. SITREP_BENCH_STORIES overrides the size for quick runs.

const benchFeeds = 40

var (
	benchOnce sync.Once
	benchDir  string
	benchPath string
	benchErr  error
)

func benchStories() int {
	if n, err := strconv.Atoi(os.Getenv("SITREP_BENCH_STORIES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// benchDB returns the path of the populated database, making it on first use.
func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "sitrep-store-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "bench.db")
		s, err := Open(benchPath)
		if err != nil {
			benchErr = err
			return
		}
		start := time.Now()
		benchErr = Populate(context.Background(), s, benchFeeds, benchStories())
		if benchErr == nil {
			// Leave a checkpointed file, as a reader finds it after a quit.
			_, benchErr = s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		}
		s.Close()
		st, _ := os.Stat(benchPath)
		fmt.Fprintf(os.Stderr, "populated %d stories in %d feeds in %v (%d MB)\n",
			benchStories(), benchFeeds, time.Since(start).Round(time.Millisecond), st.Size()>>20)
	})
	if benchErr != nil {
		b.Fatalf("populating: %v", benchErr)
	}
	return benchPath
}

func openBench(b *testing.B) *SQLite {
	b.Helper()
	s, err := Open(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// firstFrame is the store's part of the reader's start: open the file, the
// counts and feeds of the sources pane and the first page of the queue.
func firstFrame(path string) (*SQLite, []model.StoryHeader, error) {
	s, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	if _, err := s.Counts(ctx); err != nil {
		return s, nil, err
	}
	if _, err := s.Feeds(ctx); err != nil {
		return s, nil, err
	}
	page, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 200)
	if err == nil && len(page) != 200 {
		err = fmt.Errorf("first page has %d stories", len(page))
	}
	return s, page, err
}

func BenchmarkStartToFirstPage(b *testing.B) {
	path := benchDB(b)
	rss, peak := childMemory(b, path)
	for b.Loop() {
		s, _, err := firstFrame(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	// After the loop: b.Loop's timer reset drops metrics reported earlier.
	b.ReportMetric(rss, "MB-RSS")
	b.ReportMetric(peak, "MB-peak-RSS")
}

func BenchmarkCounts(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		if _, err := s.Counts(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFeeds(b *testing.B) {
	s := openBench(b)
	for b.Loop() {
		if fs, err := s.Feeds(ctx); err != nil || len(fs) != benchFeeds {
			b.Fatal(len(fs), err)
		}
	}
}

func BenchmarkQueue(b *testing.B) {
	s := openBench(b)
	cases := []struct {
		name   string
		filter model.Filter
		offset int
	}{
		{"all/0", model.Filter{View: model.ViewAll}, 0},
		{"all/1000", model.Filter{View: model.ViewAll}, 1000},
		{"all/10000", model.Filter{View: model.ViewAll}, 10000},
		{"unread/0", model.Filter{View: model.ViewUnread}, 0},
		{"unread/2000", model.Filter{View: model.ViewUnread}, 2000},
		{"starred/0", model.Filter{View: model.ViewStarred}, 0},
		{"archived/0", model.Filter{View: model.ViewArchived}, 0},
		{"feed/0", model.Filter{View: model.ViewFeed, FeedID: 7}, 0},
		{"search-place/0", model.Filter{View: model.ViewAll, Search: "Mekelle"}, 0},
		{"search-2words/0", model.Filter{View: model.ViewAll, Search: "anaesthetics Rafah"}, 0},
		{"search-common/0", model.Filter{View: model.ViewAll, Search: "ceasefire"}, 0},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Queue(ctx, c.filter, c.offset, 200); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQueueLen(b *testing.B) {
	s := openBench(b)
	for _, c := range []struct {
		name   string
		filter model.Filter
	}{
		{"unread", model.Filter{View: model.ViewUnread}},
		{"feed", model.Filter{View: model.ViewFeed, FeedID: 7}},
		{"search-place", model.Filter{Search: "Mekelle"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.QueueLen(ctx, c.filter); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkStory(b *testing.B) {
	s := openBench(b)
	n := int64(benchStories())
	var id int64
	for b.Loop() {
		id = id*6364136223846793005 + 1442695040888963407 // spread over the file
		st, err := s.Story(ctx, 1+int64(uint64(id)%uint64(n)))
		if err != nil || len(st.Body) < 3000 {
			b.Fatal(len(st.Body), err)
		}
	}
}

func BenchmarkSetTriage(b *testing.B) {
	s := openBench(b)
	n := int64(benchStories())
	i := int64(0)
	for b.Loop() {
		i++
		id := 1 + (i*7919)%n
		if err := s.SetTriage(ctx, id, model.Triage{Read: i%2 == 0, Starred: i%3 == 0}); err != nil {
			b.Fatal(err)
		}
	}
}

// childMemory reports the resident memory, now and at its peak, of a fresh
// process that opened the populated database, read the first frame's data
// and one story: the store's share of the reader's footprint. A child
// process is used because this one has just populated the database and its
// heap shows it.
func childMemory(b *testing.B, path string) (rssMB, peakMB float64) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestMemoryChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SITREP_MEMORY_CHILD="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		b.Fatalf("child: %v\n%s", err, out)
	}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		var rss, hwm float64
		if _, err := fmt.Sscanf(sc.Text(), "MEMORY rss_kb=%g hwm_kb=%g", &rss, &hwm); err == nil {
			return rss / 1024, hwm / 1024
		}
	}
	b.Fatalf("child reported no memory:\n%s", out)
	return 0, 0
}

func TestMemoryChild(t *testing.T) {
	path := os.Getenv("SITREP_MEMORY_CHILD")
	if path == "" {
		t.Skip("run by BenchmarkMemory")
	}
	s, page, err := firstFrame(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Story(ctx, page[0].ID); err != nil {
		t.Fatal(err)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	kb := map[string]int{}
	for _, line := range strings.Split(string(status), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok && (k == "VmRSS" || k == "VmHWM") {
			kb[k], _ = strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
		}
	}
	fmt.Printf("MEMORY rss_kb=%d hwm_kb=%d\n", kb["VmRSS"], kb["VmHWM"])
}

// BenchmarkUpsertFeed saves one polled feed of 50 new stories per op, the
// poller's first round over many feeds, into a database already holding
// stories: with Populate's ~4 KB bodies, and with ~700-byte ones like the
// descriptions of a typical wire feed (and of the poller's benchmark).
func BenchmarkUpsertFeed(b *testing.B) {
	for _, size := range []int{4000, 700} {
		b.Run(fmt.Sprintf("body=%dB", size), func(b *testing.B) { benchUpsert(b, size) })
	}
}

// openUpsertBench opens a fresh database already holding 2,000 stories in
// 10 feeds, for the upsert benchmarks to write into.
func openUpsertBench(b *testing.B) *SQLite {
	b.Helper()
	s, err := Open(filepath.Join(b.TempDir(), "upsert.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := Populate(ctx, s, 10, 2000); err != nil {
		b.Fatal(err)
	}
	return s
}

func benchUpsert(b *testing.B, bodySize int) {
	s := openUpsertBench(b)
	f, _, err := s.AddFeed(ctx, "https://upsert.example/feed")
	if err != nil {
		b.Fatal(err)
	}
	const perFeed = 50
	rng := newBenchRand()
	n := 0
	for b.Loop() {
		b.StopTimer()
		batch := make([]model.Story, perFeed)
		hashes := make([]string, perFeed)
		for i := range batch {
			batch[i] = truncateStory(synthStory(rng, 1_000_000+n, populateBase.Add(time.Duration(n)*time.Second)), bodySize)
			hashes[i] = strconv.Itoa(n)
			n++
		}
		b.StartTimer()
		if _, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/story")
}

// truncateStory cuts a body to about size bytes at a sentence end, keeping
// the highlights that still fit.
func truncateStory(st model.Story, size int) model.Story {
	if len(st.Body) <= size {
		return st
	}
	cut := strings.LastIndex(st.Body[:size], ". ")
	if cut < 0 {
		cut = size - 2
	}
	st.Body = st.Body[:cut+1]
	st.Quotes = slices.DeleteFunc(st.Quotes, func(q extract.Quote) bool { return q.End > len(st.Body) })
	st.Stats = slices.DeleteFunc(st.Stats, func(x extract.Stat) bool { return x.End > len(st.Body) })
	st.Words = len(strings.Fields(st.Body))
	return st
}

// BenchmarkUpsertFeedsConcurrent is a polling round's writes: 8 polls at a
// time (the poller's queue for the store on two cores) each saving a feed
// of 50 new ~700-byte stories and then its polling state. Group commit lets
// them share transactions; compare ns/story with BenchmarkUpsertFeed.
func BenchmarkUpsertFeedsConcurrent(b *testing.B) {
	s := openUpsertBench(b)
	const polls, perFeed = 8, 50
	feeds := make([]model.Feed, polls)
	for i := range feeds {
		var err error
		if feeds[i], _, err = s.AddFeed(ctx, fmt.Sprintf("https://upsert%d.example/feed", i)); err != nil {
			b.Fatal(err)
		}
	}
	rng := newBenchRand()
	n := 0
	_, tx0 := s.WriterStats()
	for b.Loop() {
		b.StopTimer()
		batches := make([][]model.Story, polls)
		hashes := make([][]string, polls)
		for p := range batches {
			for range perFeed {
				batches[p] = append(batches[p], truncateStory(synthStory(rng, 1_000_000+n, populateBase.Add(time.Duration(n)*time.Second)), 700))
				hashes[p] = append(hashes[p], strconv.Itoa(n))
				n++
			}
		}
		b.StartTimer()
		var wg sync.WaitGroup
		for p := range polls {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := s.UpsertStories(ctx, feeds[p].ID, batches[p], hashes[p]); err != nil {
					b.Error(err)
				}
				f := feeds[p]
				f.LastPoll = populateBase
				if err := s.SaveFeedState(ctx, f); err != nil {
					b.Error(err)
				}
			}()
		}
		wg.Wait()
	}
	_, tx1 := s.WriterStats()
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/story")
	b.ReportMetric(float64(tx1-tx0)/float64(b.N), "tx/round")
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sitrep/feeds"
	"sitrep/model/store"
	"sitrep/model/store/pgtest"
)

// pgScratch is a database URL on SITREP_TEST_PG in a schema of its own,
// dropped after the test; the test skips without SITREP_TEST_PG.
func pgScratch(t *testing.T) string {
	return pgtest.Scratch(t, "sitrep_cmd", "PostgreSQL only: set SITREP_TEST_PG=postgres://… to run it")
}

// countingFeeds serves /feed/N as an RSS feed of one story and counts the
// requests per path.
func countingFeeds(t *testing.T) (*httptest.Server, func() map[string]int) {
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		time.Sleep(5 * time.Millisecond)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<rss version="2.0"><channel><title>%s</title><item><guid>a</guid><title>Story of %s</title></item></channel></rss>`, r.URL.Path, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv, func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := map[string]int{}
		for k, v := range hits {
			out[k] = v
		}
		return out
	}
}

// TestServeLeases: two pollers running a round at once on one PostgreSQL
// fetch every feed once between them: each feed is leased to one.
func TestServeLeases(t *testing.T) {
	dsn := pgScratch(t)
	srv, hits := countingFeeds(t)
	var pollers []*store.Postgres
	for _, u := range []string{"serve-a", "serve-b"} {
		p, err := store.OpenPostgresAs(dsn, u)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		pollers = append(pollers, p)
	}
	const n = 30
	for i := range n {
		if _, _, err := pollers[0].AddFeed(ctx, fmt.Sprintf("%s/feed/%d", srv.URL, i)); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	tallies := make([]roundTally, 2)
	for i, p := range pollers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			poller := feeds.New(srv.Client(), p, feeds.Options{Interval: time.Hour, MaxConcurrent: 4, MaxPerHost: 8})
			var err error
			tallies[i], err = serveRound(ctx, p, p, pollerHolder("serve", p.User()), poller, 4, true, nil)
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got := hits()
	if len(got) != n {
		t.Errorf("%d feeds fetched, want %d", len(got), n)
	}
	for path, k := range got {
		if k != 1 {
			t.Errorf("%s fetched %d times in one round", path, k)
		}
	}
	if a, b := tallies[0], tallies[1]; a.polled+b.polled != n || a.leased+b.leased != n {
		t.Errorf("rounds %+v and %+v: want %d polled and %d leased elsewhere between them", a, b, n, n)
	}
	c, err := pollers[1].Counts(ctx)
	if err != nil || c.All != n {
		t.Errorf("Counts = %+v, %v; want %d stories", c, err, n)
	}
}

// TestServe: sitrep serve lowers its CPU priority, logs a line per round, a
// reader's R (RequestPoll) makes it poll at once, readers see it as the
// team poller, and SIGTERM stops it cleanly (exit 0, heartbeat gone).
func TestServe(t *testing.T) {
	dsn := pgScratch(t)
	var lowered atomic.Bool
	defer func(was func() error) { backgroundPriority = was }(backgroundPriority)
	backgroundPriority = func() error { lowered.Store(true); return nil }
	srv, hits := countingFeeds(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if code, out, errs := runT(t, "", "--db", dsn, "add", srv.URL+"/feed/1"); code != 0 {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	added := hits()["/feed/1"] // add fetches it once
	reader, err := store.OpenPostgresAs(dsn, "maria")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	var out syncBuffer
	done := make(chan int)
	go func() {
		done <- run([]string{"--db", dsn, "--user", "ops", "serve", "--every", "1h"}, strings.NewReader(""), &out, &out)
	}()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); !ok(); {
			if time.Now().After(deadline) {
				t.Fatalf("%s; serve wrote:\n%s", what, out.String())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	waitFor("no first round", func() bool { return strings.Count(out.String(), " round: ") == 1 })
	if !lowered.Load() {
		t.Error("serve did not lower its priority")
	}
	if !strings.Contains(out.String(), "round: 1 polled, 1 new, 0 errors, 0 leased elsewhere") {
		t.Errorf("round line:\n%s", out.String())
	}
	if who, err := reader.TeamPoller(ctx); err != nil || !strings.HasPrefix(who, "serve ops@") {
		t.Errorf("TeamPoller = %q, %v", who, err)
	}
	if err := reader.RequestPoll(ctx); err != nil {
		t.Fatal(err)
	}
	waitFor("R did not make serve poll", func() bool { return strings.Contains(out.String(), "round (asked): 1 polled") })
	if n := hits()["/feed/1"] - added; n != 2 {
		t.Errorf("serve fetched the feed %d times, want 2", n)
	}
	syscall.Kill(os.Getpid(), syscall.SIGTERM)
	select {
	case code := <-done:
		if code != 0 || !strings.Contains(out.String(), "serve: stopped") {
			t.Errorf("serve exit %d:\n%s", code, out.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if who, _ := reader.TeamPoller(ctx); who != "" {
		t.Errorf("TeamPoller = %q after serve stopped", who)
	}
}

// syncBuffer is a bytes.Buffer safe to write and read at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var ctx = context.Background()

// TestReaderLeavesPollingToServe: a reader on PostgreSQL polls the feeds
// it leases (a second reader then gets none of them) and none while a team
// poller runs; its R then asks the team poller (a NOTIFY).
func TestReaderLeavesPollingToServe(t *testing.T) {
	dsn := pgScratch(t)
	var readers []*store.Postgres
	for _, u := range []string{"maria", "ali"} {
		p, err := store.OpenPostgresAs(dsn, u)
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		readers = append(readers, p)
	}
	for i := range 3 {
		if _, _, err := readers[0].AddFeed(ctx, fmt.Sprintf("https://a.example/feed/%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	poller := feeds.New(http.DefaultClient, readers[0], feeds.Options{Interval: time.Hour})
	maria := readerRoundFeeds(readers[0], readers[0], poller)
	ali := readerRoundFeeds(readers[1], readers[1], poller)
	if got, err := maria(ctx, false); err != nil || len(got) != 3 {
		t.Fatalf("maria's round = %d feeds, %v; want 3", len(got), err)
	}
	if got, err := ali(ctx, true); err != nil || len(got) != 0 {
		t.Fatalf("ali's round = %d feeds, %v; want none (maria leased them)", len(got), err)
	}
	if err := readers[0].ReleaseFeedLeases(ctx, pollerHolder("reader", "maria")); err != nil {
		t.Fatal(err)
	}
	if err := readers[0].Heartbeat(ctx, "serve ops@host:1", time.Minute); err != nil {
		t.Fatal(err)
	}
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	asks, err := readers[0].Listen(lctx, store.ChanPoll)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := maria(ctx, false); err != nil || len(got) != 0 {
		t.Fatalf("maria's round with serve running = %d feeds, %v", len(got), err)
	}
	if got, err := ali(ctx, true); err != nil || len(got) != 0 {
		t.Fatalf("ali's R with serve running = %d feeds, %v", len(got), err)
	}
	select {
	case n := <-asks:
		if n.Payload != "ali" {
			t.Errorf("poll request from %q, want ali", n.Payload)
		}
	case <-time.After(time.Second):
		t.Fatal("R did not ask the team poller")
	}
}

// TestFetchAndImportJSONOnPostgres: sitrep fetch works on a team's
// PostgreSQL, leasing each feed as serve does: a feed another poller holds
// is left to it and said so, the others are fetched. import-json puts a
// SQLite export back into the team's database, and a second import
// changes nothing.
func TestFetchAndImportJSONOnPostgres(t *testing.T) {
	dsn := pgScratch(t)
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	srv, hits := countingFeeds(t)
	for i := range 3 {
		if code, out, errs := runT(t, "", "--db", dsn, "add", fmt.Sprintf("%s/feed/%d", srv.URL, i)); code != 0 {
			t.Fatalf("add: %d %s %s", code, out, errs)
		}
	}
	other, err := store.OpenPostgresAs(dsn, "other")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	list, err := other.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range list {
		if strings.HasSuffix(f.URL, "/feed/1") {
			if ok, err := other.TakeFeedLease(ctx, f.ID, "serve other@elsewhere:1", time.Minute); err != nil || !ok {
				t.Fatalf("lease: %v %v", ok, err)
			}
		}
	}
	before := hits() // add fetches each feed once
	code, out, errs := runT(t, "", "--db", dsn, "fetch", "--now")
	if code != 0 || strings.Count(out, ": 1 new") != 2 || !strings.Contains(out, "1 feed left to the team poller") {
		t.Fatalf("fetch on PostgreSQL: %d %q %s", code, out, errs)
	}
	if h := hits(); h["/feed/0"]-before["/feed/0"] != 1 || h["/feed/1"] != before["/feed/1"] || h["/feed/2"]-before["/feed/2"] != 1 {
		t.Errorf("requests %v after %v: want feed 0 and 2 once more, feed 1 (leased elsewhere) not again", h, before)
	}

	src := filepath.Join(t.TempDir(), "src.db")
	if code, _, errs := runT(t, "", "--demo", "--db", src, "fetch"); code != 0 {
		t.Fatalf("demo fetch: %d %s", code, errs)
	}
	code, exported, errs := runT(t, "", "export", "--db", src, "--format", "json", "--view", "everything")
	if code != 0 || strings.Count(exported, "\n") < 2 {
		t.Fatalf("export: %d %s", code, errs)
	}
	file := filepath.Join(t.TempDir(), "all.jsonl")
	if err := os.WriteFile(file, []byte(exported), 0o600); err != nil {
		t.Fatal(err)
	}
	code, msg, errs := runT(t, "", "import-json", "--db", dsn, file)
	if code != 0 || !strings.Contains(msg, " new,") || strings.Contains(msg, " 0 new,") {
		t.Fatalf("import-json on PostgreSQL: %d %s %s", code, msg, errs)
	}
	code, msg, errs = runT(t, "", "import-json", "--db", dsn, file)
	if code != 0 || !strings.Contains(msg, " 0 new, 0 merged") {
		t.Fatalf("second import-json on PostgreSQL: %d %s %s", code, msg, errs)
	}
}

package feeds

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/model"
)

// TestFetchNow: a second round finds nothing due, unless forced (sitrep
// fetch --now, R in the reader): then every feed is asked again.
func TestFetchNow(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		io.WriteString(w, rssFeed(rssItem("a", "A", "Alpha.")))
	}))
	t.Cleanup(srv.Close)
	st := openStore(t)
	addFeed(t, st, srv.URL+"/one.xml")
	addFeed(t, st, srv.URL+"/two.xml")
	p := New(srv.Client(), st, testOptions())
	ctx := context.Background()
	if rs, err := roundResults(ctx, p, st, false); err != nil || hits.Load() != 2 || skipped(rs) != 0 {
		t.Fatalf("first round: %d requests, %v\n%+v", hits.Load(), err, rs)
	}
	if rs, _ := roundResults(ctx, p, st, false); hits.Load() != 2 || skipped(rs) != 2 {
		t.Fatalf("second round: %d requests\n%+v", hits.Load(), rs)
	}
	if rs, err := roundResults(ctx, p, st, true); err != nil || hits.Load() != 4 || skipped(rs) != 0 {
		t.Fatalf("forced round: %d requests, %v\n%+v", hits.Load(), err, rs)
	}
	// The reader's list of a round: none due now, both when forced.
	if fs, _ := p.RoundFeeds(ctx, st, false); len(fs) != 0 {
		t.Errorf("RoundFeeds lists %d feeds not due", len(fs))
	}
	if fs, _ := p.RoundFeeds(ctx, st, true); len(fs) != 2 {
		t.Errorf("forced RoundFeeds lists %d feeds, want 2", len(fs))
	}
}

// manyFeeds is a Lister of n feeds that exist only as it pages them out.
type manyFeeds struct{ n int64 }

func (m manyFeeds) FeedsAfter(_ context.Context, after int64, limit int) ([]model.Feed, error) {
	var out []model.Feed
	for id := after + 1; id <= m.n && len(out) < limit; id++ {
		out = append(out, model.Feed{ID: id, URL: "http://127.0.0.1/feed/" + string(rune('a'+id%26))})
	}
	return out, nil
}

// nullStore takes the poller's writes and keeps nothing.
type nullStore struct{}

func (nullStore) Feeds(context.Context) ([]model.Feed, error)                   { return nil, nil }
func (nullStore) SaveFeedState(context.Context, model.Feed) error               { return nil }
func (nullStore) MarkPolled(context.Context, int64, time.Time, time.Time) error { return nil }
func (nullStore) ContentHashes(context.Context, int64, []string) (map[string]string, error) {
	return nil, nil
}
func (nullStore) UpsertStories(context.Context, int64, []model.Story, []string) (model.SaveResult, error) {
	return model.SaveResult{}, nil
}

// TestRoundIsBounded: a round of 20,000 feeds keeps a bounded number of
// polls (goroutines) going, not one per feed, and reports every feed.
func TestRoundIsBounded(t *testing.T) {
	var maxG atomic.Int64
	tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if g := int64(runtime.NumGoroutine()); g > maxG.Load() {
			maxG.Store(g)
		}
		return &http.Response{StatusCode: 304, Header: http.Header{}, Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
	})
	p := New(&http.Client{Transport: tr}, nullStore{}, testOptions())
	before := runtime.NumGoroutine()
	var n int
	if err := p.Round(context.Background(), manyFeeds{20000}, true, func(Result) { n++ }); err != nil {
		t.Fatal(err)
	}
	if n != 20000 {
		t.Errorf("%d feeds reported, want 20000", n)
	}
	if g := maxG.Load() - int64(before); g > 200 {
		t.Errorf("%d goroutines during the round: it grows with the feeds", g)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestDebugLog: with Options.Log, every poll is a line with the feed,
// its outcome and how long it took; a failure is a warning with its error.
func TestDebugLog(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, rssFeed(rssItem("a", "A", "Alpha.")))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	st := openStore(t)
	addFeed(t, st, srv.URL+"/feed.xml")
	addFeed(t, st, srv.URL+"/broken")
	var log bytes.Buffer
	opts := testOptions()
	opts.Log = slog.New(slog.NewTextHandler(&log, nil))
	p := New(srv.Client(), st, opts)
	if _, err := roundResults(context.Background(), p, st, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d lines, want round start, two polls, round end:\n%s", len(lines), log.String())
	}
	s := log.String()
	for _, want := range []string{
		"msg=\"round start\"", "msg=poll feed=" + srv.URL + "/feed.xml status=200 new=1",
		"level=WARN msg=\"poll failed\" feed=" + srv.URL + "/broken status=500",
		"err=\"HTTP 500", "msg=\"round end\" polled=2 errors=1 skipped=0 took=",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("log lacks %q:\n%s", want, s)
		}
	}
	if strings.Count(s, " took=") != 3 {
		t.Errorf("want a time on each poll and the round:\n%s", s)
	}
}

// roundResults runs one round and returns its results in the order they
// came.
func roundResults(ctx context.Context, p *Poller, st Lister, force bool) ([]Result, error) {
	var rs []Result
	err := p.Round(ctx, st, force, func(r Result) { rs = append(rs, r) })
	return rs, err
}

func skipped(rs []Result) int {
	n := 0
	for _, r := range rs {
		if r.Skipped {
			n++
		}
	}
	return n
}

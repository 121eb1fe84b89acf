package feeds

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sitrep/model"
)

// slowStore takes 50 ms to save a feed's stories and records how many saves
// were in progress at once.
type slowStore struct {
	nullStore
	now, most atomic.Int64
}

func (s *slowStore) UpsertStories(context.Context, int64, []model.Story, []string) (model.SaveResult, error) {
	n := s.now.Add(1)
	for m := s.most.Load(); n > m && !s.most.CompareAndSwap(m, n); m = s.most.Load() {
	}
	time.Sleep(50 * time.Millisecond)
	s.now.Add(-1)
	return model.SaveResult{New: 1}, nil
}

// limitedStore is a slowStore that takes limit saves at once.
type limitedStore struct {
	*slowStore
	limit int
}

func (s limitedStore) WritesAtOnce() int { return s.limit }

// TestWritesAtOnce: a store that says how many saves it takes at once
// (PostgreSQL: each save is a server process of its own, taken from the
// people reading) never gets more from a round; one that does not (SQLite,
// one writer with a queue) gets the poller's queue.
func TestWritesAtOnce(t *testing.T) {
	body := rssFeed(rssItem("a", "A", "Alpha."))
	tr := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/rss+xml"}},
			Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
	})
	round := func(st Store) {
		t.Helper()
		opts := testOptions()
		opts.MaxPerHost = 32
		p := New(&http.Client{Transport: tr}, st, opts)
		if err := p.Round(context.Background(), manyFeeds{40}, true, func(r Result) {
			if r.Err != nil {
				t.Errorf("feed %d: %v", r.FeedID, r.Err)
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	limited := &slowStore{}
	round(limitedStore{limited, 2})
	if m := limited.most.Load(); m > 2 || m < 1 {
		t.Errorf("a store that takes 2 saves at once had %d", m)
	}
	queued := &slowStore{}
	round(queued)
	if m := queued.most.Load(); m <= 2 {
		t.Errorf("a store without a limit had at most %d saves at once: the poller's queue is not used", m)
	}
}

// TestCPUSlots: on two cores both parse; from three on, one core is left to
// the store's writer; one core is one slot.
func TestCPUSlots(t *testing.T) {
	for _, tt := range []struct{ cores, slots int }{{1, 1}, {2, 2}, {3, 2}, {4, 3}, {16, 15}} {
		if got := cpuSlots(tt.cores); got != tt.slots {
			t.Errorf("cpuSlots(%d) = %d, want %d", tt.cores, got, tt.slots)
		}
	}
}

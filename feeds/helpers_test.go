package feeds

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/store"
)

// openStore opens a real SQLite store in the test's temp dir.
func openStore(t testing.TB) *store.SQLite {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func addFeed(t testing.TB, st store.Store, url string) model.Feed {
	t.Helper()
	f, _, err := st.AddFeed(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// feedStories loads every story of a feed with its body.
func feedStories(t *testing.T, st store.Store, feedID int64) []model.Story {
	t.Helper()
	ctx := context.Background()
	hs, err := st.Queue(ctx, model.Filter{View: model.ViewFeed, FeedID: feedID}, 0, 10000)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]model.Story, 0, len(hs))
	for _, h := range hs {
		s, err := st.Story(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

func getFeed(t *testing.T, st store.Store, id int64) model.Feed {
	t.Helper()
	f, err := st.Feed(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var fixedNow = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Now: func() time.Time { return fixedNow }, Jitter: func() float64 { return 0.5 }}
}

type netConn = net.Conn

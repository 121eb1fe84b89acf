package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

var ctx = context.Background()

// base is a fixed instant so tests do not depend on the clock.
var base = time.Date(2026, 2, 12, 21, 4, 0, 0, time.UTC)

func openTemp(t *testing.T) (*SQLite, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sitrep.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func addFeed(t *testing.T, s Store, url string) model.Feed {
	t.Helper()
	f, _, err := s.AddFeed(ctx, url)
	if err != nil {
		t.Fatalf("AddFeed(%q): %v", url, err)
	}
	return f
}

// withDB is a store whose database a test can read directly.
type withDB interface {
	Store
	testDB() testDB
}

func (s *SQLite) testDB() testDB    { return s.db }
func (s *testStore) testDB() testDB { return s.db }

func strp(s string) *string { return &s }

// story makes a story with one quote and one figure whose spans are real.
func story(key, title string, published time.Time) model.Story {
	body := "The war has claimed over 250,000 lives.\n\n" +
		"\u201cStill a far off hope,\u201d said Ian Bremmer, of " + title + "."
	stat := "over 250,000 lives"
	quote := "Still a far off hope,"
	return model.Story{
		Key:       key,
		Link:      "https://example.org/" + key,
		Title:     title,
		Author:    "Desk",
		Published: published,
		FirstSeen: published.Add(time.Minute),
		Body:      body,
		Words:     14,
		Quotes: []extract.Quote{{
			Text: quote, Speaker: strp("Ian Bremmer"),
			Start: strings.Index(body, quote), End: strings.Index(body, quote) + len(quote),
		}},
		Stats: []extract.Stat{{
			Text: stat, Value: 250000, Lower: func() *float64 { v := 250000.0; return &v }(),
			Qualifier: "over", Unit: "people", Category: extract.Killed,
			Start: strings.Index(body, stat), End: strings.Index(body, stat) + len(stat),
		}},
	}
}

func hashOf(st model.Story) string {
	h := sha256.Sum256([]byte(st.Title + "\x00" + st.Body))
	return hex.EncodeToString(h[:])
}

func upsert(t *testing.T, s Store, feedID int64, stories ...model.Story) model.SaveResult {
	t.Helper()
	hashes := make([]string, len(stories))
	for i, st := range stories {
		hashes[i] = hashOf(st)
	}
	r, err := s.UpsertStories(ctx, feedID, stories, hashes)
	if err != nil {
		t.Fatalf("UpsertStories: %v", err)
	}
	return r
}

func queueIDs(t *testing.T, s Store, f model.Filter, offset, limit int) []int64 {
	t.Helper()
	hs, err := s.Queue(ctx, f, offset, limit)
	if err != nil {
		t.Fatalf("Queue(%+v): %v", f, err)
	}
	ids := make([]int64, len(hs))
	for i, h := range hs {
		ids[i] = h.ID
	}
	return ids
}

// idByKey finds a story's id.
func idByKey(t *testing.T, s withDB, key string) int64 {
	t.Helper()
	var id int64
	err := s.testDB().QueryRowContext(ctx, `SELECT id FROM stories WHERE key = ?`, key).Scan(&id)
	if err != nil {
		t.Fatalf("story %q: %v", key, err)
	}
	return id
}

// storiesTable is where a test reads stories with the store's user's
// flags: PostgreSQL keeps them per user (the user_stories view).
func storiesTable(s withDB) string {
	if ts, ok := s.(*testStore); ok && ts.backend == "postgres" {
		return "user_stories"
	}
	return "stories"
}

// checkCounters compares the counters with a count of the stories.
func checkCounters(t *testing.T, s withDB) {
	t.Helper()
	var want model.Counts
	stories := storiesTable(s)
	err := s.testDB().QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM `+stories+` WHERE archived = 0),
		(SELECT COUNT(*) FROM `+stories+` WHERE read = 0 AND archived = 0),
		(SELECT COUNT(*) FROM `+stories+` WHERE starred = 1),
		(SELECT COUNT(*) FROM `+stories+` WHERE archived = 1)`).Scan(&want.All, &want.Unread, &want.Starred, &want.Archived)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Counts = %+v, counted %+v", got, want)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		var unread, total int
		s.testDB().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+stories+` WHERE feed_id = ? AND read = 0 AND archived = 0`, f.ID).Scan(&unread)
		s.testDB().QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE feed_id = ?`, f.ID).Scan(&total)
		if f.Unread != unread || f.Total != total {
			t.Errorf("feed %d: Unread, Total = %d, %d; counted %d, %d", f.ID, f.Unread, f.Total, unread, total)
		}
	}
}

func newBenchRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

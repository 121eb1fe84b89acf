package store

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"sitrep/model"
)

// oldUpsert writes a story the way schema versions 1 to 5 did (stories,
// story_texts and the search index, no quote or figure rows), for the
// upgrade tests: today's upsert also writes tables those versions lack.
func oldUpsert(t *testing.T, db *sql.DB, feedID int64, st model.Story) {
	t.Helper()
	q, _ := json.Marshal(st.Quotes)
	sts, _ := json.Marshal(st.Stats)
	var id int64
	err := db.QueryRow(`INSERT INTO stories (feed_id, key, link, title, author, published, first_seen, words, quote_count)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, feedID, st.Key, st.Link, st.Title, st.Author,
		st.Published.UnixMicro(), st.FirstSeen.UnixMicro(), st.Words, len(st.Quotes)).Scan(&id)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO story_texts (story_id, body, quotes, stats) VALUES (?, ?, ?, ?)`, id, st.Body, q, sts); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(ftsInsertSQL, id, st.Title, st.Body); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(recountSQL); err != nil {
		t.Fatal(err)
	}
}

// TestHighlightsBackfill: a database of schema 5 gets the quote and figure
// rows of its stories from migration 6, so speaker: and cat: find stories
// saved before the upgrade.
func TestHighlightsBackfill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v5.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, migrations[:5]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO feeds (id, url, title) VALUES (1, 'https://a.example/feed', 'Old Desk')`); err != nil {
		t.Fatal(err)
	}
	oldUpsert(t, db, 1, story("x", "written by version 5", base))
	plain := story("y", "no highlights", base)
	plain.Quotes, plain.Stats = nil, nil
	oldUpsert(t, db, 1, plain)
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var speaker, surname string
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT speaker, surname, (SELECT COUNT(*) FROM figures) FROM quotes`).Scan(&speaker, &surname, &n); err != nil {
		t.Fatal(err)
	}
	if speaker != "Ian Bremmer" || surname != "bremmer" || n != 1 {
		t.Errorf("backfilled quote by %q (surname %q), %d figures; want Ian Bremmer, bremmer, 1", speaker, surname, n)
	}
	for _, q := range []string{`speaker:"Ian Bremmer"`, "speaker:Bremmer", "cat:killed>100000"} {
		if got := titles(t, s, model.Filter{Search: q}); len(got) != 1 || got[0] != "written by version 5" {
			t.Errorf("%s after the upgrade found %v", q, got)
		}
	}
}

// TestHighlightRowsFollowTheStory: an updated story replaces its quote and
// figure rows; removing the feed removes them.
func TestHighlightRowsFollowTheStory(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		st := story("x", "first", base)
		upsert(t, s, f.ID, st)
		s.indexed(t) // the rows the update has to replace
		st.Stats[0].Value = 12
		st.Quotes[0].Speaker = strp("Julien Barnes-Dacey")
		st.Title = "second"
		if _, err := s.UpsertStories(ctx, f.ID, []model.Story{st}, []string{"changed"}); err != nil {
			t.Fatal(err)
		}
		count := func(q string) int {
			var n int
			if err := s.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		s.indexed(t)
		if n := count(`SELECT COUNT(*) FROM figures WHERE value = 12`); n != 1 || count(`SELECT COUNT(*) FROM figures`) != 1 {
			t.Errorf("after the update: %d figures of 12, want the one", n)
		}
		if got := titles(t, s, model.Filter{Search: "speaker:Barnes-Dacey"}); len(got) != 1 {
			t.Errorf("speaker:Barnes-Dacey found %v", got)
		}
		if got := titles(t, s, model.Filter{Search: "speaker:Bremmer"}); len(got) != 0 {
			t.Errorf("speaker:Bremmer still finds %v after the update", got)
		}
		if err := s.RemoveFeed(ctx, f.URL); err != nil {
			t.Fatal(err)
		}
		if n := count(`SELECT (SELECT COUNT(*) FROM figures) + (SELECT COUNT(*) FROM quotes)`); n != 0 {
			t.Errorf("%d highlight rows left after removing the feed", n)
		}
	})
}

// titles lists the titles a filter's queue shows, in queue order.
func titles(t *testing.T, s Store, f model.Filter) []string {
	t.Helper()
	hs, err := s.Queue(ctx, f, 0, 1000)
	if err != nil {
		t.Fatalf("Queue(%+v): %v", f, err)
	}
	var out []string
	for _, h := range hs {
		out = append(out, h.Title)
	}
	return out
}

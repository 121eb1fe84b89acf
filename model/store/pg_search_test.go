package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestPGTrustedGuesses: a search's guess of its matches is trusted only
// when ANALYZE keeps every word among its common ones; a word it does not
// keep (rarer than all it keeps), or a prefix, makes the queue read the
// matches first, so that a rare word never walks every story.
func TestPGTrustedGuesses(t *testing.T) {
	s := pgOnly(t)
	p := s.Store.(*Postgres)
	f := addFeed(t, s, "https://guess.example/feed")
	var batch []model.Story
	for i := range 200 {
		st := story(fmt.Sprintf("k%d", i), "Ceasefire talks resume", base.Add(time.Duration(i)*time.Minute))
		if i == 7 {
			st.Title = "Zanzibar ferry"
		}
		batch = append(batch, st)
	}
	upsert(t, s, f.ID, batch...)
	if _, err := p.db.ExecContext(ctx, `ANALYZE story_search`); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		search string
		known  bool
	}{
		{"ceasefire", true},
		{`"ceasefire talks"`, true},
		{"zanzibar", true},            // one story of 200: a small table's statistics keep every word
		{"timbuktu", false},           // in no story, so not kept
		{"ceasefire timbuktu", false}, // one word not kept is enough
		{"cease*", false},             // a prefix
	} {
		q := pgFilterQuery(model.Filter{Search: tt.search})
		_, stories, known, err := p.estimateMatches(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if known != tt.known || stories < 199 {
			t.Errorf("%s: known %v, %v stories; want known %v, 200 stories", tt.search, known, stories, tt.known)
		}
	}
}

// TestPGVectorsInRow: a long story's search vector is kept in its row of
// story_search, not out of line (migration 11), and a search still finds
// the story by a word of it.
func TestPGVectorsInRow(t *testing.T) {
	s := pgOnly(t)
	p := s.Store.(*Postgres)
	f := addFeed(t, s, "https://long.example/feed")
	st := story("long", "A long dispatch", base)
	var words []string
	for i := range 250 {
		words = append(words, fmt.Sprintf("word%dx", i)) // distinct lexemes: a vector of several KB
	}
	st.Body = strings.Join(words, " ") + " Lokichogio."
	upsert(t, s, f.ID, st)
	var size, outOfLine int64
	err := p.db.QueryRowContext(ctx, `SELECT pg_column_size(search),
		(SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'story_search'::regclass)
		FROM story_search`).Scan(&size, &outOfLine)
	if err != nil {
		t.Fatal(err)
	}
	if size < 2048 || outOfLine != 0 {
		t.Errorf("vector of %d bytes, %d bytes out of line; want over 2 KB, all in the row", size, outOfLine)
	}
	hs, err := s.Queue(ctx, model.Filter{View: model.ViewAll, Search: "lokichogio"}, 0, 10)
	if err != nil || len(hs) != 1 {
		t.Errorf("search found %d stories, %v; want the long one", len(hs), err)
	}
}

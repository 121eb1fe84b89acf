package store

import (
	"fmt"
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

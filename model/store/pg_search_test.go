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
		stories, known, err := p.knownWords(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if known != tt.known || stories < 199 {
			t.Errorf("%s: known %v, %v stories; want known %v, 200 stories", tt.search, known, stories, tt.known)
		}
	}
	// The guess and the number of stories come from one EXPLAIN; whether
	// the words are known is not asked when it cannot change the guess's
	// decision (a word in 199 stories is fewer than fewMatches either way).
	est, stories, known, err := p.estimateMatches(ctx, pgFilterQuery(model.Filter{Search: "ceasefire"}))
	if err != nil || est < 150 || est > 250 || stories < 190 || stories > 210 || known {
		t.Errorf("ceasefire: guessed %v matches of %v stories, known %v (%v); want about 199 of 200, not asked", est, stories, known, err)
	}
}

// TestKnownMatters: whether a search's words are known is asked only for
// a guess between fewMatches and rareShare of the stories, where it
// decides between reading the matches first and walking.
func TestKnownMatters(t *testing.T) {
	for _, tt := range []struct {
		est, stories float64
		want         bool
	}{
		{100, 1e6, false},   // few: the matches are read first either way
		{6000, 1e6, true},   // 0.6%: walked if known, read first if not
		{20000, 1e6, true},  // 2%, the edge
		{30000, 1e6, false}, // 3%: walked either way
		{6000, 1e5, false},  // 6% of a smaller store: walked either way
	} {
		if got := knownMatters(tt.est, tt.stories); got != tt.want {
			t.Errorf("knownMatters(%v, %v) = %v, want %v", tt.est, tt.stories, got, tt.want)
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

// TestPGWalkedWordsFindTheSame: the test of a search's words a page uses
// when it walks the stories newest first (pgWalkedWords, for common words)
// finds exactly the stories the indexed test (pgWords) finds, for each
// kind of search: words, OR, NOT, phrases, prefixes.
func TestPGWalkedWordsFindTheSame(t *testing.T) {
	s := pgOnly(t)
	p := s.Store.(*Postgres)
	f := addFeed(t, s, "https://walk.example/feed")
	bodies := []string{
		"Strikes on Gaza killed 12 people overnight.",
		"Aid trucks entered Gaza through Rafah.",
		"Fighting around Aleppo displaced 51,000.",
		"Aid reached Madaya after three months.",
		"The humanitarian corridor to Aleppo closed.",
		"A corridor for humanitarian convoys opened in Gaza.",
		"Displacement camps near Goma are full.",
	}
	var batch []model.Story
	for i, body := range bodies {
		st := story(fmt.Sprintf("w%d", i), fmt.Sprintf("story %d", i), base.Add(time.Duration(i)*time.Hour))
		st.Body, st.Quotes, st.Stats = body, nil, nil
		batch = append(batch, st)
	}
	upsert(t, s, f.ID, batch...)
	titles := func(words textSearch, keep bool, search string) []string {
		t.Helper()
		cond, args, err := pgWhereWith(words, model.Filter{View: model.ViewAll, Search: search})
		if err != nil {
			t.Fatalf("%s: %v", search, err)
		}
		args = append(args, 0)
		if !keep {
			args = planEachRun(args)
		}
		rows, err := p.db.QueryContext(ctx, pgQueuePage(cond, keep, 100), args...)
		if err != nil {
			t.Fatalf("%s: %v", search, err)
		}
		defer rows.Close()
		var got []string
		for rows.Next() {
			var tags string
			h, err := scanHeaderAnd(rows, &tags)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, h.Title)
		}
		return got
	}
	for _, search := range []string{
		"Gaza", "Gaza killed", "Gaza -killed", "Gaza OR Aleppo", "aid Gaza OR Madaya",
		"aid -Gaza -Rafah", `"humanitarian corridor"`, "displac*", "Aleppo -corridor", "Timbuktu",
	} {
		indexed, walked := titles(pgWords, false, search), titles(pgWalkedWords, true, search)
		if strings.Join(indexed, ",") != strings.Join(walked, ",") {
			t.Errorf("%s: the walk found %v, the index %v", search, walked, indexed)
		}
		if search != "Timbuktu" && len(indexed) == 0 {
			t.Errorf("%s: found nothing, so the comparison proves nothing", search)
		}
	}
}

package store

import (
	"reflect"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// TestPackHighlights: what a story's packed record gives back is what its
// rows would (sanitisedQuotes, sanitisedStats), whether or not a text is
// the body's span at its offsets.
func TestPackHighlights(t *testing.T) {
	num := func(v float64) *float64 { return &v }
	body := "“Still a far off hope,” said Ian Bremmer. Over 250,000 people have been killed; 50,000 fled."
	cases := []struct {
		name   string
		quotes []extract.Quote
		stats  []extract.Stat
	}{
		{"none", nil, nil},
		{"spans", []extract.Quote{{Text: "Still a far off hope,", Speaker: strp("Ian Bremmer"), Start: 3, End: 24}},
			[]extract.Stat{{Text: "Over 250,000 people", Value: 250000, Qualifier: "over", Unit: "people",
				Category: extract.Killed, Lower: num(250000), Start: 46, End: 65}}},
		{"texts that are not spans", []extract.Quote{
			{Text: "said elsewhere", Role: strp("analyst"), Start: 0, End: 4},
			{Text: "past the end", Start: 90, End: 500},
			{Text: "backwards", Start: 9, End: 2},
			{Text: "negative", Speaker: strp(""), Start: -4, End: -1},
		}, []extract.Stat{{Text: "50,000", Value: 5e4, Upper: num(6e4), Vague: true, Category: extract.Displaced, Start: 0, End: 6}}},
		{"invalid UTF-8", []extract.Quote{{Text: "bad \xff", Speaker: strp("Ali \xc3 Khan"), Role: strp("x\xffy")}},
			[]extract.Stat{{Text: "\xfe 3", Value: 3, Unit: "\xff", Qualifier: "\xc3", Category: "odd\xff"}}},
	}
	for _, c := range cases {
		got := packHighlights(c.quotes, c.stats, body)
		q, st, err := unpackHighlights(got, body)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !reflect.DeepEqual(q, sanitisedQuotes(c.quotes)) || !reflect.DeepEqual(st, sanitisedStats(c.stats)) {
			t.Errorf("%s: got %s %s\nwant %s %s", c.name, jsonOf(q), jsonOf(st), jsonOf(c.quotes), jsonOf(c.stats))
		}
	}
	// The spans are not stored twice: against a body without them, the
	// record holds the two texts as well.
	spans := len(cases[1].quotes[0].Text) + len(cases[1].stats[0].Text)
	if with, without := len(packHighlights(cases[1].quotes, cases[1].stats, body)),
		len(packHighlights(cases[1].quotes, cases[1].stats, "")); without-with < spans {
		t.Errorf("packed reference highlights take %d bytes with their body and %d without, want %d less", with, without, spans)
	}
	// A damaged record is an error, never a panic or a made-up highlight.
	p := packHighlights(cases[2].quotes, cases[2].stats, body)
	for cut := range len(p) {
		if _, _, err := unpackHighlights(p[:cut], body); err == nil {
			t.Errorf("record cut to %d of %d bytes unpacked", cut, len(p))
		}
	}
	if _, _, err := unpackHighlights(append(p[:len(p):len(p)], 0), body); err == nil {
		t.Error("record with a byte too many unpacked")
	}
	if _, _, err := unpackHighlights(packHighlights(cases[1].quotes, cases[1].stats, body), "short"); err == nil {
		t.Error("spans past the end of another body unpacked")
	}
}

// waiting counts the stories that wait for their quote and figure rows,
// and searchWaiting those that wait for their search entry.
func waiting(t *testing.T, s *SQLite) int { return count(t, s, `SELECT COUNT(*) FROM index_pending`) }

func searchWaiting(t *testing.T, s *SQLite) int {
	return count(t, s, `SELECT COUNT(*) FROM search_pending`)
}

func count(t *testing.T, s *SQLite, q string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSavedStoriesWaitForTheIndexer: a saved story's search entry and its
// quote and figure rows are written later, but nothing a reader sees
// depends on when: the story pane reads the waiting record, a search
// writes the waiting search entries before it looks, and speaker:, cat:
// and the Speakers view the rows too.
func TestSavedStoriesWaitForTheIndexer(t *testing.T) {
	s, _ := openTemp(t)
	s.ix.close() // this test says when the indexer runs
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "Aleppo truce", base))
	id := idByKey(t, s, "x")
	fts := func() int { return count(t, s, `SELECT COUNT(*) FROM story_fts WHERE story_fts MATCH 'aleppo'`) }
	rows := count(t, s, `SELECT (SELECT COUNT(*) FROM quotes) + (SELECT COUNT(*) FROM figures)`)
	if waiting(t, s) != 1 || searchWaiting(t, s) != 1 || fts() != 0 || rows != 0 {
		t.Fatalf("after saving: %d waiting for rows, %d for search, %d search entries, %d rows; want 1, 1, 0 and 0",
			waiting(t, s), searchWaiting(t, s), fts(), rows)
	}
	before, err := s.Story(ctx, id)
	if err != nil || len(before.Quotes) != 1 || *before.Quotes[0].Speaker != "Ian Bremmer" || before.Stats[0].Value != 250000 {
		t.Fatalf("story pane before indexing: %+v %+v, %v", before.Quotes, before.Stats, err)
	}
	if got := titles(t, s, model.Filter{Search: "aleppo"}); len(got) != 1 || fts() != 1 || searchWaiting(t, s) != 0 || waiting(t, s) != 1 {
		t.Errorf("aleppo found %v, then %d search entries, %d stories wait for search and %d for rows; want the story, 1, 0 and 1",
			got, fts(), searchWaiting(t, s), waiting(t, s))
	}
	// Each search finds every story so far: the new one only once its
	// rows are written.
	for i, q := range []string{"speaker:Bremmer", "cat:killed>1000 aleppo", "-speaker:Kerry"} {
		upsert(t, s, f.ID, story("w-"+q, "Aleppo "+q, base.Add(-time.Hour)))
		if got := titles(t, s, model.Filter{Search: q}); len(got) != 2+i || waiting(t, s) != 0 {
			t.Errorf("%s found %v, and %d stories wait after it; want %d, and none waiting", q, got, waiting(t, s), 2+i)
		}
	}
	after, err := s.Story(ctx, id)
	if err != nil || !reflect.DeepEqual(after, before) {
		t.Errorf("story pane after indexing:\n got %+v\nwant %+v", after, before)
	}
	// The Speakers view indexes what waits too.
	upsert(t, s, f.ID, story("y", "Madaya convoy", base.Add(time.Hour)))
	sp, err := s.Speakers(ctx, model.Filter{View: model.ViewAll}, 0)
	if err != nil || len(sp) != 1 || sp[0].Quotes != 5 {
		t.Errorf("Speakers = %+v, %v; want Ian Bremmer with 5 quotes", sp, err)
	}
}

// TestChangedStoryIsIndexedAgain: a story changed after it was indexed
// loses its old search entry and rows, and one changed twice while it
// waits is indexed once, as it last was.
func TestChangedStoryIsIndexedAgain(t *testing.T) {
	s, _ := openTemp(t)
	s.ix.close()
	f := addFeed(t, s, "https://a.example/feed")
	st := story("x", "Aleppo truce", base)
	upsert(t, s, f.ID, st)
	if _, err := s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"Madaya convoy", "Homs siege"} {
		st = story("x", title, base) // the title is in the body too
		st.Stats[0].Value = float64(1000 * (i + 1))
		upsert(t, s, f.ID, st)
	}
	for q, want := range map[string]int{"aleppo": 0, "madaya": 0, "homs": 1, "cat:killed=2000": 1, "cat:killed=250000": 0} {
		if got := titles(t, s, model.Filter{Search: q}); len(got) != want {
			t.Errorf("%s found %v, want %d", q, got, want)
		}
	}
	rows := count(t, s, `SELECT (SELECT COUNT(*) FROM figures) + (SELECT COUNT(*) FROM quotes)`)
	entries := count(t, s, `SELECT COUNT(*) FROM story_fts WHERE story_fts MATCH 'still'`)
	if rows != 2 || entries != 1 {
		t.Errorf("%d highlight rows and %d search entries for the one story, want 2 and 1", rows, entries)
	}
}

// TestIndexerRunsWhenIdle: with nobody reading, the indexer writes what
// waits once the writer has been idle a moment.
func TestIndexerRunsWhenIdle(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "Aleppo truce", base), story("y", "Madaya convoy", base))
	deadline := time.Now().Add(10 * time.Second)
	for waiting(t, s) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d stories still wait after 10 s", waiting(t, s))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := count(t, s, `SELECT COUNT(*) FROM quotes`); n != 2 {
		t.Errorf("%d quote rows after the indexer ran, want 2", n)
	}
}

// TestClaimsOfWaitingStories: the ≠ of a cluster and its claims are the
// same before the indexer has written the stories' figure rows and after.
func TestClaimsOfWaitingStories(t *testing.T) {
	s, _ := openTemp(t)
	s.ix.close()
	wire, blog := addFeed(t, s, "https://wire.example/feed"), addFeed(t, s, "https://blog.example/feed")
	upsert(t, s, wire.ID, wireStory("w1", "Strikes kill 212 in Aleppo", base, "212", 4))
	upsert(t, s, blog.ID, wireStory("b1", "Aleppo: 190 dead in strikes", base.Add(time.Hour), "190", 4))
	read := func() ([]model.Claim, bool) {
		hs, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
		if err != nil || len(hs) != 1 {
			t.Fatalf("queue %+v, %v; want the cluster's one row", hs, err)
		}
		claims, err := s.ClusterClaims(ctx, hs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return claims, hs[0].ClaimsDiffer
	}
	waitingClaims, waitingDiffer := read()
	if len(waitingClaims) != 2 || waitingClaims[0].Value != 212 || waitingClaims[1].Value != 190 || !waitingDiffer {
		t.Fatalf("claims of waiting stories = %+v (differ %v), want 212 then 190", waitingClaims, waitingDiffer)
	}
	if _, err := s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if claims, differ := read(); !reflect.DeepEqual(claims, waitingClaims) || !differ {
		t.Errorf("claims after indexing = %+v (differ %v), want %+v", claims, differ, waitingClaims)
	}
}

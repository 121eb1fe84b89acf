package store

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// TestHighlightsRoundTrip: the quote and figure rows are the one home of a
// story's highlights (migration 11), so what the story pane reads back is
// what was saved, for awkward highlights too: no speaker, a speaker in
// capitals beyond ASCII, one word, a trailing space, invalid UTF-8 (read
// back as U+FFFD, as the JSON of earlier versions did), missing bounds,
// fractions; the indexed columns are right (speaker_key folds A-Z only,
// surname is its last word, value is REAL); and an update replaces them.
func TestHighlightsRoundTrip(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "rows.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := Populate(ctx, s, 3, 300); err != nil {
		t.Fatal(err)
	}
	f, _, err := s.AddFeed(ctx, "https://rows.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	str := func(v string) *string { return &v }
	num := func(v float64) *float64 { return &v }
	body := "Body text for the quote and figure rows."
	quotes := []extract.Quote{
		{Text: "no speaker", Start: 1, End: 5},
		{Text: "ÉMILE ZOLA spoke", Speaker: str("ÉMILE Zola-BRUN"), Role: str("Writer"), Start: 2, End: 9},
		{Text: "one word", Speaker: str("Castan")},
		{Text: "trailing", Speaker: str("Maria Lopez ")},
		{Text: "bad \xff\xfe utf8", Speaker: str("Ali \xc3 Khan"), Role: str("x\xffy")},
		{Text: "", Speaker: str(""), Role: str("")},
	}
	stats := []extract.Stat{
		{Text: "14 killed", Value: 14, Category: extract.Killed, Unit: "people", Start: 3, End: 12},
		{Text: "between 3 and 4.5", Value: 3.75, Lower: num(3), Upper: num(4.5), Qualifier: "between", Vague: true},
		{Text: "tiny", Value: 1e-7, Category: "", Unit: "\xff"},
		{Text: "huge", Value: 2.5e21, Category: extract.Displaced, Lower: num(-1.25)},
	}
	now := time.Now()
	var batch []model.Story
	var hashes []string
	// 12 stories: 60 quotes and 36 figures, more than one multi-row INSERT
	// holds (rowsPerInsert), so both ways of writing rows are read back.
	for i := range 12 {
		batch = append(batch, model.Story{Key: "k" + strconv.Itoa(i), Title: "t", Body: body, Published: now,
			Quotes: quotes[i%3:], Stats: stats[i%3:]})
		hashes = append(hashes, "h")
	}
	if _, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		for i, want := range batch {
			got, err := s.Story(ctx, storyID(t, s, f.ID, want.Key))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Quotes, sanitisedQuotes(want.Quotes)) {
				t.Errorf("%s, story %d quotes:\n got %s\nwant %s", when, i, jsonOf(got.Quotes), jsonOf(want.Quotes))
			}
			if !reflect.DeepEqual(got.Stats, sanitisedStats(want.Stats)) {
				t.Errorf("%s, story %d figures:\n got %s\nwant %s", when, i, jsonOf(got.Stats), jsonOf(want.Stats))
			}
		}
		var n int
		if err := s.db.QueryRow(`SELECT COUNT(*) FROM figures WHERE typeof(value) != 'real'`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d figure values not REAL (%v)", when, n, err)
		}
	}
	check("inserted")
	if _, err := s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	check("inserted, then indexed")
	for _, c := range []struct{ speaker, key, surname string }{
		{"ÉMILE Zola-BRUN", "Émile zola-brun", "zola-brun"},
		{"Castan", "castan", "castan"},
		{"Maria Lopez ", "maria lopez ", ""},
	} {
		var key, surname string
		if err := s.db.QueryRow(`SELECT speaker_key, surname FROM quotes WHERE speaker = ? LIMIT 1`, c.speaker).Scan(&key, &surname); err != nil {
			t.Fatalf("quote of %q: %v", c.speaker, err)
		}
		if key != c.key || surname != c.surname {
			t.Errorf("quote of %q: speaker_key %q surname %q, want %q %q", c.speaker, key, surname, c.key, c.surname)
		}
	}
	// An update replaces the rows.
	for i := range batch {
		batch[i].Quotes, batch[i].Stats = quotes[:len(quotes)-i%3], stats[:len(stats)-i%3]
		hashes[i] = "h2"
	}
	if res, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil || res.Updated != len(batch) {
		t.Fatal(res, err)
	}
	check("updated")
	if _, err := s.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	check("updated, then indexed")
}

// sanitisedQuotes are qs as the store gives them back: invalid UTF-8 as
// U+FFFD, and never nil.
func sanitisedQuotes(qs []extract.Quote) []extract.Quote {
	out := []extract.Quote{}
	for _, q := range qs {
		q.Text, q.Speaker, q.Role = jsonText(q.Text), sanitisedPtr(q.Speaker), sanitisedPtr(q.Role)
		out = append(out, q)
	}
	return out
}

func sanitisedStats(fs []extract.Stat) []extract.Stat {
	out := []extract.Stat{}
	for _, f := range fs {
		f.Text, f.Unit, f.Qualifier = jsonText(f.Text), jsonText(f.Unit), jsonText(f.Qualifier)
		f.Category = extract.Category(jsonText(string(f.Category)))
		out = append(out, f)
	}
	return out
}

func sanitisedPtr(s *string) *string {
	if s == nil {
		return nil
	}
	v := jsonText(*s)
	return &v
}

func jsonOf(v any) string { b, _ := json.Marshal(v); return string(b) }

func storyID(t *testing.T, s *SQLite, feedID int64, key string) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(`SELECT id FROM stories WHERE feed_id = ? AND key = ?`, feedID, key).Scan(&id); err != nil {
		t.Fatalf("story %q: %v", key, err)
	}
	return id
}

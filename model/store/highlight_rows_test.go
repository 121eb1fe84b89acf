package store

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// TestHighlightRowsMatchJSON: the quote and figure rows the upserter
// writes from Go are the rows json_each makes of the JSON story_texts
// keeps (migration 6's way), for Populate's stories and for awkward ones:
// no speaker, a speaker in capitals beyond ASCII, one word, a trailing
// space, invalid UTF-8, missing bounds, fractions; and again after an
// update replaces them.
func TestHighlightRowsMatchJSON(t *testing.T) {
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
	for i := range 3 {
		batch = append(batch, model.Story{Key: "k" + strconv.Itoa(i), Title: "t", Body: body, Published: now,
			Quotes: quotes[i:], Stats: stats[i:]})
		hashes = append(hashes, "h")
	}
	if _, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		for _, c := range []struct{ table, cols, json string }{
			{"quotes", `story_id, n, speaker, speaker_key, surname, role, text, start, "end"`,
				quoteRows(`t.story_id`, `story_texts t, json_each(t.quotes) j`)},
			{"figures", `story_id, n, category, value, lower, upper, unit, qualifier, vague, text, start, "end"`,
				figureRows(`t.story_id`, `story_texts t, json_each(t.stats) j`)},
		} {
			fromJSON := c.json[strings.Index(c.json, "SELECT"):]
			// typeof too: a figure's value must be REAL either way.
			typed := func(src string) string {
				var b strings.Builder
				b.WriteString("SELECT ")
				for i, col := range strings.Split(c.cols, ", ") {
					if i > 0 {
						b.WriteString(", ")
					}
					b.WriteString(col + ", typeof(" + col + ")")
				}
				return b.String() + " FROM (" + src + ")"
			}
			var stored, derived, diff int
			if err := s.db.QueryRow(`SELECT COUNT(*) FROM ` + c.table).Scan(&stored); err != nil {
				t.Fatal(err)
			}
			if err := s.db.QueryRow(`SELECT COUNT(*) FROM (` + fromJSON + `)`).Scan(&derived); err != nil {
				t.Fatal(err)
			}
			// The JSON rows as stored: through a table of the same columns.
			if _, err := s.db.Exec(`DROP TABLE IF EXISTS temp.derived`); err != nil {
				t.Fatal(err)
			}
			var schema string
			if err := s.db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = ?`, c.table).Scan(&schema); err != nil {
				t.Fatal(err)
			}
			schema = strings.Replace(schema, "CREATE TABLE "+c.table, "CREATE TEMP TABLE derived", 1)
			schema = strings.Replace(schema, "REFERENCES stories (id) ON DELETE CASCADE", "", 1)
			if _, err := s.db.Exec(schema); err != nil {
				t.Fatal(err)
			}
			if _, err := s.db.Exec(`INSERT INTO temp.derived (` + c.cols + `) ` + fromJSON); err != nil {
				t.Fatal(err)
			}
			a, b := typed("SELECT "+c.cols+" FROM main."+c.table), typed("SELECT "+c.cols+" FROM temp.derived")
			q := `SELECT (SELECT COUNT(*) FROM (` + a + ` EXCEPT ` + b + `)) + (SELECT COUNT(*) FROM (` + b + ` EXCEPT ` + a + `))`
			if err := s.db.QueryRow(q).Scan(&diff); err != nil {
				t.Fatal(err)
			}
			if stored != derived || diff != 0 || stored == 0 {
				t.Errorf("%s, %s: %d rows stored, %d from the JSON, %d differ", when, c.table, stored, derived, diff)
			}
		}
	}
	check("inserted")
	// An update replaces the rows.
	for i := range batch {
		batch[i].Quotes, batch[i].Stats = quotes[:len(quotes)-i], stats[:len(stats)-i]
		hashes[i] = "h2"
	}
	if res, err := s.UpsertStories(ctx, f.ID, batch, hashes); err != nil || res.Updated != len(batch) {
		t.Fatal(res, err)
	}
	check("updated")
}

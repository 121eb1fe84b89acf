package export

import (
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"sitrep/model"
	"sitrep/model/extract"
)

// TestGoldenCSVAndCSL: the figures as CSV and the stories as CSL-JSON, each
// taking the query language of / (issue 9).
func TestGoldenCSVAndCSL(t *testing.T) {
	st := openStore(t, syria(t), hostile(t), plain(), unstarred())
	for _, tc := range []struct {
		name, format string
		filter       model.Filter
		want         int
	}{
		{"starred.csv", "csv", model.Filter{View: model.ViewStarred}, 3},
		{"killed-over-100.csv", "csv", model.Filter{View: model.ViewAll, Search: "cat:killed>100"}, 1},
		{"starred.csl.json", "csl-json", model.Filter{View: model.ViewStarred}, 3},
		{"bremmer.csl.json", "csl-json", model.Filter{View: model.ViewAll, Search: `speaker:"Ian Bremmer"`}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, n := export(t, st, Options{Filter: tc.filter, Format: tc.format})
			if n != tc.want {
				t.Errorf("n = %d, want %d", n, tc.want)
			}
			golden(t, tc.name, out)
		})
	}
}

// TestCSVRoundTrip: encoding/csv reads back every figure with its story,
// whatever the titles and sentences hold (quotes, commas, a newline the
// sanitiser made a space, a leading = that a spreadsheet would run).
func TestCSVRoundTrip(t *testing.T) {
	b := "He said \"12, maybe 13\" were killed; officials, later,\nsaid 14 killed.\n\nA second paragraph: 3 injured."
	odd := model.Story{
		Key: "odd", Link: "https://example.org/odd?a=1,b=\"2\"", Title: "=HYPERLINK(\"x\"), \"quoted\"\nsecond line",
		Published: base, Body: b, Words: 20, Triage: model.Triage{Starred: true},
		Stats: []extract.Stat{
			stat(t, b, "12, maybe 13\" were killed", extract.Stat{Value: 12, Lower: f64p(12), Upper: f64p(13), Category: extract.Killed, Unit: "people"}),
			stat(t, b, "14 killed", extract.Stat{Value: 14, Category: extract.Killed, Unit: "people", Qualifier: "-ish"}),
			stat(t, b, "3 injured", extract.Stat{Value: 3, Category: extract.Injured, Unit: "people"}),
		},
	}
	st := openStore(t, odd, plain())
	out, _ := export(t, st, Options{Filter: model.Filter{View: model.ViewStarred}, Format: "csv"})
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("encoding/csv cannot read the export: %v\n%s", err, out)
	}
	if len(rows) != 4 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("%d rows (want a header and 3 figures; the story without figures has none):\n%s", len(rows), out)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	first := rows[1]
	if got := first[col["title"]]; got != `'=HYPERLINK("x"), "quoted" second line` {
		t.Errorf("title read back as %q", got)
	}
	if got := first[col["link"]]; got != odd.Link {
		t.Errorf("link read back as %q", got)
	}
	if got := first[col["text"]]; got != "12, maybe 13\" were killed" {
		t.Errorf("figure text read back as %q", got)
	}
	if first[col["value"]] != "12" || first[col["lower"]] != "12" || first[col["upper"]] != "13" || first[col["category"]] != "killed" {
		t.Errorf("value and bounds read back as %v", first)
	}
	if got := rows[2][col["sentence"]]; got != `He said "12, maybe 13" were killed; officials, later, said 14 killed.` {
		t.Errorf("sentence read back as %q", got)
	}
	if got := rows[2][col["qualifier"]]; got != "'-ish" {
		t.Errorf("qualifier read back as %q", got)
	}
	if i := strings.Index(b, "3 injured"); rows[3][col["start"]] != strconv.Itoa(i) || rows[3][col["end"]] != strconv.Itoa(i+9) {
		t.Errorf("offsets %s-%s", rows[3][col["start"]], rows[3][col["end"]])
	}
	for _, r := range rows[1:] {
		if r[col["story_id"]] == "" || r[col["story_id"]] == "0" || r[col["source"]] != "Business Insider" {
			t.Errorf("row without its story: %v", r)
		}
	}
}

// TestCSLJSONReads: the CSL-JSON export is one array of items with the
// fields reference managers need.
func TestCSLJSONReads(t *testing.T) {
	st := openStore(t, syria(t), plain())
	out, _ := export(t, st, Options{Filter: model.Filter{View: model.ViewStarred}, Format: "csl-json"})
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	if len(items) != 2 {
		t.Fatalf("%d items, want 2", len(items))
	}
	it := items[0]
	if it["type"] != "article-newspaper" || it["container-title"] != "Business Insider" ||
		it["URL"] != "https://www.businessinsider.com/syria-ceasefire-obstacles-2016-2" || it["keyword"] != "aleppo, un" {
		t.Errorf("item %v", it)
	}
	if d, _ := json.Marshal(it["issued"]); string(d) != `{"date-parts":[[2016,2,12]]}` {
		t.Errorf("issued %s", d)
	}
	empty, n := export(t, openStore(t), Options{Filter: model.Filter{View: model.ViewStarred}, Format: "csl-json"})
	if err := json.Unmarshal([]byte(empty), &items); err != nil || n != 0 || len(items) != 0 {
		t.Errorf("empty export %q: %v", empty, err)
	}
}

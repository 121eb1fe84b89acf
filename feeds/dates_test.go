package feeds

import (
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func TestParseZoned(t *testing.T) {
	utc := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	cases := []struct {
		raw  string
		want time.Time
		ok   bool
	}{
		{"Thu, 12 Feb 2016 21:04:00 IST", utc("2016-02-12T15:34:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 PKT", utc("2016-02-12T16:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 EAT", utc("2016-02-12T18:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 CAT", utc("2016-02-12T19:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 WAT", utc("2016-02-12T20:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 AST", utc("2016-02-12T18:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 IRST", utc("2016-02-12T17:34:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 MSK", utc("2016-02-12T18:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 EET", utc("2016-02-12T19:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 EEST", utc("2016-02-12T18:04:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 AFT", utc("2016-02-12T16:34:00Z"), true},
		{"Thu, 2 Feb 2016 21:04 IST", utc("2016-02-02T15:34:00Z"), true},
		{"12 February 2016 21:04:00 EAT", utc("2016-02-12T18:04:00Z"), true},
		{"2016-02-12 21:04:00 PKT", utc("2016-02-12T16:04:00Z"), true},
		{"Feb 12, 2016 9:04 PM IST", utc("2016-02-12T15:34:00Z"), true},
		{"Thu, 12 Feb 2016 21:04:00 GMT", time.Time{}, false}, // gofeed's own
		{"Thu, 12 Feb 2016 21:04:00 +0300", time.Time{}, false},
		{"not a date", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, c := range cases {
		got, ok := parseZoned(c.raw)
		if ok != c.ok || (ok && !got.Equal(c.want)) {
			t.Errorf("parseZoned(%q) = %v, %v; want %v, %v", c.raw, got.UTC(), ok, c.want, c.ok)
		}
	}
}

func TestItemDateAndClamp(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	gofeedUTC := time.Date(2016, 2, 12, 21, 4, 0, 0, time.UTC) // what gofeed makes of "21:04 PKT"
	past := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	future := time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		it   gofeed.Item
		want time.Time
	}{
		{"abbreviation re-read", gofeed.Item{Published: "Fri, 12 Feb 2016 21:04:00 PKT", PublishedParsed: &gofeedUTC}, time.Date(2016, 2, 12, 16, 4, 0, 0, time.UTC)},
		{"gofeed date kept", gofeed.Item{Published: "x", PublishedParsed: &past}, past},
		{"updated when no published", gofeed.Item{Updated: "x", UpdatedParsed: &past}, past},
		{"missing date is first seen", gofeed.Item{}, now},
		{"unparsable date is first seen", gofeed.Item{Published: "not a date"}, now},
		{"future clamped", gofeed.Item{Published: "x", PublishedParsed: &future}, now},
	}
	for _, c := range cases {
		tm, ok := itemDate(&c.it)
		if got := storyDate(tm, ok, now); !got.Equal(c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

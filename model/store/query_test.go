package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// queryCorpus saves five stories of two feeds, dated back from now, with the
// speakers and figures the operator tests ask for.
func queryCorpus(t *testing.T) *SQLite {
	t.Helper()
	s, _ := openTemp(t)
	desk := addFeed(t, s, "https://desk.example/feed")
	relief := addFeed(t, s, "https://relief.example/feed")
	if err := s.RenameFeed(ctx, relief.ID, "Relief Wire"); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	mk := func(key string, ago time.Duration, body string, speakers []string, figs ...extract.Stat) model.Story {
		st := story(key, key, now.Add(-ago))
		st.FirstSeen = st.Published.Add(time.Minute)
		st.Body, st.Quotes, st.Stats = body, nil, nil
		for _, sp := range speakers {
			st.Quotes = append(st.Quotes, extract.Quote{Text: "words", Speaker: strp(sp), Start: 0, End: 5})
		}
		st.Stats = figs
		return st
	}
	killed := func(v float64) extract.Stat {
		return extract.Stat{Text: "x", Value: v, Category: extract.Killed, Unit: "people"}
	}
	upsert(t, s, desk.ID,
		mk("bremmer", 24*time.Hour, "Gaza strikes killed many, Bremmer said.", []string{"Ian Bremmer"}, killed(250000)),
		mk("kerry", 3*24*time.Hour, "Kerry spoke of Gaza.", []string{"Kerry"}, killed(50)),
		mk("plain", 40*24*time.Hour, "Aid trucks entered Gaza.", nil),
	)
	upsert(t, s, relief.ID,
		mk("john-kerry", 10*24*time.Hour, "Aleppo displaced 7 million, John Kerry said.", []string{"John Kerry", "Sergey Lavrov"},
			extract.Stat{Text: "7 million", Value: 7e6, Category: extract.Displaced}, killed(100)),
		mk("archived", 2*24*time.Hour, "Old Gaza news.", []string{"Ian Bremmer"}, killed(101)),
	)
	ids := map[string]int64{}
	for _, k := range []string{"plain", "archived", "kerry"} {
		ids[k] = idByKey(t, s, k)
	}
	if err := s.SetTriage(ctx, ids["plain"], model.Triage{Starred: true, Read: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTriage(ctx, ids["archived"], model.Triage{Archived: true}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(ctx, ids["plain"], "check the convoy"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetTags(ctx, ids["kerry"], []string{"Syria"}); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestQueryOperators: each operator of the search language, alone, negated
// and beside words, finds exactly the stories it says (within the view
// shown, all but archived), and what it cannot read is said (and left
// out: a search of nothing understood finds nothing rather than all).
func TestQueryOperators(t *testing.T) {
	s := queryCorpus(t)
	day := func(ago int) string { return time.Now().AddDate(0, 0, -ago).Format("2006-01-02") }
	tests := []struct {
		query string
		want  []string
		note  string // a part of the notes, "" for none
	}{
		// speaker: and its name variants
		{`speaker:"Ian Bremmer"`, []string{"bremmer"}, ""},
		{`speaker:bremmer`, []string{"bremmer"}, ""},
		{`speaker:Kerry`, []string{"john-kerry", "kerry"}, ""},        // one word: every fuller name ending with it
		{`speaker:"John Kerry"`, []string{"john-kerry", "kerry"}, ""}, // a fuller name: itself and the one word
		{`speaker:"Jane Kerry"`, []string{"kerry"}, ""},
		{`speaker:"Sergey  Lavrov"`, []string{"john-kerry"}, ""},
		{`-speaker:Kerry`, []string{"bremmer", "plain"}, ""},
		{`speaker:"Ian Bremmer" is:archived`, []string{"archived"}, ""},
		// cat:
		{`cat:killed>100`, []string{"bremmer"}, ""},
		{`cat:killed>=100`, []string{"bremmer", "john-kerry"}, ""},
		{`cat:killed<100`, []string{"kerry"}, ""},
		{`cat:killed=50`, []string{"kerry"}, ""},
		{`cat:killed`, []string{"bremmer", "john-kerry", "kerry"}, ""},
		{`cat:displaced>1m`, []string{"john-kerry"}, ""},
		{`cat:displaced>1,000,000`, []string{"john-kerry"}, ""},
		{`cat:KILLED>200k`, []string{"bremmer"}, ""},
		{`-cat:killed`, []string{"plain"}, ""},
		{`cat:deaths>10`, nil, "the categories are killed, injured"},
		{`cat:killed>lots`, nil, "a number is needed"},
		// feed:, tag:, is:
		{`feed:relief`, []string{"john-kerry"}, ""},
		{`feed:"Relief Wire"`, []string{"john-kerry"}, ""},
		{`feed:desk.example`, []string{"bremmer", "kerry", "plain"}, ""},
		{`-feed:relief`, []string{"bremmer", "kerry", "plain"}, ""},
		{`tag:syria`, []string{"kerry"}, ""},
		{`tag:nothing`, nil, ""},
		{`is:starred`, []string{"plain"}, ""},
		{`is:unread`, []string{"bremmer", "john-kerry", "kerry"}, ""},
		{`is:read`, []string{"plain"}, ""},
		{`is:noted`, []string{"plain"}, ""},
		{`is:archived`, []string{"archived"}, ""},
		{`-is:starred`, []string{"bremmer", "john-kerry", "kerry"}, ""},
		{`is:lovely`, nil, "is: takes unread, read, starred, archived, noted"},
		// since:, before:
		{`since:7d`, []string{"bremmer", "kerry"}, ""},
		{`since:48h`, []string{"bremmer"}, ""},
		{`since:2w`, []string{"bremmer", "john-kerry", "kerry"}, ""},
		{`before:7d`, []string{"john-kerry", "plain"}, ""},
		{`before:` + day(20), []string{"plain"}, ""},
		{`since:` + day(20) + ` before:` + day(5), []string{"john-kerry"}, ""},
		{`since:yesterdayish`, nil, "since: takes a span back from now"},
		// beside words, -words and OR
		{`Gaza speaker:Kerry`, []string{"kerry"}, ""},
		{`Gaza -Kerry cat:killed`, []string{"bremmer"}, ""},
		{`-Gaza cat:killed`, []string{"john-kerry"}, ""},
		{`Aleppo OR Aid -is:unread`, []string{"plain"}, ""},
		{`Gaza OR speaker:Lavrov`, nil, "OR joins words, not operators"},
		// not operators
		{`speaker:`, nil, "speaker: needs something after it"},
		{`mood:grim Gaza`, nil, "unknown operator mood:"},
		{`10:30`, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := titles(t, s, model.Filter{View: model.ViewAll, Search: tt.query})
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("found %v, want %v", got, tt.want)
			}
			if n, err := s.QueueLen(ctx, model.Filter{View: model.ViewAll, Search: tt.query}); err != nil || n != len(got) {
				t.Errorf("QueueLen = %d, %v; the queue shows %d", n, err, len(got))
			}
			notes := strings.Join(ParseSearch(tt.query).Notes, "; ")
			if tt.note == "" && notes != "" || !strings.Contains(notes, tt.note) {
				t.Errorf("notes %q, want %q", notes, tt.note)
			}
		})
	}
}

// TestFieldString: an operator reads back as it can be typed again.
func TestFieldString(t *testing.T) {
	for in, want := range map[string]string{
		`speaker:"Ian  Bremmer"`: `speaker:"Ian Bremmer"`,
		`-cat:Killed>1k`:         `-cat:killed>1000`,
		`tag:Syria`:              `tag:syria`,
		`since:7d`:               `since:7d`,
	} {
		sq := ParseSearch(in)
		if len(sq.Fields) != 1 || sq.Fields[0].String() != want {
			t.Errorf("%s read back as %v, want %s", in, sq.Fields, want)
		}
	}
}

// FuzzParseSearch: no input makes the parser panic or the store fail: every
// search becomes SQL and an FTS5 query that run (the seeds run in go test).
func FuzzParseSearch(f *testing.F) {
	for _, seed := range []string{
		`Gaza -killed`, `speaker:"Ian Bremmer"`, `cat:killed>100`, `cat:killed>=1,000 OR`, `-speaker:"`,
		`feed:"Relief Wire" tag:syria is:unread since:7d before:2026-11-01`, `OR NOT AND`, `"unclosed`,
		`speaker:"" cat:>`, `x:y: :z`, "\x00 cat:killed\u202e>1", `- -- -"" *`, `since:99999999999d`,
		`cat:money>1e308`, `is:`, `before:2026-13-45`, `"a"b"c" OR -d*`,
	} {
		f.Add(seed)
	}
	s, err := OpenMemory()
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	f.Fuzz(func(t *testing.T, q string) {
		sq := ParseSearch(q)
		for _, fl := range sq.Fields {
			if fl.Name == "" {
				t.Fatalf("%q: an operator without a name: %+v", q, sq.Fields)
			}
		}
		if _, err := s.Queue(ctx, model.Filter{View: model.ViewAll, Search: q}, 0, 10); err != nil {
			t.Fatalf("%q: %v (fts %q)", q, err, ftsMatch(sq))
		}
		if _, err := s.QueueLen(ctx, model.Filter{View: model.ViewUnread, Search: q}); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
	})
}

package store

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// queueFixture stores six stories in two feeds, one an hour apart (s0
// oldest), with this triage:
//
//	s0 a  read          s3 b  starred
//	s1 a  read, starred s4 b  archived, starred
//	s2 a  archived      s5 b  (unread)
func queueFixture(t *testing.T) (s *SQLite, a, b model.Feed, ids []int64) {
	t.Helper()
	s, _ = openTemp(t)
	a = addFeed(t, s, "https://a.example/feed")
	b = addFeed(t, s, "https://b.example/feed")
	triage := []model.Triage{{Read: true}, {Read: true, Starred: true}, {Archived: true}, {Starred: true}, {Archived: true, Starred: true}, {}}
	for i, tr := range triage {
		f := a
		if i >= 3 {
			f = b
		}
		key := fmt.Sprintf("s%d", i)
		upsert(t, s, f.ID, story(key, fmt.Sprintf("story %d", i), base.Add(time.Duration(i)*time.Hour)))
		id := idByKey(t, s, key)
		if err := s.SetTriage(ctx, id, tr); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return s, a, b, ids
}

func TestQueueViews(t *testing.T) {
	s, a, b, id := queueFixture(t)
	tests := []struct {
		name   string
		filter model.Filter
		want   []int64
	}{
		{"all", model.Filter{View: model.ViewAll}, []int64{id[5], id[3], id[1], id[0]}},
		{"unread", model.Filter{View: model.ViewUnread}, []int64{id[5], id[3]}},
		{"starred", model.Filter{View: model.ViewStarred}, []int64{id[4], id[3], id[1]}},
		{"archived", model.Filter{View: model.ViewArchived}, []int64{id[4], id[2]}},
		{"feed a", model.Filter{View: model.ViewFeed, FeedID: a.ID}, []int64{id[1], id[0]}},
		{"feed b", model.Filter{View: model.ViewFeed, FeedID: b.ID}, []int64{id[5], id[3]}},
		{"unknown feed", model.Filter{View: model.ViewFeed, FeedID: 999}, []int64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := queueIDs(t, s, tt.filter, 0, 100); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Queue = %v, want %v", got, tt.want)
			}
			if n, err := s.QueueLen(ctx, tt.filter); err != nil || n != len(tt.want) {
				t.Errorf("QueueLen = %d, %v; want %d", n, err, len(tt.want))
			}
		})
	}
	if c, _ := s.Counts(ctx); c != (model.Counts{All: 4, Unread: 2, Starred: 3, Archived: 2}) {
		t.Errorf("Counts = %+v", c)
	}
	checkCounters(t, s)
	if _, err := s.Queue(ctx, model.Filter{View: 42}, 0, 10); err == nil {
		t.Error("unknown view: no error")
	}
}

func TestQueuePaging(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		var batch []model.Story
		for i := range 25 {
			// Pairs share a publication time: the id breaks the tie.
			batch = append(batch, story(fmt.Sprintf("p%02d", i), "paged", base.Add(time.Duration(i/2)*time.Minute)))
		}
		upsert(t, s, f.ID, batch...)
		all := queueIDs(t, s, model.Filter{}, 0, 100)
		if len(all) != 25 {
			t.Fatalf("got %d stories, want 25", len(all))
		}
		hs, _ := s.Queue(ctx, model.Filter{}, 0, 100)
		for i := 1; i < len(hs); i++ {
			p, c := hs[i-1], hs[i]
			if p.Published.Before(c.Published) || (p.Published.Equal(c.Published) && p.ID < c.ID) {
				t.Fatalf("not newest first at %d: %v/%d then %v/%d", i, p.Published, p.ID, c.Published, c.ID)
			}
		}
		var paged []int64
		for off := 0; off < 30; off += 10 {
			paged = append(paged, queueIDs(t, s, model.Filter{}, off, 10)...)
		}
		if !slices.Equal(paged, all) {
			t.Errorf("pages = %v\nwant   %v", paged, all)
		}
		if got := queueIDs(t, s, model.Filter{}, 100, 10); len(got) != 0 {
			t.Errorf("page past the end = %v", got)
		}
		if got := queueIDs(t, s, model.Filter{}, -5, 3); !slices.Equal(got, all[:3]) {
			t.Errorf("negative offset = %v, want the first page", got)
		}
		if got := queueIDs(t, s, model.Filter{}, 0, 0); len(got) != 0 {
			t.Errorf("limit 0 = %v", got)
		}
	})
}

func TestSearch(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		texts := map[string][2]string{
			"aleppo":  {"Aleppo: 51,000 displaced", "Fighting around Alép has displaced 51,000 people since the offensive began."},
			"madaya":  {"Convoy reaches Madaya", "Aid trucks reached Madaya after three months of siege; \"we are starving\" said a resident."},
			"geneva":  {"Ceasefire talks in Geneva", "Diplomats said the ceasefire talks would resume. Killing continued in the north."},
			"quoted":  {`He said "enough" (again)`, "Nothing about NEAR or AND here: just * and - and ^ symbols."},
			"archive": {"Archived Aleppo story", "An old Aleppo report."},
		}
		var batch []model.Story
		i := 0
		for key, tb := range texts {
			st := story(key, tb[0], base.Add(time.Duration(i)*time.Hour))
			st.Body = tb[1]
			st.Quotes, st.Stats = nil, nil
			batch = append(batch, st)
			i++
		}
		upsert(t, s, f.ID, batch...)
		s.SetTriage(ctx, idByKey(t, s, "archive"), model.Triage{Archived: true})

		tests := []struct {
			query string
			view  model.View
			want  []string
		}{
			{"madaya", model.ViewAll, []string{"madaya"}},
			{"MADAYA convoy", model.ViewAll, []string{"madaya"}},
			{"alep", model.ViewAll, []string{"aleppo"}},   // diacritics folded: Alép
			{"aleppo", model.ViewAll, []string{"aleppo"}}, // title; the archived one is left out
			{"aleppo", model.ViewArchived, []string{"archive"}},
			{"killed", model.ViewAll, []string{"geneva"}}, // stemmed: Killing
			{`"ceasefire talks"`, model.ViewAll, []string{"geneva"}},
			{`"talks ceasefire"`, model.ViewAll, nil}, // a phrase keeps its order
			{"mada*", model.ViewAll, []string{"madaya"}},
			{"madaya geneva", model.ViewAll, nil},                   // every word must match
			{`"we are starving`, model.ViewAll, []string{"madaya"}}, // unclosed quote
			// FTS5 syntax in the query is searched as words, never an error.
			{`NEAR(aleppo`, model.ViewAll, nil}, // the phrase "near aleppo"
			{`aleppo)`, model.ViewAll, []string{"aleppo"}},
			{`AND`, model.ViewAll, []string{"quoted"}},
			{`enough"`, model.ViewAll, []string{"quoted"}},
			{`* - ^ ( ) : "`, model.ViewAll, nil},
			{`col:aleppo`, model.ViewAll, nil},
			{`title:aleppo`, model.ViewAll, nil},
			{"   ", model.ViewAll, []string{"quoted", "geneva", "madaya", "aleppo"}}, // blank: no search
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				filter := model.Filter{View: tt.view, Search: tt.query}
				hs, err := s.Queue(ctx, filter, 0, 100)
				if err != nil {
					t.Fatalf("Queue: %v", err)
				}
				var got []string
				for _, h := range hs {
					for key, tb := range texts {
						if tb[0] == h.Title {
							got = append(got, key)
						}
					}
				}
				if strings.TrimSpace(tt.query) == "" {
					slices.Sort(got)
					slices.Sort(tt.want)
				}
				if !slices.Equal(got, tt.want) {
					t.Errorf("found %v, want %v", got, tt.want)
				}
				if n, err := s.QueueLen(ctx, filter); err != nil || n != len(tt.want) {
					t.Errorf("QueueLen = %d, %v; want %d", n, err, len(tt.want))
				}
			})
		}
	})
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"aleppo", `"aleppo"`},
		{"  two   words ", `"two" "words"`},
		{`"a phrase" word`, `"a phrase" "word"`},
		{`pre*`, `"pre"*`},
		{`sa"id`, `"sa""id"`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{`- * ( )`, ``},
		{``, ``},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestQueryPlans guards the speed of the queue at 100,000 stories: every
// view must be read in order from an index, never sorted or scanned whole.
func TestQueryPlans(t *testing.T) {
	s, _ := openTemp(t)
	views := []struct {
		filter model.Filter
		index  string
	}{
		{model.Filter{View: model.ViewAll}, "stories_all"},
		{model.Filter{View: model.ViewUnread}, "stories_unread"},
		{model.Filter{View: model.ViewStarred}, "stories_starred"},
		{model.Filter{View: model.ViewArchived}, "stories_archived"},
		{model.Filter{View: model.ViewFeed, FeedID: 1}, "stories_by_feed"},
	}
	for _, v := range views {
		cond, args, err := where(v.filter)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT `+headerColumns+` FROM stories s WHERE `+cond+`
			ORDER BY s.published DESC, s.id DESC LIMIT 200 OFFSET 0`, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		p := strings.Join(plan, "; ")
		if !strings.Contains(p, v.index) || strings.Contains(p, "TEMP B-TREE") {
			t.Errorf("view %d: plan %q, want index %s and no sort", v.filter.View, p, v.index)
		}
	}
}

// FuzzSearch checks that no typed query reaches FTS5 as a syntax error.
// `go test` runs the seeds; `go test -fuzz FuzzSearch` explores.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{`aleppo`, `"`, `""`, `"a" OR "b"`, `NEAR(a b, 3)`, `a:b`, `^start`, `-x`,
		`*`, `a*b`, `(`, `)`, `{title body}: x`, `'`, "\x00", "000\x00", "\xff\xfe", `\`, `""""`, `"a""b"`, `+`, `AND OR NOT`} {
		f.Add(seed)
	}
	s, err := OpenMemory()
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	feed, _, _ := s.AddFeed(ctx, "https://a.example/feed")
	st := story("k", "Aleppo convoy", base)
	if _, err := s.UpsertStories(ctx, feed.ID, []model.Story{st}, []string{"h"}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Queue(ctx, model.Filter{Search: q}, 0, 10); err != nil {
			t.Errorf("Queue(search %q): %v (fts query %q)", q, err, ftsQuery(q))
		}
		if _, err := s.QueueLen(ctx, model.Filter{Search: q}); err != nil {
			t.Errorf("QueueLen(search %q): %v", q, err)
		}
	})
}

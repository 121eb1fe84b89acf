package store

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"sitrep/model"
)

// TestSearchWalkSamePages: a search's page is the same whether its
// matches are gathered first or each story is checked as the queue is
// walked (the way a word in most stories is read), at every offset, with
// OR, NOT, fields, a feed, a view and clusters of the same story.
func TestSearchWalkSamePages(t *testing.T) {
	s, _ := openTemp(t)
	a := addFeed(t, s, "https://a.example/feed")
	b := addFeed(t, s, "https://b.example/feed")
	words := []string{"famine Gaza", "famine Aleppo", "convoy Gaza", "shelling Idlib", "famine convoy Madaya"}
	for i := range 60 {
		st := story(fmt.Sprintf("s%02d", i), fmt.Sprintf("s%02d", i), base.Add(time.Duration(i%17)*time.Hour))
		st.Body, st.Quotes, st.Stats = fmt.Sprintf("Reports of %s on day %d.", words[i%len(words)], i), nil, nil
		feed := a.ID
		if i%3 == 0 {
			feed = b.ID
		}
		upsert(t, s, feed, st)
	}
	for _, id := range []int64{2, 5, 14} { // famine twice, shelling once
		on := true
		if err := s.ChangeTriage(ctx, id, model.TriageChange{Archived: &on}); err != nil {
			t.Fatal(err)
		}
	}
	defer func(c float64) { walkCost = c }(walkCost)
	filters := []model.Filter{
		{View: model.ViewAll, Search: "famine"},
		{View: model.ViewAll, Search: "famine OR shelling"},
		{View: model.ViewAll, Search: "Gaza -convoy"},
		{View: model.ViewArchived, Search: "famine"},
		{View: model.ViewUnread, Search: "famine is:archived"},
		{View: model.ViewFeed, FeedID: b.ID, Search: "famine"},
	}
	for _, f := range filters {
		for _, off := range []int{0, 1, 7, 30} {
			walkCost = 1e12 // never walk: the set of matches
			set, err := s.Queue(ctx, f, off, 9)
			if err != nil {
				t.Fatal(err)
			}
			walkCost = 0 // always walk
			walked, err := s.Queue(ctx, f, off, 9)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(set, walked, func(x, y model.StoryHeader) bool { return x.ID == y.ID }) {
				t.Errorf("%+v from %d: walked %v, set %v", f, off, headerTitles(walked), headerTitles(set))
			}
			if off == 0 && len(set) == 0 && f.View != model.ViewUnread {
				t.Errorf("%+v: nothing found", f)
			}
		}
	}
}

func headerTitles(hs []model.StoryHeader) []string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Title)
	}
	return out
}

// TestSearchCountsFollowChanges: a search's queue length is remembered
// between windows but never outlives a change, made by this store or by
// another process's (another store on the same database).
func TestSearchCountsFollowChanges(t *testing.T) {
	eachBackend(t, testSearchCountsFollowChanges)
}

func testSearchCountsFollowChanges(t *testing.T, open opener) {
	s := open(t)
	f := addFeed(t, s, "https://a.example/feed")
	mk := func(key, body string) model.Story {
		st := story(key, key, base)
		st.Body, st.Quotes, st.Stats = body, nil, nil
		return st
	}
	upsert(t, s, f.ID, mk("a", "famine in Gaza"), mk("b", "famine in Aleppo"), mk("c", "shelling in Idlib"))
	famine := model.Filter{View: model.ViewAll, Search: "famine"}
	count := func(st Store, want int, when string) {
		t.Helper()
		if n, err := st.QueueLen(ctx, famine); n != want || err != nil {
			t.Errorf("%s: %d stories found, %v; want %d", when, n, err, want)
		}
	}
	count(s, 2, "at first")
	count(s, 2, "again")
	hs, _ := s.Queue(ctx, famine, 0, 10)
	on := true
	if err := s.ChangeTriage(ctx, hs[0].ID, model.TriageChange{Archived: &on}); err != nil {
		t.Fatal(err)
	}
	count(s, 1, "after archiving one here")
	other := s.reopen(t)
	upsert(t, other, f.ID, mk("d", "famine in Madaya"), mk("e", "famine in Goma"))
	count(s, 3, "after another store saved two")
	if err := other.ChangeTags(ctx, hs[1].ID, []string{"checked"}, nil); err != nil {
		t.Fatal(err)
	}
	tagged := model.Filter{View: model.ViewAll, Search: "famine", Tag: "checked"}
	if n, err := s.QueueLen(ctx, tagged); n != 1 || err != nil {
		t.Errorf("tagged by another store: %d, %v; want 1", n, err)
	}
}

package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// acrossTestStore is a store with the views across stories, as the UI
// asks for them (ui/across.go); both backends have them.
type acrossTestStore interface {
	Store
	Speakers(ctx context.Context, f model.Filter, newest int) ([]model.Speaker, error)
	SpeakersCapped(ctx context.Context, f model.Filter, newest int) (bool, error)
	SpeakerQuotes(ctx context.Context, f model.Filter, names []string, offset, limit int) ([]model.SpeakerQuote, error)
	Figures(ctx context.Context, f model.Filter, cat extract.Category, order model.FigureOrder, offset, limit int) ([]model.FigureRow, error)
}

var _, _ acrossTestStore = (*SQLite)(nil), (*Postgres)(nil)

func acrossOf(t *testing.T, s *testStore) acrossTestStore {
	t.Helper()
	a, ok := s.Store.(acrossTestStore)
	if !ok {
		t.Fatalf("%s store has no views across stories", s.backend)
	}
	return a
}

// TestSpeakersAcrossStories: every speaker of a view's stories once, name
// variants merged (Kerry and Secretary-less John Kerry), with the number of
// quotes, role and first and last date; a one-word name two people share
// stays apart; the view and the search narrow the list.
func TestSpeakersAcrossStories(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := acrossOf(t, open(t))
		f := addFeed(t, s, "https://a.example/feed")
		mk := func(key string, day int, body string, quotes ...extract.Quote) model.Story {
			st := story(key, key, base.Add(time.Duration(day)*24*time.Hour))
			st.Body, st.Quotes, st.Stats = body, quotes, nil
			return st
		}
		q := func(speaker, role string) extract.Quote {
			return extract.Quote{Text: "words of " + speaker, Speaker: strp(speaker), Role: strp(role), Start: 0, End: 4}
		}
		upsert(t, s, f.ID,
			mk("a", 0, "Gaza", q("John Kerry", "US Secretary of State"), q("Ian Bremmer", "president of the Eurasia group")),
			mk("b", 1, "Gaza", q("Kerry", ""), q("Kerry", "")),
			mk("c", 2, "Aleppo", q("Sergey Lavrov", "foreign minister"), q("Lee", ""), q("Wen Lee", ""), q("Ann Lee", "")),
			mk("d", 3, "Aleppo", extract.Quote{Text: "unattributed", Start: 0, End: 4}),
		)
		sps, err := s.Speakers(ctx, model.Filter{View: model.ViewAll}, 0)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, sp := range sps {
			got = append(got, sp.Name)
		}
		want := []string{"John Kerry", "Ann Lee", "Ian Bremmer", "Lee", "Sergey Lavrov", "Wen Lee"}
		if !slices.Equal(got, want) {
			t.Fatalf("speakers %v, want %v", got, want)
		}
		kerry := sps[0]
		if kerry.Quotes != 3 || kerry.Role != "US Secretary of State" || !kerry.First.Equal(base) || !kerry.Last.Equal(base.Add(24*time.Hour)) {
			t.Errorf("John Kerry: %+v", kerry)
		}
		quotes, err := s.SpeakerQuotes(ctx, model.Filter{View: model.ViewAll}, kerry.Names, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(quotes) != 3 || quotes[0].Title != "b" || quotes[2].Title != "a" || quotes[2].Speaker != "John Kerry" ||
			quotes[0].Source == "" || quotes[2].Text != "words of John Kerry" {
			t.Errorf("Kerry's quotes: %+v", quotes)
		}
		if page, _ := s.SpeakerQuotes(ctx, model.Filter{View: model.ViewAll}, kerry.Names, 2, 10); len(page) != 1 || page[0].Title != "a" {
			t.Errorf("second page: %+v", page)
		}
		if capped, err := s.SpeakersCapped(ctx, model.Filter{View: model.ViewAll}, SpeakerStories); capped || err != nil {
			t.Errorf("4 stories capped %v, %v", capped, err)
		}
		// The newest two stories (c and d) only: Kerry and Bremmer are not
		// quoted there, and the view says it was capped.
		sps, _ = s.Speakers(ctx, model.Filter{View: model.ViewAll}, 2)
		got = got[:0]
		for _, sp := range sps {
			got = append(got, sp.Name)
		}
		if want := []string{"Ann Lee", "Lee", "Sergey Lavrov", "Wen Lee"}; !slices.Equal(got, want) {
			t.Errorf("speakers of the newest 2 stories %v, want %v", got, want)
		}
		if capped, err := s.SpeakersCapped(ctx, model.Filter{View: model.ViewAll}, 2); !capped || err != nil {
			t.Errorf("4 stories, newest 2: capped %v, %v", capped, err)
		}
		sps, _ = s.Speakers(ctx, model.Filter{View: model.ViewAll, Search: "Aleppo"}, 0)
		if len(sps) != 4 {
			t.Errorf("speakers of the Aleppo stories: %+v", sps)
		}
	})
}

// TestFiguresAcrossStories: figures by date or, within a category, by
// value, each with its story and the sentence it stands in.
func TestFiguresAcrossStories(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := acrossOf(t, open(t))
		f := addFeed(t, s, "https://a.example/feed")
		mk := func(key string, day int, body string, figs ...extract.Stat) model.Story {
			st := story(key, key, base.Add(time.Duration(day)*24*time.Hour))
			st.Body, st.Quotes, st.Stats = body, nil, nil
			for _, fg := range figs {
				i := strings.Index(body, fg.Text)
				fg.Start, fg.End = i, i+len(fg.Text)
				st.Stats = append(st.Stats, fg)
			}
			return st
		}
		long := strings.Repeat("Filler words go on. ", 40)
		upsert(t, s, f.ID,
			mk("old", 0, long+"Officials said 212 killed in the strike. More follows.",
				extract.Stat{Text: "212 killed", Value: 212, Category: extract.Killed}),
			mk("new", 2, "At least 190 people were killed, and 51,000 displaced. The end.",
				extract.Stat{Text: "190 people", Value: 190, Category: extract.Killed},
				extract.Stat{Text: "51,000", Value: 51000, Category: extract.Displaced}),
		)
		rows, err := s.Figures(ctx, model.Filter{View: model.ViewAll}, "", model.FiguresByDate, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows {
			got = append(got, r.Title+":"+r.Stat.Text)
		}
		if want := []string{"new:190 people", "new:51,000", "old:212 killed"}; !slices.Equal(got, want) {
			t.Errorf("by date %v, want %v", got, want)
		}
		if rows[2].Sentence != "Officials said 212 killed in the strike." {
			t.Errorf("sentence %q", rows[2].Sentence)
		}
		if rows[0].Sentence != "At least 190 people were killed, and 51,000 displaced." || rows[0].Source == "" {
			t.Errorf("row %+v", rows[0])
		}
		rows, _ = s.Figures(ctx, model.Filter{View: model.ViewAll}, extract.Killed, model.FiguresByValue, 0, 10)
		if len(rows) != 2 || rows[0].Stat.Value != 212 || rows[1].Stat.Value != 190 {
			t.Errorf("killed by value: %+v", rows)
		}
		// By date within a category: its few figures sorted, or (a common
		// category) the stories walked; both read the same page.
		for _, rare := range []int{4000, 1} {
			rareFigures = rare
			rows, _ = s.Figures(ctx, model.Filter{View: model.ViewAll}, extract.Killed, model.FiguresByDate, 0, 10)
			got = got[:0]
			for _, r := range rows {
				got = append(got, r.Title+":"+r.Stat.Text)
			}
			if want := []string{"new:190 people", "old:212 killed"}; !slices.Equal(got, want) {
				t.Errorf("killed by date (rare below %d): %v, want %v", rare, got, want)
			}
			rows, _ = s.Figures(ctx, model.Filter{View: model.ViewAll}, extract.Killed, model.FiguresByDate, 1, 10)
			if len(rows) != 1 || rows[0].Title != "old" || rows[0].Sentence != "Officials said 212 killed in the strike." {
				t.Errorf("killed by date from 1 (rare below %d): %+v", rare, rows)
			}
			if rows, _ = s.Figures(ctx, model.Filter{View: model.ViewAll}, extract.Detained, model.FiguresByDate, 0, 10); len(rows) != 0 {
				t.Errorf("detained: %+v", rows)
			}
		}
		rareFigures = 4000
		rows, _ = s.Figures(ctx, model.Filter{View: model.ViewAll, Search: "cat:displaced"}, "", model.FiguresByDate, 0, 10)
		if len(rows) != 2 {
			t.Errorf("figures of stories with a displaced figure: %d, want the 2 of that story", len(rows))
		}
	})
}

// TestSpeakerQuotesWalkSamePages: a person's quotes come in the same
// order whether they are sorted or found walking the stories newest first
// (SQLite's way for someone quoted in many stories), at every offset.
func TestSpeakerQuotesWalkSamePages(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.example/feed")
	people := []string{"Jan Egeland", "Amina Yusuf", "Egeland"}
	for i := range 40 {
		st := story(fmt.Sprintf("s%02d", i), fmt.Sprintf("s%02d", i), base.Add(time.Duration(i%13)*time.Hour))
		st.Body, st.Stats = fmt.Sprintf("Words of day %d in Gaza.", i), nil
		st.Quotes = nil
		for k := range 1 + i%3 {
			sp := people[(i+k)%len(people)]
			st.Quotes = append(st.Quotes, extract.Quote{Text: fmt.Sprintf("quote %d of %s", k, sp), Speaker: strp(sp), Start: 0, End: 5})
		}
		upsert(t, s, f.ID, st)
	}
	defer func(c float64) { quoteWalkCost = c }(quoteWalkCost)
	names := []string{"jan egeland", "egeland"}
	for _, filter := range []model.Filter{{View: model.ViewAll}, {View: model.ViewAll, Search: "Gaza"}, {View: model.ViewUnread}} {
		for _, off := range []int{0, 3, 11} {
			quoteWalkCost = 1e12 // never walk
			sorted, err := s.SpeakerQuotes(ctx, filter, names, off, 7)
			if err != nil {
				t.Fatal(err)
			}
			quoteWalkCost = 0 // always walk
			walked, err := s.SpeakerQuotes(ctx, filter, names, off, 7)
			if err != nil {
				t.Fatal(err)
			}
			same := len(sorted) == len(walked)
			for i := 0; same && i < len(sorted); i++ {
				same = sorted[i].StoryID == walked[i].StoryID && sorted[i].N == walked[i].N
			}
			if !same || off == 0 && len(sorted) == 0 {
				t.Errorf("%+v from %d: walked %+v, sorted %+v", filter, off, walked, sorted)
			}
		}
	}
}

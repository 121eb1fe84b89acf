package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

func TestUpsertStories(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		orig := story("k1", "Aleppo: 51,000 displaced", base)
		changed := orig
		changed.Body += "\n\nUpdated: the convoy arrived."
		changed.Title = "Aleppo: 51,000 displaced, convoy arrives"
		changed.Published = base.Add(time.Hour)
		changed.FirstSeen = base.Add(2 * time.Hour)

		tests := []struct {
			name       string
			first      []model.Story // saved before, then the story k1 is starred and read
			then       []model.Story
			want       model.SaveResult
			wantTitle  string
			wantPub    time.Time
			wantStored int
		}{
			{"new", nil, []model.Story{orig}, model.SaveResult{New: 1}, orig.Title, base, 1},
			{"unchanged", []model.Story{orig}, []model.Story{orig}, model.SaveResult{}, orig.Title, base, 1},
			{"changed keeps triage", []model.Story{orig}, []model.Story{changed}, model.SaveResult{Updated: 1}, changed.Title, changed.Published, 1},
			{"left the feed stays", []model.Story{orig}, []model.Story{story("k2", "other", base)}, model.SaveResult{New: 1}, orig.Title, base, 2},
			{"duplicate key in one batch: first wins", nil, []model.Story{orig, changed}, model.SaveResult{New: 1}, orig.Title, base, 1},
			{"undated change keeps its place", []model.Story{orig}, []model.Story{func() model.Story {
				u := changed
				u.Published = u.FirstSeen // the feed gave no date
				return u
			}()}, model.SaveResult{Updated: 1}, changed.Title, base, 1},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				s := open(t)
				f := addFeed(t, s, "https://a.example/feed")
				triage := model.Triage{}
				if tt.first != nil {
					upsert(t, s, f.ID, tt.first...)
					triage = model.Triage{Read: true, Starred: true}
					if err := s.SetTriage(ctx, idByKey(t, s, "k1"), triage); err != nil {
						t.Fatal(err)
					}
				}
				if got := upsert(t, s, f.ID, tt.then...); got != tt.want {
					t.Errorf("SaveResult = %+v, want %+v", got, tt.want)
				}
				st, err := s.Story(ctx, idByKey(t, s, "k1"))
				if err != nil {
					t.Fatal(err)
				}
				if st.Title != tt.wantTitle || !st.Published.Equal(tt.wantPub) || st.Triage != triage {
					t.Errorf("story = %q %v %+v; want %q %v %+v", st.Title, st.Published, st.Triage, tt.wantTitle, tt.wantPub, triage)
				}
				if !st.FirstSeen.Equal(orig.FirstSeen) {
					t.Errorf("FirstSeen = %v, want the first one %v", st.FirstSeen, orig.FirstSeen)
				}
				if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewFeed, FeedID: f.ID}); n != tt.wantStored {
					t.Errorf("stored %d stories, want %d", n, tt.wantStored)
				}
				hs, err := s.ContentHashes(ctx, f.ID, []string{"k1", "nope"})
				if err != nil {
					t.Fatal(err)
				}
				wantHash := hashOf(orig)
				if tt.want.Updated == 1 {
					wantHash = hashOf(changed)
				}
				if len(hs) != 1 || hs["k1"] != wantHash {
					t.Errorf("ContentHashes = %v, want k1: %s", hs, wantHash)
				}
				// The index follows the text: the update's words are searchable.
				n, _ := s.QueueLen(ctx, model.Filter{Search: "convoy arrived"})
				if want := tt.want.Updated; n != want {
					t.Errorf("search for the updated words found %d, want %d", n, want)
				}
				checkCounters(t, s)
			})
		}
	})
}

func TestUpsertErrors(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		st := story("k", "t", base)
		if _, err := s.UpsertStories(ctx, f.ID, []model.Story{st}, nil); err == nil {
			t.Error("mismatched hashes: no error")
		}
		if _, err := s.UpsertStories(ctx, f.ID+100, []model.Story{st}, []string{"h"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("unknown feed: err = %v, want ErrNotFound", err)
		}
		if r, err := s.UpsertStories(ctx, f.ID, nil, nil); err != nil || r != (model.SaveResult{}) {
			t.Errorf("empty batch = %+v, %v", r, err)
		}
	})
}

func TestUpsertFallbackKeyAndDates(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		noKey := story("", "no key", base)
		noKeyNoLink := story("", "no key, no link", base)
		noKeyNoLink.Link = ""
		noDates := story("d", "no dates", time.Time{})
		noDates.FirstSeen = time.Time{}
		before := time.Now().Add(-time.Second)
		if r := upsert(t, s, f.ID, noKey, noKeyNoLink, noDates); r.New != 3 {
			t.Fatalf("New = %d, want 3", r.New)
		}
		if r := upsert(t, s, f.ID, noKey, noKeyNoLink); r != (model.SaveResult{}) {
			t.Errorf("same keyless stories again = %+v, want nothing new", r)
		}
		st, err := s.Story(ctx, idByKey(t, s, "d"))
		if err != nil {
			t.Fatal(err)
		}
		if st.FirstSeen.Before(before) || !st.Published.Equal(st.FirstSeen) {
			t.Errorf("undated story: FirstSeen %v, Published %v; want now, equal", st.FirstSeen, st.Published)
		}
	})
}

func TestStoryRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		f.Title = "Business Insider"
		if err := s.SaveFeedState(ctx, f); err != nil {
			t.Fatal(err)
		}
		in := story("syria", "'Huge obstacles' stand in the way of Syria ceasefire", base.In(time.FixedZone("EET", 7200)))
		in.Stats = append(in.Stats, extract.Stat{Text: "51,000", Value: 51000, Category: extract.Displaced, Start: 1, End: 2})
		upsert(t, s, f.ID, in)
		id := idByKey(t, s, "syria")

		got, err := s.Story(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		want := in
		want.ID, want.FeedID, want.FeedTitle = id, f.ID, "Business Insider"
		want.Published, want.FirstSeen = in.Published.UTC(), in.FirstSeen.UTC()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Story =\n%+v\nwant\n%+v", got, want)
		}

		hs, err := s.Queue(ctx, model.Filter{}, 0, 10)
		if err != nil || len(hs) != 1 {
			t.Fatalf("Queue = %v, %v", hs, err)
		}
		wantH := model.StoryHeader{
			ID: id, FeedID: f.ID, FeedTitle: "Business Insider", Title: in.Title, Link: in.Link,
			Published: want.Published, QuoteCount: 1,
			Headline: &model.HeadlineFigure{Category: extract.Killed, Value: 250000, Text: "over 250,000 lives"},
		}
		if !reflect.DeepEqual(hs[0], wantH) {
			t.Errorf("header =\n%+v\nwant\n%+v", hs[0], wantH)
		}

		if _, err := s.Story(ctx, id+1); !errors.Is(err, ErrNotFound) {
			t.Errorf("Story(missing): err = %v, want ErrNotFound", err)
		}
		if err := s.SetTriage(ctx, id+1, model.Triage{Read: true}); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetTriage(missing): err = %v, want ErrNotFound", err)
		}
	})
}

func TestStoryWithoutHighlights(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		st := story("plain", "plain", base)
		st.Quotes, st.Stats = nil, nil
		upsert(t, s, f.ID, st)
		hs, _ := s.Queue(ctx, model.Filter{}, 0, 1)
		if len(hs) != 1 || hs[0].Headline != nil || hs[0].QuoteCount != 0 {
			t.Errorf("header = %+v, want no headline, no quotes", hs)
		}
		got, err := s.Story(ctx, hs[0].ID)
		if err != nil || len(got.Quotes) != 0 || len(got.Stats) != 0 {
			t.Errorf("Story = %+v, %v", got, err)
		}
	})
}

// TestContentHashesWhateverTheTriage: the poller asks for a feed's hashes to
// skip unchanged stories; a story read and archived is still stored, and a
// feed with no stories (its first poll) has none.
func TestContentHashesWhateverTheTriage(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		empty := addFeed(t, s, "https://b.example/feed")
		st := story("k1", "Aleppo convoy", base)
		upsert(t, s, f.ID, st)
		if err := s.SetTriage(ctx, idByKey(t, s, "k1"), model.Triage{Read: true, Archived: true}); err != nil {
			t.Fatal(err)
		}
		hs, err := s.ContentHashes(ctx, f.ID, []string{"k1"})
		if err != nil || hs["k1"] != hashOf(st) {
			t.Errorf("archived story: ContentHashes = %v, %v; want k1: %s", hs, err, hashOf(st))
		}
		if hs, err := s.ContentHashes(ctx, empty.ID, []string{"k1"}); err != nil || len(hs) != 0 {
			t.Errorf("feed with no stories: ContentHashes = %v, %v; want none", hs, err)
		}
	})
}

// TestUpsertManyStoriesAtOnce: a feed of 85 new stories (SQLite writes
// their rows 64, 16, 4 and 1 at a time) keeps every one's text, and each
// is found by a search.
func TestUpsertManyStoriesAtOnce(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		var sts []model.Story
		for i := range 85 {
			st := story(fmt.Sprintf("k%d", i), fmt.Sprintf("Story %d", i), base.Add(time.Duration(i)*time.Minute))
			st.Body = fmt.Sprintf("Convoy number%d reached the crossing.", i)
			sts = append(sts, st)
		}
		if got := upsert(t, s, f.ID, sts...); got.New != 85 {
			t.Fatalf("SaveResult = %+v, want 85 new", got)
		}
		for _, i := range []int{0, 63, 64, 79, 80, 83, 84} {
			st, err := s.Story(ctx, idByKey(t, s, fmt.Sprintf("k%d", i)))
			if err != nil || st.Body != sts[i].Body {
				t.Errorf("story %d: body %q, %v; want %q", i, st.Body, err, sts[i].Body)
			}
			if n, err := s.QueueLen(ctx, model.Filter{Search: fmt.Sprintf("number%d", i)}); err != nil || n != 1 {
				t.Errorf("search for story %d's word: %d, %v; want 1", i, n, err)
			}
		}
		checkCounters(t, s)
	})
}

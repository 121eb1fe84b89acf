package store

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"sitrep/model"
)

func TestAddFeed(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		first := addFeed(t, s, "https://a.example/feed")
		tests := []struct {
			name        string
			url         string
			wantCreated bool
			wantID      int64 // 0: any new id
			wantErr     bool
		}{
			{"duplicate", "https://a.example/feed", false, first.ID, false},
			{"duplicate with spaces", "  https://a.example/feed\n", false, first.ID, false},
			{"another", "https://b.example/rss", true, 0, false},
			{"empty", "   ", false, 0, true},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				f, created, err := s.AddFeed(ctx, tt.url)
				if (err != nil) != tt.wantErr {
					t.Fatalf("err = %v, want error %v", err, tt.wantErr)
				}
				if err != nil {
					return
				}
				if created != tt.wantCreated {
					t.Errorf("created = %v, want %v", created, tt.wantCreated)
				}
				if tt.wantID != 0 && f.ID != tt.wantID {
					t.Errorf("id = %d, want %d", f.ID, tt.wantID)
				}
				if f.Tags == nil || len(f.Tags) != 0 {
					t.Errorf("new feed tags = %#v, want empty non-nil", f.Tags)
				}
			})
		}
		feeds, err := s.Feeds(ctx)
		if err != nil || len(feeds) != 2 {
			t.Fatalf("Feeds = %d feeds, %v; want 2", len(feeds), err)
		}
	})
}

func TestRemoveFeed(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		a := addFeed(t, s, "https://a.example/feed")
		b := addFeed(t, s, "https://b.example/feed")
		upsert(t, s, a.ID, story("a1", "Aleppo siege", base), story("a2", "Aleppo convoy", base.Add(time.Hour)))
		s.indexed(t) // a's stories have their rows, b's wait for them
		upsert(t, s, b.ID, story("b1", "Madaya convoy", base))
		gone := idByKey(t, s, "a1")
		if err := s.SetTriage(ctx, gone, model.Triage{Starred: true}); err != nil {
			t.Fatal(err)
		}

		if err := s.RemoveFeed(ctx, " https://a.example/feed "); err != nil {
			t.Fatalf("RemoveFeed: %v", err)
		}
		if _, err := s.Story(ctx, gone); !errors.Is(err, ErrNotFound) {
			t.Errorf("Story of removed feed: err = %v, want ErrNotFound", err)
		}
		if _, err := s.Feed(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Feed(removed): err = %v, want ErrNotFound", err)
		}
		if got := queueIDs(t, s, model.Filter{Search: "convoy"}, 0, 10); len(got) != 1 {
			t.Errorf("search after remove = %v, want only b1", got)
		}
		var texts, fts int
		s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM story_texts`).Scan(&texts)
		s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM story_fts WHERE story_fts MATCH 'aleppo'`).Scan(&fts)
		if texts != 1 || fts != 0 {
			t.Errorf("left behind: %d texts (want 1), %d index rows for aleppo (want 0)", texts, fts)
		}
		if c, _ := s.Counts(ctx); c != (model.Counts{All: 1, Unread: 1}) {
			t.Errorf("Counts = %+v", c)
		}
		checkCounters(t, s)
		if err := s.RemoveFeed(ctx, "https://a.example/feed"); !errors.Is(err, ErrNotFound) {
			t.Errorf("second RemoveFeed: err = %v, want ErrNotFound", err)
		}
	})
}

func TestFeedStateRoundTrip(t *testing.T) {
	s, path := openTemp(t)
	f := addFeed(t, s, "http://old.example/feed")
	kabul := time.FixedZone("AFT", 4*3600+1800)
	want := model.Feed{
		ID:           f.ID,
		URL:          "https://new.example/feed",
		Title:        "Relief Wire",
		SiteURL:      "https://new.example/",
		Tags:         []string{"Syria", "UN/agencies"},
		FullText:     true,
		ETag:         `W/"abc"`,
		LastModified: "Thu, 12 Feb 2016 21:04:00 GMT",
		LastPoll:     time.Date(2026, 3, 1, 10, 30, 15, 123456000, kabul),
		NextPoll:     time.Date(2026, 3, 1, 10, 45, 15, 0, kabul),
		LastError:    "HTTP 503",
		ErrorCount:   3,
		UpdateHint:   90 * time.Minute,
	}
	if err := s.SaveFeedState(ctx, want); err != nil {
		t.Fatalf("SaveFeedState: %v", err)
	}
	check := func(t *testing.T, s *SQLite, want model.Feed) {
		t.Helper()
		got, err := s.Feed(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.LastPoll.Location() != time.UTC || got.NextPoll.Location() != time.UTC {
			t.Errorf("times not in UTC: %v, %v", got.LastPoll, got.NextPoll)
		}
		if !got.LastPoll.Equal(want.LastPoll) || !got.NextPoll.Equal(want.NextPoll) {
			t.Errorf("poll times = %v, %v; want %v, %v", got.LastPoll, got.NextPoll, want.LastPoll, want.NextPoll)
		}
		got.LastPoll, got.NextPoll = want.LastPoll, want.NextPoll
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Feed =\n%+v\nwant\n%+v", got, want)
		}
	}
	t.Run("saved", func(t *testing.T) { check(t, s, want) })

	t.Run("reopened", func(t *testing.T) {
		s.Close()
		s2, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer s2.Close()
		check(t, s2, want)
	})
	s, _ = Open(path)
	defer s.Close()

	t.Run("MarkPolled clears the error only", func(t *testing.T) {
		last, next := base, base.Add(15*time.Minute)
		if err := s.MarkPolled(ctx, f.ID, last, next); err != nil {
			t.Fatal(err)
		}
		w := want
		w.LastPoll, w.NextPoll, w.LastError, w.ErrorCount = last, next, "", 0
		check(t, s, w)
	})

	t.Run("zero times and nil tags", func(t *testing.T) {
		z := model.Feed{ID: f.ID, URL: want.URL}
		if err := s.SaveFeedState(ctx, z); err != nil {
			t.Fatal(err)
		}
		z.Tags = []string{}
		check(t, s, z)
	})

	t.Run("unknown feed", func(t *testing.T) {
		if err := s.SaveFeedState(ctx, model.Feed{ID: 999, URL: "x"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("SaveFeedState: err = %v, want ErrNotFound", err)
		}
		if err := s.MarkPolled(ctx, 999, base, base); !errors.Is(err, ErrNotFound) {
			t.Errorf("MarkPolled: err = %v, want ErrNotFound", err)
		}
	})

	t.Run("redirect onto another subscription", func(t *testing.T) {
		other := addFeed(t, s, "https://other.example/feed")
		st := want
		st.URL = other.URL
		st.Title = "Still saved"
		if err := s.SaveFeedState(ctx, st); !errors.Is(err, ErrURLTaken) {
			t.Fatalf("err = %v, want ErrURLTaken", err)
		}
		st.URL = want.URL
		check(t, s, st)
	})
}

func TestFeedsOrderAndCounts(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		z := addFeed(t, s, "https://z.example/feed") // untitled: sorts by URL
		b := addFeed(t, s, "https://b.example/feed")
		a := addFeed(t, s, "https://a.example/feed")
		for _, f := range []model.Feed{{ID: b.ID, URL: b.URL, Title: "beta"}, {ID: a.ID, URL: a.URL, Title: "Alpha"}} {
			if err := s.SaveFeedState(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
		upsert(t, s, a.ID, story("1", "one", base), story("2", "two", base.Add(time.Hour)), story("3", "three", base.Add(2*time.Hour)))
		s.SetTriage(ctx, idByKey(t, s, "1"), model.Triage{Read: true})
		s.SetTriage(ctx, idByKey(t, s, "2"), model.Triage{Archived: true})
		feeds, err := s.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var order []int64
		for _, f := range feeds {
			order = append(order, f.ID)
		}
		if want := []int64{a.ID, b.ID, z.ID}; !reflect.DeepEqual(order, want) {
			t.Errorf("order = %v, want %v", order, want)
		}
		if feeds[0].Unread != 1 || feeds[0].Total != 3 {
			t.Errorf("Alpha Unread, Total = %d, %d; want 1, 3", feeds[0].Unread, feeds[0].Total)
		}
		checkCounters(t, s)
	})
}

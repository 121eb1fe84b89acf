package store

import (
	"fmt"
	"testing"
	"time"

	"sitrep/model"
)

// TestBulkReadAndUndo: marking a feed read marks exactly its unread
// stories, the counters follow, and putting them back restores every story
// as it was (the ones read before stay read).
func TestBulkReadAndUndo(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		a := addFeed(t, s, "https://a.example/feed")
		b := addFeed(t, s, "https://b.example/feed")
		var as, bs []model.Story
		for i := 0; i < 12; i++ {
			as = append(as, story(fmt.Sprint("a", i), "A", base.Add(time.Duration(i)*time.Minute)))
			bs = append(bs, story(fmt.Sprint("b", i), "B", base.Add(time.Duration(i)*time.Minute)))
		}
		upsert(t, s, a.ID, as...)
		upsert(t, s, b.ID, bs...)
		hs, _ := s.Queue(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID}, 0, 100)
		s.SetTriage(ctx, hs[0].ID, model.Triage{Read: true})
		s.SetTriage(ctx, hs[1].ID, model.Triage{Starred: true})
		s.SetTriage(ctx, hs[2].ID, model.Triage{Archived: true})

		if n, _ := s.CountUnread(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID}); n != 10 {
			t.Fatalf("CountUnread = %d, want 10", n)
		}
		ids, err := s.MarkRead(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID})
		if err != nil || len(ids) != 10 { // 12, less the read one and the archived one
			t.Fatalf("MarkRead: %d ids, %v; want 10", len(ids), err)
		}
		checkCounters(t, s)
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewUnread, FeedID: a.ID}); n != 0 {
			t.Fatalf("feed a still has %d unread", n)
		}
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewUnread, FeedID: b.ID}); n != 12 {
			t.Fatalf("feed b has %d unread, want its 12 untouched", n)
		}
		if err := s.UnmarkRead(ctx, ids); err != nil {
			t.Fatal(err)
		}
		checkCounters(t, s)
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewUnread, FeedID: a.ID}); n != 10 {
			t.Fatalf("after undo feed a has %d unread, want 10", n)
		}
		if st, _ := s.Story(ctx, hs[0].ID); !st.Read {
			t.Fatal("undo unread a story that was read before")
		}

		// Archive what was read: starred stories stay.
		s.MarkRead(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID})
		if n, _ := s.CountArchivable(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID}); n != 10 {
			t.Fatalf("CountArchivable = %d, want 10", n)
		}
		ids, err = s.ArchiveRead(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID})
		if err != nil || len(ids) != 10 { // 11 read and unarchived, less the starred one
			t.Fatalf("ArchiveRead: %d ids, %v; want 10", len(ids), err)
		}
		checkCounters(t, s)
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewAll, FeedID: a.ID}); n != 1 {
			t.Fatalf("feed a shows %d stories after archiving the read ones, want the starred one", n)
		}
		if err := s.Unarchive(ctx, ids); err != nil {
			t.Fatal(err)
		}
		checkCounters(t, s)

		// Views combine: the starred of feed a, searched.
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewStarred, FeedID: a.ID, Search: "war"}); n != 1 {
			t.Fatalf("starred+feed+search: %d, want 1", n)
		}
	})
}

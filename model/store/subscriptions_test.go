package store

import (
	"fmt"
	"testing"
	"time"

	"sitrep/model"
)

// TestUnsubscribeKeepsWhatTheReaderMarked: removing a feed says what it
// would take, keeps the starred, tagged and noted stories when asked, and
// neither lists nor polls the feed after.
func TestUnsubscribeKeepsWhatTheReaderMarked(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		var batch []model.Story
		for i := 0; i < 6; i++ {
			batch = append(batch, story(fmt.Sprint("k", i), fmt.Sprint("S", i), base.Add(time.Duration(i)*time.Minute)))
		}
		upsert(t, s, f.ID, batch...)
		hs, _ := s.Queue(ctx, model.Filter{View: model.ViewAll, FeedID: f.ID}, 0, 10)
		s.SetTriage(ctx, hs[0].ID, model.Triage{Starred: true})
		s.SetTags(ctx, hs[1].ID, []string{"keep"})
		s.SetNote(ctx, hs[2].ID, "mine")
		s.SetTags(ctx, hs[2].ID, []string{"keep"})

		if st, tg, nt, kept, err := s.KeptCounts(ctx, f.ID); err != nil || st != 1 || tg != 2 || nt != 1 || kept != 3 {
			t.Fatalf("KeptCounts = %d starred, %d tagged, %d noted, %d kept, %v", st, tg, nt, kept, err)
		}
		if err := s.RenameFeed(ctx, f.ID, "My desk"); err != nil {
			t.Fatal(err)
		}
		if err := s.Unsubscribe(ctx, f.ID, true); err != nil {
			t.Fatal(err)
		}
		fs, _ := s.Feeds(ctx)
		if len(fs) != 0 {
			t.Fatalf("removed feed still listed: %+v", fs)
		}
		left, _ := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
		if len(left) != 3 || left[0].FeedTitle != "My desk" {
			t.Fatalf("kept %d stories (%+v), want 3 under the feed's name", len(left), left)
		}
		checkCounters(t, s)
		if c, _ := s.Counts(ctx); c.Starred != 1 || c.All != 3 {
			t.Fatalf("counts after removal: %+v", c)
		}
		// Subscribing again lists it again.
		if _, _, err := s.AddFeed(ctx, "https://a.example/feed"); err != nil {
			t.Fatal(err)
		}
		if fs, _ := s.Feeds(ctx); len(fs) != 1 {
			t.Fatal("subscribing again did not list the feed")
		}
		// Removing without keeping takes all.
		if err := s.Unsubscribe(ctx, f.ID, false); err != nil {
			t.Fatal(err)
		}
		if c, _ := s.Counts(ctx); c.All != 0 || c.Archived != 0 {
			t.Fatalf("counts after a full removal: %+v", c)
		}
	})
}

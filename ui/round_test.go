package ui

import (
	"context"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

// TestRoundFeedsListsTheRound: with Options.RoundFeeds (the poller's list,
// shared with sitrep fetch) a round polls what it lists: the due feeds on
// start-up and on the tick, every feed, through PollNow, on R.
func TestRoundFeedsListsTheRound(t *testing.T) {
	s := fixtureStore(t)
	all, err := s.Feeds(context.Background())
	if err != nil || len(all) < 2 {
		t.Fatalf("fixture feeds: %d %v", len(all), err)
	}
	var asked []bool
	var polled, forced []int64
	m := New(Options{
		Store: s,
		Poll: func(_ context.Context, f model.Feed) PollResult {
			polled = append(polled, f.ID)
			return PollResult{Title: f.Title}
		},
		PollNow: func(_ context.Context, f model.Feed) PollResult {
			forced = append(forced, f.ID)
			return PollResult{Title: f.Title}
		},
		RoundFeeds: func(_ context.Context, force bool) ([]model.Feed, error) {
			asked = append(asked, force)
			if force {
				return all, nil
			}
			return all[:1], nil // one feed due
		},
		Interval: time.Hour, Now: func() time.Time { return fixedNow }, Location: time.UTC,
	})
	m.tick = func(time.Duration, int) tea.Cmd { return nil }
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	if len(asked) != 1 || asked[0] || len(polled) != 1 || polled[0] != all[0].ID || m.status.total != 1 {
		t.Fatalf("start-up round: asked %v, polled %v, total %d", asked, polled, m.status.total)
	}
	press(t, m, "R")
	if len(asked) != 2 || !asked[1] || len(forced) != len(all) || len(polled) != 1 {
		t.Fatalf("R: asked %v, forced %v, polled %v", asked, forced, polled)
	}
}

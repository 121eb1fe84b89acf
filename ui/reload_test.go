package ui

import (
	"context"
	"strings"
	"testing"

	"sitrep/model"
)

// TestCountsReloadAskedInFlightIsNotLost: a reload of the counts and of the
// feed list asked while one is out must still happen once that one
// answers, and the loader must take requests after that: the header and
// the sources pane show the store's latest numbers, not the first answer's.
func TestCountsReloadAskedInFlightIsNotLost(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	ctx := context.Background()
	hs, err := s.Queue(ctx, model.Filter{View: model.ViewUnread}, 0, 10)
	if err != nil || len(hs) == 0 {
		t.Fatal(err, len(hs))
	}
	for round := 0; round < 3; round++ {
		first, firstFeeds := m.loadCounts(), m.loadFeeds() // in flight, not answered yet
		if first == nil || firstFeeds == nil {
			t.Fatalf("round %d: the loader is stuck busy: no read started", round)
		}
		// The store changes while the read is out, and the reader asks again.
		if err := s.SetTriage(ctx, hs[round].ID, model.Triage{Read: true}); err != nil {
			t.Fatal(err)
		}
		if m.loadCounts() != nil || m.loadFeeds() != nil {
			t.Fatal("a second read started while one was in flight")
		}
		drain(t, m, first)
		drain(t, m, firstFeeds)
		want, _ := s.Counts(ctx)
		if m.status.counts != want || m.sources.counts != want {
			t.Fatalf("round %d: counts %+v, store has %+v", round, m.status.counts, want)
		}
	}
	if !strings.Contains(screen(m), "Unread 0") {
		t.Fatalf("header does not show the last counts:\n%s", screen(m))
	}
}

// TestWritesLandInKeyOrder: enter (read) then s (star) are two writes that
// Bubble Tea may run in either order; the star must not be lost to the
// read written from the state before it.
func TestWritesLandInKeyOrder(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	id := m.queue.selected().ID
	read := m.saveTriage(id, model.Triage{}, model.Triage{Read: true})
	star := m.saveTriage(id, model.Triage{Read: true}, model.Triage{Read: true, Starred: true})
	done := make(chan struct{})
	go func() { star(); close(done) }() // the later write starts first
	read()
	<-done
	st, err := s.Story(context.Background(), id)
	if err != nil || !st.Starred || !st.Read {
		t.Fatalf("after read then star: %+v, %v", st.Triage, err)
	}
}

package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestReloadKeepsTheStorySeenNow: a reload asked while the cursor was on
// one story and answered after the reader moved on keeps the cursor on the
// story the reader moved to, not the one of the request (issue 10: the
// star meant for one story landed on its neighbour).
func TestReloadKeepsTheStorySeenNow(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	ctx := context.Background()
	press(t, m, "j")
	reload := m.reloadQueue() // asked on story 2
	_, cmd := m.Update(keyMsg("j"))
	_ = cmd // the preview's load is not needed here
	want := selectedTitle(m)
	// A story arrives above before the answer is read.
	fs, _ := s.Feeds(ctx)
	st := model.Story{FeedID: fs[0].ID, Key: "new", Title: "Newest", Body: "b", Published: fixedNow, FirstSeen: fixedNow}
	if _, err := s.UpsertStories(ctx, fs[0].ID, []model.Story{st}, []string{"new"}); err != nil {
		t.Fatal(err)
	}
	drain(t, m, reload)
	if got := selectedTitle(m); got != want {
		t.Fatalf("after the reload: selected %q, want %q (the story on screen when it landed)", got, want)
	}
	h := *m.queue.selected()
	press(t, m, "s")
	stored, err := s.Story(ctx, h.ID)
	if err != nil || stored.Starred == h.Starred || stored.Title != want {
		t.Fatalf("s toggled the star of %q (%+v), want %q", stored.Title, stored.Triage, want)
	}
}

// TestNewStoriesWaitAbove: in a queue longer than the pane, stories that
// arrive above keep the rows on screen where they were and wait behind
// "N new ↑" until the reader goes up to them.
func TestNewStoriesWaitAbove(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 12)
	ctx := context.Background()
	press(t, m, "j")
	want, row := selectedTitle(m), m.queue.cursor-m.queue.top
	fs, _ := s.Feeds(ctx)
	for i, k := range []string{"n1", "n2"} {
		at := fixedNow.Add(time.Duration(i) * time.Second)
		st := model.Story{FeedID: fs[0].ID, Key: k, Title: "New " + k, Body: "b", Published: at, FirstSeen: at}
		if _, err := s.UpsertStories(ctx, fs[0].ID, []model.Story{st}, []string{k}); err != nil {
			t.Fatal(err)
		}
	}
	send(t, m, feedPolledMsg{FeedID: fs[0].ID, New: 2})
	if got := selectedTitle(m); got != want || m.queue.cursor-m.queue.top != row {
		t.Fatalf("selected %q in row %d, want %q in row %d", got, m.queue.cursor-m.queue.top, want, row)
	}
	if !strings.Contains(screen(m), "2 new ↑") {
		t.Fatalf("no \"2 new ↑\":\n%s", screen(m))
	}
	press(t, m, "g")
	if strings.Contains(screen(m), "new ↑") {
		t.Fatalf("at the top, still \"new ↑\":\n%s", screen(m))
	}
}

// TestReloadKeepsUnsavedTriage: a window read from the store while a star
// is still being written shows the star, and the next key on that story
// (read) does not undo it.
func TestReloadKeepsUnsavedTriage(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	ctx := context.Background()
	id := m.queue.selected().ID
	_, star := m.Update(keyMsg("s")) // on screen; the write not run yet
	drain(t, m, m.reloadQueue())     // a poll's reload lands first
	if !m.queue.selected().Starred {
		t.Fatal("the reload took the star off the screen")
	}
	_, read := m.Update(keyMsg("r"))
	drain(t, m, star)
	drain(t, m, read)
	st, _ := s.Story(ctx, id)
	if !st.Starred || !st.Read {
		t.Fatalf("stored %+v, want starred and read", st.Triage)
	}
	if len(m.unsaved) != 0 {
		t.Fatalf("unsaved after the writes landed: %v", m.unsaved)
	}
}

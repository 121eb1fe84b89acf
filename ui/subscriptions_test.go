package ui

import (
	"strings"
	"testing"

	"sitrep/model"
)

// TestSubscriptionsRemoveKeepsStarred: F lists the feeds with URL, state
// and counts; x on a feed says how many marked stories it holds and keeps
// them; the starred story survives in Starred under the feed's name.
func TestSubscriptionsRemoveKeepsStarred(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "F")
	s := screen(m)
	for _, want := range []string{"Subscriptions", "https://relief.example/feed.json", "⚠ HTTP 503", "1 story · 0 unread"} {
		if !strings.Contains(s, want) {
			t.Fatalf("subscriptions pane lacks %q:\n%s", want, s)
		}
	}
	press(t, m, "j", "j", "j") // Relief Wire
	if f := m.subsFeed(); f == nil || f.Title != "Relief Wire" {
		t.Fatalf("cursor on %+v", f)
	}
	press(t, m, "x")
	if row := bottomRow(m); !strings.Contains(row, "Remove “Relief Wire”, keeping the 1 story you marked (1 starred)? y or enter yes") {
		t.Fatalf("x asks %q", row)
	}
	press(t, m, "enter")
	if !strings.Contains(m.status.note, "removed “Relief Wire”, kept its 1 story") {
		t.Fatalf("status: %q", m.status.note)
	}
	for _, f := range m.sources.feeds {
		if f.Title == "Relief Wire" {
			t.Fatal("removed feed still listed")
		}
	}
	press(t, m, "esc", "1", "g", "j", "j") // Starred
	if m.queue.filter.View != model.ViewStarred || m.queue.total != 1 || !strings.HasPrefix(selectedTitle(m), "Convoy") {
		t.Fatalf("starred after removal: %d %q", m.queue.total, queueTitles(m))
	}
	if m.queue.selected().FeedTitle != "Relief Wire" {
		t.Fatalf("kept story shows feed %q", m.queue.selected().FeedTitle)
	}
}

// TestSubscriptionsRenameAndFullText: r renames a feed (the sources pane
// shows the new name), t turns full text on.
func TestSubscriptionsRenameAndFullText(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "F", "j", "j") // Conflict Desk
	press(t, m, "r")
	for range "Conflict Desk" {
		press(t, m, "backspace")
	}
	typeText(t, m, "Desk")
	press(t, m, "enter")
	found := false
	for _, f := range m.sources.feeds {
		found = found || f.Title == "Desk"
	}
	if !found || !strings.Contains(screen(m), "Desk") {
		t.Fatalf("rename not shown: %+v", m.sources.feeds)
	}
	press(t, m, "t")
	if f := m.subsFeed(); f == nil || !f.FullText || !strings.Contains(screen(m), "full text on") {
		t.Fatalf("t did not turn full text on: %+v", f)
	}
}

package ui

import (
	"strings"
	"testing"

	"sitrep/model"
)

// chooseSource focuses the sources pane and moves to the row labelled name.
func chooseSource(t *testing.T, m *Model, name string) {
	t.Helper()
	press(t, m, "1", "g")
	for i := 0; i < 20; i++ {
		if f := m.sources.selectedFeed(); f != nil && f.Title == name {
			return
		}
		if m.sources.selectedTag() == strings.TrimPrefix(name, "#") {
			return
		}
		press(t, m, "j")
	}
	t.Fatalf("no source %q", name)
}

// TestMarkFeedReadAndUndo: A in a feed counts its unread stories and asks;
// y marks them read; one u puts them back; any other key cancels.
func TestMarkFeedReadAndUndo(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	chooseSource(t, m, "Conflict Desk")
	press(t, m, "2") // the queue
	unread := m.status.counts.Unread

	press(t, m, "A")
	if row := bottomRow(m); !strings.Contains(row, "Mark 2 stories read in “Conflict Desk”? y or enter yes") {
		t.Fatalf("A does not ask with the count: %q", row)
	}
	press(t, m, "n") // any other key: no
	if m.status.counts.Unread != unread || !strings.Contains(m.status.note, "cancelled") {
		t.Fatalf("declining changed something: unread %d, note %q", m.status.counts.Unread, m.status.note)
	}

	press(t, m, "A", "y")
	if got := m.status.counts.Unread; got != unread-2 {
		t.Fatalf("after A y: %d unread, want %d", got, unread-2)
	}
	for _, h := range m.queue.headers {
		if !h.Read {
			t.Fatalf("%q still unread in the queue", h.Title)
		}
	}
	if !strings.Contains(m.status.note, "2 stories marked read") {
		t.Fatalf("status after A: %q", m.status.note)
	}

	press(t, m, "u")
	if got := m.status.counts.Unread; got != unread {
		t.Fatalf("after u: %d unread, want %d", got, unread)
	}
	if !strings.Contains(m.status.note, "undid mark read of 2 stories") {
		t.Fatalf("status after u: %q", m.status.note)
	}
	// The story read before A stays read.
	for _, h := range m.queue.headers {
		if strings.HasPrefix(h.Title, "Talks in Munich") && !h.Read {
			t.Fatal("undo unread a story that was read before A")
		}
	}
}

// TestArchiveAllRead: X archives the read stories of the view, starred
// ones stay.
func TestArchiveAllRead(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "X")
	if row := bottomRow(m); !strings.Contains(row, "Archive 1 story read in all stories (starred stay)?") {
		t.Fatalf("X asks %q", row)
	}
	press(t, m, "enter")
	if m.status.counts.Archived != 1 || m.queue.total != 4 {
		t.Fatalf("after X: %d archived, %d in the queue", m.status.counts.Archived, m.queue.total)
	}
}

// TestStateFilterWithinASource: v cycles all → unread → starred →
// archived within the feed or tag chosen in the sources pane.
func TestStateFilterWithinASource(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	chooseSource(t, m, "Conflict Desk")
	if m.queue.total != 3 {
		t.Fatalf("Conflict Desk: %d stories, want 3", m.queue.total)
	}
	press(t, m, "v")
	if m.queue.filter.View != model.ViewUnread || m.queue.total != 2 || !strings.Contains(screen(m), "Queue · unread") {
		t.Fatalf("v: %+v, %d stories\n%s", m.queue.filter, m.queue.total, screen(m))
	}
	chooseSource(t, m, "#un") // the state stays in force on another source
	if m.queue.filter.Tag != "un" || m.queue.filter.View != model.ViewUnread || m.queue.total != 2 {
		t.Fatalf("#un unread: %+v, %d", m.queue.filter, m.queue.total)
	}
	press(t, m, "v")
	if m.queue.filter.View != model.ViewStarred || m.queue.total != 0 {
		t.Fatalf("#un starred: %+v, %d", m.queue.filter, m.queue.total)
	}
	press(t, m, "v", "v")
	if m.queue.filter.View != model.ViewAll || m.queue.total != 2 {
		t.Fatalf("back to all of #un: %+v, %d", m.queue.filter, m.queue.total)
	}
}

// TestUndoMarkReadPutsTheCursorBack: in the unread view, A empties the
// queue; u brings the stories back and the cursor to the story it was on.
func TestUndoMarkReadPutsTheCursorBack(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "2", "v") // the unread stories
	if m.queue.filter.View != model.ViewUnread || m.queue.total < 3 {
		t.Fatalf("want the unread view with 3 stories or more: %+v, %d", m.queue.filter, m.queue.total)
	}
	press(t, m, "j", "j")
	was := selectedTitle(m)
	press(t, m, "A", "y")
	if m.queue.total != 0 {
		t.Fatalf("after A y the unread view holds %d stories", m.queue.total)
	}
	press(t, m, "u")
	if got := selectedTitle(m); got != was || m.queue.cursor != 2 {
		t.Errorf("after u the cursor is on %q (row %d), want %q (row 2)", got, m.queue.cursor, was)
	}
}

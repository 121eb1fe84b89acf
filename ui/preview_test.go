package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestPreviewFollowsTheCursor: the story pane shows the story under the
// queue cursor from the start, follows j and k without marking anything
// read, and enter marks it read and moves focus to it.
func TestPreviewFollowsTheCursor(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	if m.reader.story == nil || !strings.HasPrefix(m.reader.story.Title, "'Huge obstacles'") {
		t.Fatalf("at start the story pane shows %v, want the first story", m.reader.story)
	}
	unread := m.status.counts.Unread
	press(t, m, "j")
	if m.reader.story == nil || !strings.HasPrefix(m.reader.story.Title, "Aleppo") {
		t.Fatal("the story pane did not follow j")
	}
	if !strings.Contains(ansi.Strip(m.highlights.View()), "We are seeing a new wave") {
		t.Fatalf("highlights did not follow j:\n%s", ansi.Strip(m.highlights.View()))
	}
	press(t, m, "k", "j")
	if m.status.counts.Unread != unread || m.queue.selected().Read {
		t.Fatalf("moving marked stories read: unread %d → %d", unread, m.status.counts.Unread)
	}
	press(t, m, "enter")
	if !m.queue.selected().Read || m.status.counts.Unread != unread-1 || m.focus != focusReader {
		t.Fatalf("enter: read %v, unread %d, focus %s", m.queue.selected().Read, m.status.counts.Unread, m.focus)
	}
}

// TestArchiveShowsTheNextStory: archiving takes the story off the screen;
// the story pane shows the one that took its place in the queue.
func TestArchiveShowsTheNextStory(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter") // read it, focus on the story
	press(t, m, "a")
	if m.reader.story == nil || !strings.HasPrefix(m.reader.story.Title, "Aleppo") {
		t.Fatalf("after archiving the story pane shows %v, want the next story", m.reader.story)
	}
	if strings.Contains(screen(m), "Huge obstacles") {
		t.Fatalf("the archived story is still on screen:\n%s", screen(m))
	}
}

// TestDwellMarksRead: with ReadAfter set, a story left in the story pane
// that long is marked read; one moved past sooner is not.
func TestDwellMarksRead(t *testing.T) {
	var armed []dwellMsg
	after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if d, ok := msg.(dwellMsg); ok {
			armed = append(armed, d)
		}
		return nil
	}
	defer func() { after = func(time.Duration, tea.Msg) tea.Cmd { return nil } }()
	m := New(Options{Store: fixtureStore(t), Now: func() time.Time { return fixedNow }, Location: time.UTC, ReadAfter: 3 * time.Second})
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	press(t, m, "j")
	if len(armed) != 2 {
		t.Fatalf("%d dwell timers, want one per unread story shown", len(armed))
	}
	send(t, m, armed[0]) // the first story's timer: it is not shown any more
	if h := m.queue.at(0); h.Read {
		t.Fatal("a story moved past was marked read")
	}
	send(t, m, armed[1])
	if !m.queue.selected().Read {
		t.Fatal("the story shown for ReadAfter was not marked read")
	}
}

// TestSpaceReadsOn: space pages the story down and, at its end, goes on to
// the next unread story, marking it read.
func TestSpaceReadsOn(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 80, 24)
	press(t, m, "enter") // the long Syria story, read, focus on it
	press(t, m, "space")
	if m.reader.scroll == 0 || !strings.HasPrefix(m.reader.story.Title, "'Huge") {
		t.Fatalf("space did not page the story: scroll %d", m.reader.scroll)
	}
	for i := 0; i < 10 && strings.HasPrefix(m.reader.story.Title, "'Huge"); i++ {
		press(t, m, "space")
	}
	if !strings.HasPrefix(m.reader.story.Title, "Aleppo") || !m.queue.selected().Read {
		t.Fatalf("space at the end went to %q (read %v), want the next unread, Aleppo, read",
			m.reader.story.Title, m.queue.selected().Read)
	}
}

// TestQLeavesPanesThenQuits: q in the story pane goes back to the queue; q
// in the queue quits; Q quits from anywhere.
func TestQLeavesPanesThenQuits(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter", "q")
	if m.quitting || m.focus != focusQueue {
		t.Fatalf("q in the story: quitting %v, focus %s", m.quitting, m.focus)
	}
	press(t, m, "enter", "esc")
	if m.focus != focusQueue {
		t.Fatalf("esc in the story: focus %s", m.focus)
	}
	press(t, m, "q")
	if !m.quitting {
		t.Fatal("q in the queue did not quit")
	}
	m = newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "4", "Q")
	if !m.quitting {
		t.Fatal("Q in the highlights did not quit")
	}
}

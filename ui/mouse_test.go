package ui

import (
	"context"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/store"
)

func TestMouse(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	q := m.lay.panes[focusQueue]
	// Click the second story: selects it; a second click opens it.
	click := tea.MouseClickMsg{X: q.X + 3, Y: q.Y + 1 + m.queue.itemLines(), Button: tea.MouseLeft}
	send(t, m, click)
	if m.queue.cursor != 1 {
		t.Fatalf("click: cursor %d", m.queue.cursor)
	}
	send(t, m, click)
	if m.reader.story == nil || m.reader.story.Title != selectedTitle(m) {
		t.Fatal("second click did not open the story")
	}
	// The wheel scrolls the pane under the pointer, not the focused one.
	press(t, m, "esc", "g")         // back to the queue, the first story
	send(t, m, windowSize(120, 22)) // short enough for the story to scroll
	r := m.lay.panes[focusReader]
	send(t, m, tea.MouseWheelMsg{X: r.X + 5, Y: r.Y + 3, Button: tea.MouseWheelDown})
	if m.reader.scroll == 0 || m.focus != focusQueue {
		t.Fatalf("wheel: scroll %d focus %s", m.reader.scroll, m.focus)
	}
	// Clicking a figure in the highlights focuses the pane and selects it.
	send(t, m, windowSize(120, 32))
	h := m.lay.panes[focusHighlights]
	for y := 0; y < h.H-2; y++ {
		if i := m.highlights.selAt(y); i >= 0 && m.highlights.rows[m.highlights.sel[i]].kind == rowStat {
			send(t, m, tea.MouseClickMsg{X: h.X + 2, Y: h.Y + 1 + y, Button: tea.MouseLeft})
			if m.focus != focusHighlights || m.highlights.cursor != i {
				t.Fatalf("click highlights: focus %s cursor %d", m.focus, m.highlights.cursor)
			}
			return
		}
	}
	t.Fatal("no figure row visible to click")
}

// TestNextUnreadAcrossWindows: n finds an unread story beyond the loaded
// window of the queue.
func TestNextUnreadAcrossWindows(t *testing.T) {
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	f, _, _ := s.AddFeed(ctx, "https://many.example/rss")
	var ss []model.Story
	var hs []string
	for i := 0; i < 500; i++ {
		ss = append(ss, model.Story{FeedID: f.ID, Key: fmt.Sprint(i), Title: fmt.Sprintf("story %03d", i),
			Body: "text", Published: fixedNow.Add(-time.Duration(i) * time.Minute), FirstSeen: fixedNow})
		hs = append(hs, fmt.Sprint(i))
	}
	if _, err := s.UpsertStories(ctx, f.ID, ss, hs); err != nil {
		t.Fatal(err)
	}
	hdrs, _ := s.Queue(ctx, model.Filter{}, 0, 1000)
	for _, h := range hdrs {
		if h.Title != "story 000" && h.Title != "story 450" {
			_ = s.SetTriage(ctx, h.ID, model.Triage{Read: true})
		}
	}
	m := newTestModel(t, s, 120, 32)
	press(t, m, "n")
	if got := selectedTitle(m); got != "story 450" {
		t.Fatalf("n: %q (cursor %d, note %q)", got, m.queue.cursor, m.status.note)
	}
	press(t, m, "n")
	if m.status.note != "no more unread stories this way" || selectedTitle(m) != "story 450" {
		t.Fatalf("n at the end: %q on %q", m.status.note, selectedTitle(m))
	}
	// Opening 450 marked it read: from the bottom, N finds 000.
	press(t, m, "G", "N")
	if got := selectedTitle(m); got != "story 000" {
		t.Fatalf("G N: %q", got)
	}
	press(t, m, "N")
	if m.status.note != "no more unread stories this way" {
		t.Fatalf("N at the top: %q", m.status.note)
	}
}

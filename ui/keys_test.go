package ui

import (
	"context"
	"strings"
	"testing"

	"sitrep/model"
)

func selectedTitle(m *Model) string {
	if h := m.queue.selected(); h != nil {
		return h.Title
	}
	return ""
}

func counts(t *testing.T, m *Model) model.Counts {
	t.Helper()
	c, err := m.opts.Store.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestStartsOnNewestWithQueueFocus(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	if m.focus != focusQueue {
		t.Fatalf("focus %s, want Queue", m.focus)
	}
	if got := selectedTitle(m); !strings.Contains(got, "Huge obstacles") {
		t.Fatalf("selected %q, want the newest story", got)
	}
}

func TestStarReadArchiveUndo(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	first := *m.queue.selected()

	press(t, m, "s")
	if c := counts(t, m); c.Starred != 2 {
		t.Fatalf("starred %d after s, want 2", c.Starred)
	}
	if !m.queue.selected().Starred || !strings.Contains(screen(m), "★ 21:04") {
		t.Fatalf("star not shown:\n%s", screen(m))
	}

	press(t, m, "r")
	if c := counts(t, m); c.Unread != 2 {
		t.Fatalf("unread %d after r, want 2", c.Unread)
	}

	press(t, m, "a")
	c := counts(t, m)
	if c.Archived != 1 || c.All != 4 {
		t.Fatalf("after a: %+v", c)
	}
	if m.queue.indexOf(first.ID) >= 0 || m.queue.total != 4 {
		t.Fatal("archived story still in the queue")
	}
	if got := m.status.counts.Archived; got != 1 {
		t.Fatalf("status shows %d archived", got)
	}

	// Archived view lists it.
	press(t, m, "1") // focus sources
	if m.focus != focusSources {
		t.Fatalf("focus %s after 1", m.focus)
	}
	press(t, m, "j", "j", "j") // All → Unread → Starred → Archived
	if m.queue.filter.View != model.ViewArchived || m.queue.total != 1 || m.queue.at(0).ID != first.ID {
		t.Fatalf("archived view: %+v total %d", m.queue.filter, m.queue.total)
	}
	press(t, m, "g", "tab")

	// Undo the three actions, newest first.
	press(t, m, "u")
	if c := counts(t, m); c.Archived != 0 || c.All != 5 {
		t.Fatalf("after undo archive: %+v", c)
	}
	if i := m.queue.indexOf(first.ID); i != 0 {
		t.Fatalf("unarchived story at %d, want back at 0", i)
	}
	press(t, m, "u")
	if c := counts(t, m); c.Unread != 3 {
		t.Fatalf("after undo read: %+v", c)
	}
	press(t, m, "u")
	if c := counts(t, m); c.Starred != 1 {
		t.Fatalf("after undo star: %+v", c)
	}
	press(t, m, "u")
	if m.status.note != "nothing to undo" {
		t.Fatalf("note %q", m.status.note)
	}
}

func TestOpenMarksRead(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "j", "enter") // Aleppo, unread
	if !m.queue.selected().Read {
		t.Fatal("opened story not marked read")
	}
	if c := counts(t, m); c.Unread != 2 {
		t.Fatalf("unread %d, want 2", c.Unread)
	}
	if m.reader.story == nil || !strings.Contains(m.reader.story.Title, "Aleppo") {
		t.Fatal("story not open")
	}
	if !strings.Contains(screen(m), "no quotes found") && !strings.Contains(screen(m), "speaker not found") {
		t.Fatalf("unattributed quote not listed:\n%s", screen(m))
	}
}

func TestNextPrevUnread(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	// Queue: Huge obstacles (unread), Aleppo (unread), Convoy (read),
	// Munich (read), Daraa (unread). Mark the first read to start.
	press(t, m, "r")
	press(t, m, "n")
	if got := selectedTitle(m); !strings.HasPrefix(got, "Aleppo") {
		t.Fatalf("n: %q", got)
	}
	if m.reader.story == nil || m.reader.story.Title != selectedTitle(m) {
		t.Fatal("n did not open the story")
	}
	press(t, m, "n")
	if got := selectedTitle(m); !strings.HasPrefix(got, "Older") {
		t.Fatalf("n n: %q", got)
	}
	press(t, m, "n")
	if !strings.Contains(m.status.note, "no more unread") {
		t.Fatalf("n at end: %q", m.status.note)
	}
	press(t, m, "u") // unread the first again (the open marks are not undoable)
	press(t, m, "N")
	if got := selectedTitle(m); !strings.Contains(got, "Huge obstacles") {
		t.Fatalf("N: %q", got)
	}
}

func TestMovementKeys(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	for _, step := range []struct {
		keys []string
		want int
	}{
		{[]string{"G"}, 4},
		{[]string{"g"}, 0},
		{[]string{"down", "j"}, 2},
		{[]string{"k", "up", "up"}, 0},
		{[]string{"pgdown"}, 4},
		{[]string{"b"}, 0},
	} {
		press(t, m, step.keys...)
		if m.queue.cursor != step.want {
			t.Fatalf("%v: cursor %d, want %d", step.keys, m.queue.cursor, step.want)
		}
	}
	press(t, m, "tab")
	if m.focus != focusReader {
		t.Fatalf("tab: %s", m.focus)
	}
	press(t, m, "shift+tab", "shift+tab")
	if m.focus != focusSources {
		t.Fatalf("shift+tab twice: %s", m.focus)
	}
}

func TestHighlightKeys(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 80, 24)
	press(t, m, "enter")
	press(t, m, "]", "]")
	hl := m.reader.hls[m.reader.current]
	if m.reader.current != 1 || m.highlights.selected() != 1 {
		t.Fatalf("] ]: reader %d highlights %d", m.reader.current, m.highlights.selected())
	}
	press(t, m, "[")
	if m.reader.current != 0 {
		t.Fatalf("[: %d", m.reader.current)
	}
	_ = hl
	// Choosing a figure in the highlights pane scrolls the story to it.
	press(t, m, "4") // the highlights
	if m.focus != focusHighlights {
		t.Fatalf("focus %s", m.focus)
	}
	press(t, m, "G")
	if !strings.Contains(screen(m), "over 7 million") {
		t.Fatalf("figure not scrolled into view:\n%s", screen(m))
	}
	if m.reader.scroll == 0 {
		t.Fatal("reader did not scroll")
	}
}

func TestResize(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	for _, sz := range [][2]int{{80, 24}, {60, 20}, {250, 70}, {99, 30}, {69, 21}} {
		send(t, m, windowSize(sz[0], sz[1]))
		checkFrame(t, m, sz[0], sz[1])
		if got := len(splitLines(m.render())); got != sz[1] {
			t.Fatalf("%v: %d lines", sz, got)
		}
	}
	// Narrow: one pane; tab walks all four, nothing lost.
	send(t, m, windowSize(60, 20))
	seen := map[string]bool{}
	for i := 0; i < 4; i++ {
		s := screen(m)
		for _, title := range []string{"Sources", "Queue", "Story", "Highlights"} {
			if strings.Contains(s, "╭ "+title) {
				seen[title] = true
			}
		}
		press(t, m, "tab")
	}
	if len(seen) != 4 {
		t.Fatalf("narrow tab cycle showed %v", seen)
	}
	// Medium: sources folded, f brings them back.
	send(t, m, windowSize(80, 24))
	press(t, m, "esc")
	if strings.Contains(screen(m), "╭ Sources") {
		t.Fatal("sources shown at 80 columns")
	}
	press(t, m, "f")
	if !strings.Contains(screen(m), "╭ Sources") {
		t.Fatal("f did not bring sources back")
	}
}

func TestHelpOverlay(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "?")
	s := screen(m)
	for _, want := range []string{"next unread", "archive", "undo", "open link", "poll now"} {
		if !strings.Contains(s, want) {
			t.Fatalf("help lacks %q:\n%s", want, s)
		}
	}
	press(t, m, "?")
	if strings.Contains(screen(m), "╭ Help") {
		t.Fatal("help did not close")
	}
}

func TestOpenLink(t *testing.T) {
	var opened []string
	m := newTestModel(t, fixtureStore(t), 120, 32)
	m.opts.OpenURL = func(u string) error { opened = append(opened, u); return nil }
	press(t, m, "o")
	if len(opened) != 1 || opened[0] != "https://example.org/bi-1" {
		t.Fatalf("opened %v", opened)
	}
}

func TestFeedErrorShown(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "1", "j", "j", "j", "j") // the first feed: Broken Feed
	if f := m.sources.selectedFeed(); f == nil || f.Title != "Broken Feed" {
		t.Fatalf("selected %+v", f)
	}
	s := screen(m)
	if !strings.Contains(s, "⚠ Broken Feed: HTTP 503") {
		t.Fatalf("feed error not shown:\n%s", s)
	}
	press(t, m, "j")
	if strings.Contains(screen(m), "Broken Feed: HTTP 503") {
		t.Fatalf("error still shown for a healthy feed:\n%s", screen(m))
	}
}

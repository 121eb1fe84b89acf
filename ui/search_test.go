package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sitrep/model"
)

// typeText types s one key at a time, as a person would.
func typeText(t *testing.T, m *Model, s string) {
	t.Helper()
	for _, r := range s {
		if r == ' ' {
			press(t, m, "space")
			continue
		}
		press(t, m, string(r))
	}
}

func queueTitles(m *Model) []string {
	var out []string
	for _, h := range m.queue.headers {
		out = append(out, h.Title)
	}
	return out
}

// bottomRow is the last line of the screen.
func bottomRow(m *Model) string {
	lines := splitLines(screen(m))
	return lines[len(lines)-1]
}

// TestSearchNarrowsAndEscKeepsTheCursor: esc leaves the search with the
// cursor on the story it found (the reader was looking at it); a search
// that found nothing goes back to where the queue stood before.
func TestSearchNarrowsAndEscKeepsTheCursor(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "j", "j") // a place in the queue to come back to
	before := selectedTitle(m)

	press(t, m, "/")
	if !m.search.active || !strings.Contains(bottomRow(m), "/ ") {
		t.Fatalf("/ did not open the prompt:\n%s", screen(m))
	}
	typeText(t, m, "aleppo")
	if m.queue.filter.Search != "" {
		t.Fatal("the queue was filtered before enter")
	}
	press(t, m, "enter")
	if m.search.active {
		t.Fatal("enter left the prompt open")
	}
	if m.queue.total != 1 || !strings.HasPrefix(selectedTitle(m), "Aleppo") {
		t.Fatalf("search aleppo: %d stories %q, want the Aleppo story alone", m.queue.total, queueTitles(m))
	}
	if s := screen(m); !strings.Contains(s, "Queue ── search: aleppo · 1 ") {
		t.Fatalf("queue title does not show the search:\n%s", s)
	}
	if !strings.Contains(bottomRow(m), "esc clear search") {
		t.Fatalf("key help does not say how to clear the search: %q", bottomRow(m))
	}

	press(t, m, "esc")
	if m.queue.filter.Search != "" || m.queue.total != 5 {
		t.Fatalf("esc: search %q, %d stories, want the whole queue of 5", m.queue.filter.Search, m.queue.total)
	}
	if got := selectedTitle(m); !strings.HasPrefix(got, "Aleppo") {
		t.Fatalf("esc: selected %q, want the Aleppo story the search found", got)
	}
	if s := screen(m); strings.Contains(s, "search:") || !strings.Contains(s, "Queue ── 2/5") {
		t.Fatalf("queue title after esc:\n%s", s)
	}

	press(t, m, "j", "j")
	before = selectedTitle(m)
	press(t, m, "/")
	typeText(t, m, "nowhere")
	press(t, m, "enter", "esc")
	if got := selectedTitle(m); got != before {
		t.Fatalf("esc after a search that found nothing: selected %q, want %q as before", got, before)
	}
}

// TestSearchOperatorsInTheReader: -word leaves stories out, what is not
// understood is said, and the words found are marked in the story.
func TestSearchOperatorsInTheReader(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "/")
	typeText(t, m, "Munich OR Aleppo -offensive")
	press(t, m, "enter")
	if got := queueTitles(m); len(got) != 1 || !strings.HasPrefix(got[0], "Talks in Munich") {
		t.Fatalf("Munich OR Aleppo -offensive found %q, want the Munich story alone", got)
	}

	press(t, m, "/")
	typeText(t, m, "-killed")
	press(t, m, "enter")
	if s := screen(m); !strings.Contains(s, "nothing to look for") {
		t.Fatalf("a search of only left-out words does not say why it finds nothing:\n%s", s)
	}

	press(t, m, "/")
	typeText(t, m, "Kerry")
	press(t, m, "enter", "enter")
	if m.reader.story == nil || !strings.Contains(m.reader.story.Title, "Huge obstacles") {
		t.Fatal("the story Kerry is in did not open")
	}
	found := false
	for _, mk := range m.reader.marks {
		if mk.kind == markMatch && m.reader.story.Body[mk.start:mk.end] == "Kerry" {
			found = true
		}
	}
	if !found {
		t.Fatal("Kerry is not marked in the story")
	}
	press(t, m, "esc", "esc") // story → queue, then the search
	for _, mk := range m.reader.marks {
		if mk.kind == markMatch {
			t.Fatal("matches still marked after the search was cleared")
		}
	}
}

func TestSearchStemsAndCombinesWithView(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "/")
	typeText(t, m, "convoys") // the story says "convoy": FTS5 stems
	press(t, m, "enter")
	if m.queue.total != 1 || !strings.HasPrefix(selectedTitle(m), "Convoy") {
		t.Fatalf("convoys: %q", queueTitles(m))
	}

	// Starred holds the convoy story: the search narrows that view too,
	// and stays in force as the view changes.
	m.setFocus(focusSources)
	press(t, m, "j", "j") // Starred
	if f := m.queue.filter; f.View != model.ViewStarred || f.Search != "convoys" {
		t.Fatalf("filter %+v, want Starred with the search", f)
	}
	if m.queue.total != 1 {
		t.Fatalf("starred + convoys: %q", queueTitles(m))
	}
	press(t, m, "k") // Unread: the convoy story is read
	if m.queue.total != 0 {
		t.Fatalf("unread + convoys: %q, want none", queueTitles(m))
	}
	if s := screen(m); !strings.Contains(s, "no stories match “convoys”") {
		t.Fatalf("no empty-search message:\n%s", s)
	}

	// `/` then an empty enter clears the search and keeps the view.
	press(t, m, "/", "enter")
	if f := m.queue.filter; f.View != model.ViewUnread || f.Search != "" || m.queue.total != 3 {
		t.Fatalf("after an empty search: %+v, %d stories", f, m.queue.total)
	}
}

func TestSearchPromptTakesEveryKey(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	starred := counts(t, m).Starred
	press(t, m, "/")
	typeText(t, m, "q s a r R j ? /")
	if m.quitting {
		t.Fatal("q quit while typing a search")
	}
	if c := counts(t, m); c.Starred != starred || c.Archived != 0 {
		t.Fatalf("keys typed in the prompt triaged stories: %+v", c)
	}
	if m.showHelp {
		t.Fatal("? opened the help while typing")
	}
	if got := m.search.in.Value(); got != "q s a r R j ? /" {
		t.Fatalf("prompt holds %q", got)
	}

	// esc cancels: the queue is untouched and keys mean keys again.
	press(t, m, "esc")
	if m.search.active || m.queue.filter.Search != "" || m.queue.total != 5 {
		t.Fatalf("esc in the prompt: active %v, search %q", m.search.active, m.queue.filter.Search)
	}
	press(t, m, "q")
	if !m.quitting {
		t.Fatal("q does not quit once the prompt is closed")
	}
}

func TestSearchEscInPromptKeepsSearch(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "/")
	typeText(t, m, "madaya")
	press(t, m, "enter", "/")
	typeText(t, m, "munich")
	press(t, m, "esc")
	if m.queue.filter.Search != "madaya" || m.queue.total != 1 {
		t.Fatalf("esc in the prompt changed the search to %q", m.queue.filter.Search)
	}
}

func TestSearchPasteIsSanitised(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "/")
	send(t, m, tea.PasteMsg{Content: "ale\x1b]0;pwned\x07ppo\u202e"})
	if s := m.render(); strings.ContainsAny(s, "\x07\u202e") || strings.Contains(s, "\x1b]0;") {
		t.Fatalf("the prompt draws pasted control characters: %q", bottomRow(m))
	}
	press(t, m, "enter")
	if q := m.queue.filter.Search; strings.ContainsAny(q, "\x1b\x07") {
		t.Fatalf("query keeps control characters: %q", q)
	}
	if s := m.render(); strings.Contains(s, "pwned\x07") || strings.Contains(s, "\x1b]0;") {
		t.Fatal("a pasted escape sequence reached the screen")
	}
}

// TestSearchFromTheReaderShowsTheQueue: in the single-pane layout a search
// typed while reading brings the matches on screen.
func TestSearchFromTheReaderShowsTheQueue(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 60, 20)
	press(t, m, "enter") // opens the story, and the reader takes the screen
	if m.focus != focusReader {
		t.Fatalf("focus %s after enter, want Story", m.focus)
	}
	press(t, m, "/")
	typeText(t, m, "munich")
	press(t, m, "enter")
	if m.focus != focusQueue || !strings.Contains(screen(m), "Talks in Munich") {
		t.Fatalf("focus %s; the matches are not on screen:\n%s", m.focus, screen(m))
	}
}

func TestSearchFitsEveryWidth(t *testing.T) {
	for _, w := range []int{60, 80, 120, 250} {
		m := newTestModel(t, fixtureStore(t), w, 24)
		press(t, m, "/")
		typeText(t, m, "a very long query about the humanitarian situation")
		checkFrame(t, m, w, 24)
		press(t, m, "enter")
		checkFrame(t, m, w, 24)
		if s := screen(m); !strings.Contains(s, "search: ") || !strings.Contains(s, "· 0 ") {
			t.Errorf("%d columns: the queue title lost the search or its count:\n%s", w, s)
		}
	}
}

func TestSearchInKeyHelp(t *testing.T) {
	k := DefaultKeyMap()
	has := func(bs []key.Binding, keyName, desc string) bool {
		for _, b := range bs {
			if b.Help().Key == keyName && b.Help().Desc == desc {
				return true
			}
		}
		return false
	}
	if !has(focusHelp{k: k, focus: focusQueue}.ShortHelp(), "/", "search") {
		t.Error("the queue's key help does not offer / search")
	}
	if !has(focusHelp{k: k, focus: focusQueue, searching: true}.ShortHelp(), "esc", "clear search") {
		t.Error("while searching, the queue's key help does not offer esc clear search")
	}
	for _, f := range []focusID{focusSources, focusQueue, focusReader, focusHighlights} {
		var all []key.Binding
		for _, g := range (focusHelp{k: k, focus: f}).FullHelp() {
			all = append(all, g...)
		}
		if !has(all, "/", "search") {
			t.Errorf("%s: the full help does not list / search", f)
		}
	}
}

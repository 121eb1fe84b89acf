package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"sitrep/model/store"
)

func storedStory(t *testing.T, s store.Store, id int64) (tags []string, note string) {
	t.Helper()
	st, err := s.Story(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Tags, st.Note
}

// TestTagFlow tags a story from the queue, sees the tags in its row and in
// the reader, and filters the queue by a tag from the sources pane.
func TestTagFlow(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	press(t, m, "j", "j")
	h := m.queue.selected()
	if h == nil || !strings.HasPrefix(h.Title, "Convoy") {
		t.Fatalf("selected %+v, want the Convoy story", h)
	}
	id := h.ID
	press(t, m, "t")
	if !m.search.active || !strings.Contains(bottomRow(m), "tags: ") || !strings.Contains(bottomRow(m), "enter save") {
		t.Fatalf("t did not open the tags prompt: %q", bottomRow(m))
	}
	// q, s, a, u are text while the prompt is open.
	typeText(t, m, "Madaya  Siege quiet,usa")
	if m.quitting || m.search.in.Value() != "Madaya  Siege quiet,usa" {
		t.Fatalf("typing in the prompt: quitting %v, value %q", m.quitting, m.search.in.Value())
	}
	press(t, m, "enter")
	want := []string{"madaya", "quiet", "siege", "usa"}
	if tags, _ := storedStory(t, s, id); !slices.Equal(tags, want) {
		t.Fatalf("stored tags %q, want %q", tags, want)
	}
	if h := m.queue.selected(); h == nil || !slices.Equal(h.Tags, want) || h.Starred != true {
		t.Fatalf("queue header after tagging: %+v", h)
	}
	if sc := screen(m); !strings.Contains(sc, "#madaya #quiet #siege") {
		t.Fatalf("queue row does not show the tags:\n%s", sc)
	}
	// The sources list the new tags with counts.
	if sc := screen(m); !strings.Contains(sc, "#madaya") || !strings.Contains(sc, "#usa") {
		t.Fatalf("sources do not list the new tags:\n%s", sc)
	}

	// The reader shows them under the meta line; t there is prefilled.
	press(t, m, "enter")
	if m.focus != focusReader {
		t.Fatalf("focus %v, want the reader", m.focus)
	}
	if r := m.reader.View(); !strings.Contains(r, "#madaya #quiet #siege #usa") {
		t.Fatalf("reader does not show the tags:\n%s", r)
	}
	press(t, m, "t")
	if v := m.search.in.Value(); v != "madaya quiet siege usa" {
		t.Fatalf("tags prompt prefilled with %q", v)
	}
	press(t, m, "esc")
	if m.search.active {
		t.Fatal("esc left the prompt open")
	}

	// Sources: the last rows are the tags; choosing one filters the queue.
	press(t, m, "1", "G") // #usa, the last tag
	if m.queue.filter.Tag != "usa" || m.queue.total != 1 || !strings.HasPrefix(selectedTitle(m), "Convoy") {
		t.Fatalf("filter by #usa: %+v, %d stories %q", m.queue.filter, m.queue.total, queueTitles(m))
	}
	press(t, m, "k") // #un: Syria and Aleppo
	if m.queue.filter.Tag != "un" || m.queue.total != 2 {
		t.Fatalf("filter by #un: %+v, %d stories %q", m.queue.filter, m.queue.total, queueTitles(m))
	}
	if sc := screen(m); !strings.Contains(sc, "Queue #un") {
		t.Fatalf("queue title does not name the tag:\n%s", sc)
	}
	// A search narrows the tag's stories further.
	press(t, m, "/")
	typeText(t, m, "aleppo")
	press(t, m, "enter")
	if m.queue.filter.Tag != "un" || m.queue.total != 1 {
		t.Fatalf("search within #un: %+v, %d", m.queue.filter, m.queue.total)
	}
	checkFrame(t, m, 120, 32)
}

// TestNoteFlow writes a note from the queue, sees the marker, reads it back
// into the prompt, and sees it in the reader.
func TestNoteFlow(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	press(t, m, "j") // Aleppo: no note
	id := m.queue.selected().ID
	press(t, m, "e")
	if !m.search.active || !strings.Contains(bottomRow(m), "note: ") || m.search.in.Value() != "" {
		t.Fatalf("e did not open an empty note prompt: %q", bottomRow(m))
	}
	typeText(t, m, "verify with UNHCR q")
	press(t, m, "enter")
	if m.quitting {
		t.Fatal("q in the note prompt quit")
	}
	if _, note := storedStory(t, s, id); note != "verify with UNHCR q" {
		t.Fatalf("stored note %q", note)
	}
	if h := m.queue.selected(); !h.HasNote {
		t.Fatal("header does not know the note")
	}
	if sc := screen(m); !strings.Contains(sc, "⇢ 51,000 ✎ #aleppo #un") {
		t.Fatalf("queue row has no note marker:\n%s", sc)
	}
	// e again, story not open: the note is read back into the prompt.
	press(t, m, "e")
	if !m.search.active || m.search.in.Value() != "verify with UNHCR q" {
		t.Fatalf("note prompt prefilled with %q", m.search.in.Value())
	}
	press(t, m, "esc")
	if _, note := storedStory(t, s, id); note != "verify with UNHCR q" {
		t.Fatalf("esc changed the note to %q", note)
	}
	press(t, m, "enter")
	if r := m.reader.View(); !strings.Contains(r, "✎ verify with UNHCR q") {
		t.Fatalf("reader does not show the note:\n%s", r)
	}
	// Clearing the note in the reader removes the marker.
	press(t, m, "tab", "e")
	for range len("verify with UNHCR q") {
		send(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	press(t, m, "enter")
	if _, note := storedStory(t, s, id); note != "" {
		t.Fatalf("note after clearing %q", note)
	}
	if h := m.queue.at(m.queue.indexOf(id)); h.HasNote {
		t.Fatal("header still has a note")
	}
	if r := m.reader.View(); strings.Contains(r, "✎") {
		t.Fatalf("reader still shows a note:\n%s", r)
	}
}

// TestAnnotationPasteSanitised pastes escapes and bidi overrides into the
// prompts: none reaches the store or the screen.
func TestAnnotationPasteSanitised(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	id := m.queue.selected().ID
	press(t, m, "t")
	send(t, m, tea.PasteMsg{Content: " \x1b[31mred\u202e\x1b]0;pwned\x07 Tag\nnext\x9b2J"})
	press(t, m, "enter")
	tags, _ := storedStory(t, s, id)
	for _, tg := range tags {
		if strings.ContainsAny(tg, "\x1b\x07\u202e\x9b\n") {
			t.Fatalf("tag %q kept a control", tg)
		}
	}
	if !slices.Contains(tags, "tag") {
		t.Fatalf("tags %q", tags)
	}
	press(t, m, "e")
	send(t, m, tea.PasteMsg{Content: "\x1b[2Jwipe\u202e\r\nline"})
	press(t, m, "enter")
	if _, note := storedStory(t, s, id); strings.ContainsAny(note, "\x1b\u202e\r\n") || !strings.Contains(note, "line") {
		t.Fatalf("note %q", note)
	}
	if sc := screen(m); strings.ContainsAny(sc, "\x1b\u202e") {
		t.Fatal("a control reached the screen")
	}
}

// TestUndoTagsAndNote: u reverts a tags change, then a note change.
func TestUndoTagsAndNote(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	id := m.queue.selected().ID // Syria: #ceasefire #un and a note
	press(t, m, "enter", "tab", "t")
	for range 20 {
		send(t, m, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(t, m, "truce")
	press(t, m, "enter", "e")
	typeText(t, m, " today")
	press(t, m, "enter")
	if tags, note := storedStory(t, s, id); !slices.Equal(tags, []string{"truce"}) || note != "check the 250,000 against OHCHR today" {
		t.Fatalf("after editing: %q %q", tags, note)
	}
	press(t, m, "u")
	if tags, note := storedStory(t, s, id); !slices.Equal(tags, []string{"truce"}) || note != "check the 250,000 against OHCHR" {
		t.Fatalf("after one undo: %q %q", tags, note)
	}
	press(t, m, "u")
	if tags, _ := storedStory(t, s, id); !slices.Equal(tags, []string{"ceasefire", "un"}) {
		t.Fatalf("after two undos: %q", tags)
	}
	if r := m.reader.View(); !strings.Contains(r, "#ceasefire #un") || !strings.Contains(r, "✎ check the 250,000 against OHCHR") {
		t.Fatalf("reader after undo:\n%s", r)
	}
	if h := m.queue.at(m.queue.indexOf(id)); !slices.Equal(h.Tags, []string{"ceasefire", "un"}) {
		t.Fatalf("queue header after undo: %q", h.Tags)
	}
}

// TestAnnotationKeysInHelp: t and e are in the short and the full help.
func TestAnnotationKeysInHelp(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 160, 48)
	if b := bottomRow(m); !strings.Contains(b, "t tags") || !strings.Contains(b, "e note") {
		t.Fatalf("short help: %q", b)
	}
	press(t, m, "?")
	if sc := screen(m); !strings.Contains(sc, "tags") || !strings.Contains(sc, "note") {
		t.Fatalf("full help lacks tags/note:\n%s", sc)
	}
}

package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"sitrep/model"
)

// TestSavedSearch: S names the search in force; the sources pane lists it
// with its unread count after the feeds; choosing it runs its query, v
// still narrows it to a state, and moving off it leaves the search behind.
func TestSavedSearch(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "S")
	if m.search.active || !strings.Contains(screen(m), "no search to save") {
		t.Fatalf("S without a search:\n%s", screen(m))
	}
	press(t, m, "/")
	typeText(t, m, "aleppo")
	press(t, m, "enter", "S")
	if !m.search.active || !strings.Contains(bottomRow(m), "save search as:") {
		t.Fatalf("S did not ask for a name: %q", bottomRow(m))
	}
	typeText(t, m, "Aleppo watch")
	press(t, m, "enter")
	if !strings.Contains(screen(m), "saved search “Aleppo watch”") {
		t.Errorf("no word that it was saved:\n%s", screen(m))
	}
	press(t, m, "esc") // the whole queue again
	if m.queue.filter.Search != "" {
		t.Fatalf("esc left the search %q", m.queue.filter.Search)
	}
	// The sources pane at the width it unfolds to, the saved search last.
	src := ansi.Strip(m.sources.View())
	if !strings.Contains(src, "/Aleppo watch") {
		t.Fatalf("sources pane lacks the saved search:\n%s", src)
	}
	golden.RequireEqual(t, src)

	press(t, m, "1", "G") // sources, last row: the saved search
	if got := m.queue.filter; got.Search != "aleppo" || m.queue.total != 1 {
		t.Fatalf("choosing the saved search: filter %+v, %d stories %q", got, m.queue.total, queueTitles(m))
	}
	press(t, m, "v", "v") // unread, then starred: the Aleppo story is not starred
	if got := m.queue.filter; got.Search != "aleppo" || got.View != model.ViewStarred || m.queue.total != 0 {
		t.Errorf("v on a saved search: filter %+v, %d stories", got, m.queue.total)
	}
	press(t, m, "v", "v", "k") // back to all; up to the row before it
	if got := m.queue.filter; got.Search != "" {
		t.Errorf("leaving the saved search kept its query: %+v", got)
	}

	// On its row again, S offers its name; emptied, it forgets it.
	press(t, m, "G", "S")
	if got := m.search.query(); got != "Aleppo watch" {
		t.Fatalf("S on the saved search offers %q, want its name", got)
	}
	for range len("Aleppo watch") {
		press(t, m, "backspace")
	}
	press(t, m, "enter")
	if !strings.Contains(screen(m), "forgot the saved search “Aleppo watch”") || len(m.sources.saved) != 0 {
		t.Fatalf("emptying the name did not forget the search (%d saved):\n%s", len(m.sources.saved), screen(m))
	}
	if got := m.queue.filter; got.Search != "" || m.sources.cursor != 0 {
		t.Errorf("after forgetting it: filter %+v, sources cursor %d", got, m.sources.cursor)
	}
}

package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/feeds"
	"sitrep/model"
	"sitrep/model/store"
)

// TestEscapeInjectionFeeds serves the shared escape-injection feeds over
// HTTP, polls them with the real poller from the UI, opens every story and
// selects every feed: no frame may carry a sequence that would change the
// terminal's title, clipboard, colours or screen.
func TestEscapeInjectionFeeds(t *testing.T) {
	// The hostile feeds live in the repository (feeds/testdata/hostile,
	// with their README), so this guard runs in any clone.
	dir := filepath.Join("..", "feeds", "testdata", "hostile")
	names := []string{"escape-injection.xml", "escape-injection.json", "escape-injection-atom.xml"}
	if _, err := os.Stat(filepath.Join(dir, names[0])); err != nil {
		t.Fatalf("hostile feeds missing from the repository: %v", err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()

	s, err := store.Open(filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	for _, n := range names {
		if _, _, err := s.AddFeed(ctx, srv.URL+"/"+n); err != nil {
			t.Fatal(err)
		}
	}
	poller := feeds.New(srv.Client(), s, feeds.Options{})
	m := New(Options{Store: s, Poll: func(ctx context.Context, f model.Feed) PollResult {
		r := poller.Poll(ctx, f)
		return PollResult{Title: r.Title, New: r.New, Updated: r.Updated, Err: r.Err}
	}, Location: time.UTC,
		OpenURL: func(string) error { return nil }})
	m.tick = func(time.Duration, int) tea.Cmd { return nil }
	send(t, m, windowSize(160, 48))
	drain(t, m, m.Init())
	if m.queue.total <= 0 {
		t.Fatalf("no stories from the injection feeds; status %q", m.status.note)
	}
	t.Logf("%d stories from %d feeds", m.queue.total, len(m.sources.feeds))
	for i := 0; i < m.queue.total; i++ {
		press(t, m, "enter")
		assertInert(t, m.render())
		press(t, m, "tab", "tab")
		for j := 0; j < 20; j++ {
			press(t, m, "j")
			assertInert(t, m.render())
		}
		press(t, m, "esc", "j")
	}
	press(t, m, "f")
	for range m.sources.rows() {
		press(t, m, "j")
		assertInert(t, m.render())
	}
	if v := m.View(); v.WindowTitle != WindowTitle {
		t.Fatalf("window title %q", v.WindowTitle)
	}
	if strings.Contains(m.render(), "\x1b]") {
		t.Fatal("OSC in frame")
	}
}

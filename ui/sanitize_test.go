package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestHostileTextIsInert stores a feed and a story carrying terminal escape
// sequences, C1 controls and bidi overrides, bypassing the poller's
// sanitiser, and checks the frame carries none of them: the only escape
// sequences drawn are the styles' own SGR.
func TestHostileTextIsInert(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	f, _, err := s.AddFeed(ctx, "https://evil.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	f.Title = "Evil\x1b]0;owned title\x07 Feed"
	f.LastError = "bad\x1b]52;c;ZWNobyBvd25lZA==\x07"
	if err := s.SaveFeedState(ctx, f); err != nil {
		t.Fatal(err)
	}
	body := "Clear\x1b[2J screen \x1b]8;;https://x\x07link\x1b]8;;\x07 and \u202egnirts\u202c and \x9b31m C1."
	st := model.Story{FeedID: f.ID, Key: "evil", Title: "Title\x1bP+q\x1b\\ \x1b_apc\x1b\\ evil",
		Link: "javascript:alert(1)", Body: body, Published: fixedNow.Add(time.Minute), FirstSeen: fixedNow}
	if _, err := s.UpsertStories(ctx, f.ID, []model.Story{st}, []string{"x"}); err != nil {
		t.Fatal(err)
	}
	m := newTestModel(t, s, 160, 48)
	press(t, m, "enter")
	if m.reader.story == nil || !strings.HasPrefix(m.reader.story.Title, "Title") {
		t.Fatalf("evil story not open: %+v", m.reader.story)
	}
	// No link is handed to a browser unless http(s).
	opened := 0
	m.opts.OpenURL = func(string) error { opened++; return nil }
	press(t, m, "o")
	if opened != 0 {
		t.Fatal("javascript: link opened")
	}
	// Select the evil feed: its error goes to the status line.
	press(t, m, "1")
	for i := 0; i < 10; i++ {
		if sf := m.sources.selectedFeed(); sf != nil && sf.ID == f.ID {
			break
		}
		press(t, m, "j")
	}
	if !strings.Contains(screen(m), "Evil Feed: bad") || strings.Contains(screen(m), "owned") {
		t.Fatalf("evil feed error not shown:\n%s", screen(m))
	}
	assertInert(t, m.render())
	if m.View().WindowTitle != "sitrep" {
		t.Fatal("window title changed")
	}
}

// assertInert fails if frame holds anything a terminal would act on other
// than the styles' own SGR sequences.
func assertInert(t *testing.T, frame string) {
	t.Helper()
	for _, bad := range []string{"\x1b]", "\x1bP", "\x1b_", "\x1b^", "\x1bX", "\x07", "\u202e", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u009b", "\u009d"} {
		if strings.Contains(frame, bad) {
			t.Errorf("frame contains %q", bad)
		}
	}
	for i := 0; i < len(frame); i++ {
		if frame[i] == 0x1b {
			if i+1 >= len(frame) || frame[i+1] != '[' {
				t.Fatalf("bare ESC at %d: %q", i, frame[i:min(len(frame), i+12)])
			}
			j := i + 2
			for j < len(frame) && (frame[j] >= '0' && frame[j] <= '9' || frame[j] == ';' || frame[j] == ':') {
				j++
			}
			if j >= len(frame) || frame[j] != 'm' {
				t.Fatalf("non-SGR sequence at %d: %q", i, frame[i:min(len(frame), j+1)])
			}
		}
	}
}

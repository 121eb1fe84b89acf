package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
)

// statusAt draws the top bar alone at width w.
func statusAt(w int, polling bool, note string) string {
	c := &common{st: newNoColorStyles(), sym: unicodeSymbols(), now: func() time.Time { return fixedNow }, loc: time.UTC}
	s := newStatusBar(c)
	s.SetSize(w)
	s.counts = model.Counts{All: 32, Unread: 32, Starred: 0, Archived: 0}
	s.polling, s.done, s.total = polling, 12, 40
	s.note, s.noteErr = note, note != ""
	return ansi.Strip(s.View())
}

const longErr = "Border Bulletin (always 503): HTTP 503 Service Unavailable (server says retry in 10 minutes)"

// TestStatusCountsWin: at every width the counts are whole, then the poll
// progress, and the error gets what is left.
func TestStatusCountsWin(t *testing.T) {
	tests := []struct {
		w       int
		polling bool
		counts  string // exactly as drawn
		err     string // the start of the error that must show
	}{
		{120, true, "All 32 · Unread 32 · Starred 0 · Archived 0", "⚠ Border Bulletin (always 503)"},
		{120, false, "All 32 · Unread 32 · Starred 0 · Archived 0", "⚠ Border Bulletin (always 503): HTTP 503"},
		{80, true, "All 32 · Unread 32 · ★ 0", "⚠ Border Bulletin"},
		{80, false, "All 32 · Unread 32 · Starred 0 · Archived 0", "⚠ Border Bulletin"},
		{60, true, "All 32 · Unr 32 · ★ 0", "⚠"},
		{60, false, "All 32 · Unread 32 · ★ 0", "⚠ Border Bulletin"},
	}
	for _, tt := range tests {
		got := statusAt(tt.w, tt.polling, longErr)
		if w := ansi.StringWidth(got); w != tt.w {
			t.Errorf("%d cols: bar is %d cells: %q", tt.w, w, got)
		}
		if !strings.Contains(got, " "+tt.counts+" ") {
			t.Errorf("%d cols, polling %v: counts not whole, want %q in\n%q", tt.w, tt.polling, tt.counts, got)
		}
		if tt.polling && !strings.Contains(got, "polling 12/40 feeds") {
			t.Errorf("%d cols: poll progress cut: %q", tt.w, got)
		}
		if !strings.Contains(got, tt.err) {
			t.Errorf("%d cols, polling %v: want %q of the error in\n%q", tt.w, tt.polling, tt.err, got)
		}
	}
}

// TestStatusNarrowest: below 60 columns the brand gives way before the
// counts are cut.
func TestStatusNarrowest(t *testing.T) {
	for w := 20; w <= 60; w++ {
		got := statusAt(w, true, longErr)
		if gw := ansi.StringWidth(got); gw != w {
			t.Fatalf("%d cols: bar is %d cells: %q", w, gw, got)
		}
		whole := strings.Contains(got, "All 32 · Unr 32 · ★ 0 ") || strings.Contains(got, "All 32 · Unread 32 · ★ 0 ")
		if w >= 24 && !whole {
			t.Errorf("%d cols: counts cut: %q", w, got)
		}
		if w >= 45 && !strings.Contains(got, "polling 12/40 feeds") {
			t.Errorf("%d cols: poll progress cut: %q", w, got)
		}
	}
	if got := statusAt(80, false, ""); !strings.HasPrefix(got, " sitrep   All 32 · Unread 32 · Starred 0 · Archived 0") {
		t.Errorf("with nothing to the right the counts are written in full: %q", got)
	}
}

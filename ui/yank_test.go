package ui

import (
	"strings"
	"testing"
)

// TestYankCitesTheQuote: y copies the chosen quote with speaker, role,
// source, date and link as one clean line; Y copies the link.
func TestYankCitesTheQuote(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "y") // the first quote listed: Ian Bremmer's
	want := "“still a far off hope.” (Ian Bremmer, president of the Eurasia group) — Business Insider, " +
		"“'Huge obstacles' stand in the way of Syria ceasefire”, 12 Feb 2016, https://example.org/bi-1"
	if m.yanked != want {
		t.Fatalf("y copied\n%q\nwant\n%q", m.yanked, want)
	}
	if !strings.Contains(m.status.note, "copied the quote") {
		t.Fatalf("status: %q", m.status.note)
	}
	press(t, m, "4", "G", "y") // the last figure
	if !strings.HasPrefix(m.yanked, "displaced: over 7 million (“over 7 million internally displaced”) — Business Insider") {
		t.Fatalf("y on a figure copied %q", m.yanked)
	}
	press(t, m, "Y")
	if m.yanked != "https://example.org/bi-1" {
		t.Fatalf("Y copied %q", m.yanked)
	}
}

// TestYankIsSanitised: a quote carrying control characters and escape
// sequences is copied as plain text.
func TestYankIsSanitised(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	s := *m.reader.story
	sp := "Ian \x1b]52;c;ZXZpbA==\x07Bremmer\u202e"
	s.Quotes[1].Speaker = &sp
	m.reader.setStory(s)
	m.highlights.setStory(m.reader.story, m.reader.hls)
	press(t, m, "y")
	for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
		if strings.Contains(m.yanked, bad) {
			t.Fatalf("copied text carries %q: %q", bad, m.yanked)
		}
	}
}

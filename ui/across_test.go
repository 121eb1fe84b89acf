package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestSpeakersView: W lists every speaker of the view's stories with
// quotes and dates, most quoted first; enter lists Ian Bremmer's quotes;
// enter on one opens his story focused, scrolled to that quote, read.
func TestSpeakersView(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "W")
	out := screen(m)
	checkFrame(t, m, 120, 32)
	for _, want := range []string{"Speakers", "Ian Bremmer · president of the Eurasia group", "2 quotes", "John Kerry", "Pawel Krzysiek · ICRC"} {
		if !strings.Contains(out, want) {
			t.Fatalf("speakers view lacks %q:\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "Ian Bremmer"), strings.Index(out, "John Kerry"); i > j {
		t.Errorf("Ian Bremmer (2 quotes) is listed after John Kerry (1):\n%s", out)
	}
	golden.RequireEqual(t, []byte(out))
	// Ian Bremmer is first: enter lists his quotes.
	press(t, m, "enter")
	out = screen(m)
	if !strings.Contains(out, "Speakers › Ian Bremmer") || !strings.Contains(out, "“still a far off hope.”") ||
		!strings.Contains(out, "Business Insider") {
		t.Fatalf("Ian Bremmer's quotes:\n%s", out)
	}
	press(t, m, "j", "enter")
	if m.across != nil || m.focus != focusReader {
		t.Fatalf("enter on a quote: view open %v, focus %v", m.across != nil, m.focus)
	}
	st := m.reader.story
	if st == nil || !strings.Contains(st.Title, "Huge obstacles") || !st.Read {
		t.Fatalf("the story opened: %+v", st)
	}
	cur := m.reader.hls[m.reader.current]
	if got := st.Body[cur.start:cur.end]; !strings.Contains(got, "At the very least") {
		t.Errorf("the story is at %q, want Bremmer's second quote", got)
	}
	if !strings.Contains(screen(m), "At the very least") {
		t.Errorf("the quote is not on screen:\n%s", screen(m))
	}
}

// TestSpeakersFollowTheSearch: the speakers are those of the stories the
// search finds; esc goes back a level, then closes.
func TestSpeakersFollowTheSearch(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	drain(t, m, m.setSearch("Madaya"))
	press(t, m, "W")
	out := screen(m)
	if !strings.Contains(out, "Pawel Krzysiek") || strings.Contains(out, "Ian Bremmer") {
		t.Fatalf("speakers of the Madaya search:\n%s", out)
	}
	press(t, m, "enter", "esc")
	if m.across == nil || m.across.speaker != nil {
		t.Fatalf("esc from the quotes: want the speakers list")
	}
	press(t, m, "esc")
	if m.across != nil {
		t.Fatalf("esc from the speakers: want the queue")
	}
}

// TestFiguresView: # lists the figures with value, sentence, story and
// source; c narrows to a category; s sorts by value; enter opens the
// story at the figure.
func TestFiguresView(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "#")
	out := screen(m)
	checkFrame(t, m, 120, 32)
	for _, want := range []string{"Figures", "all categories · by date", "250,000", "Business Insider", "42,000"} {
		if !strings.Contains(out, want) {
			t.Fatalf("figures view lacks %q:\n%s", want, out)
		}
	}
	golden.RequireEqual(t, []byte(out))
	press(t, m, "s") // by value: within killed
	out = screen(m)
	if !strings.Contains(out, "killed · by value") || strings.Contains(out, "42,000") {
		t.Fatalf("by value within killed:\n%s", out)
	}
	press(t, m, "c") // injured
	out = screen(m)
	if !strings.Contains(out, "injured · by value") || !strings.Contains(out, "3 civilians were injured") {
		t.Fatalf("injured:\n%s", out)
	}
	press(t, m, "enter")
	if m.reader.story == nil || !strings.Contains(m.reader.story.Title, "Daraa") || m.focus != focusReader {
		t.Fatalf("enter on the figure opened %+v", m.reader.story)
	}
}

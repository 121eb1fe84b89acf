package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

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

// TestSpeakersCountEveryStory: a view with more stories than the first
// count opens on the newest ones, says it is counting the rest, and then
// lists every story's speakers with the cursor still on its speaker; if
// the full count fails, the title says the list is of the newest only.
func TestSpeakersCountEveryStory(t *testing.T) {
	defer func(n int) { speakersFirst = n }(speakersFirst)
	speakersFirst = 1
	m := newTestModel(t, fixtureStore(t), 120, 32)
	var all string
	{
		press(t, m, "W")
		all = screen(m)
		press(t, m, "esc")
	}
	for _, want := range []string{"Ian Bremmer", "John Kerry", "Pawel Krzysiek"} {
		if !strings.Contains(all, want) {
			t.Fatalf("after the full count, %q is missing:\n%s", want, all)
		}
	}
	if strings.Contains(all, "newest") {
		t.Errorf("after the full count the title still says it is capped:\n%s", all)
	}

	// Step by step: the first count, then the full one.
	_, open := m.Update(keyMsg("W"))
	first := runCmd(open, 2*time.Second).(acrossLoadedMsg)
	if !first.capped {
		t.Fatalf("the fixture's newest story alone should be capped")
	}
	countAll := m.acrossLoaded(first)
	if countAll == nil {
		t.Fatal("a capped list asks for no full count")
	}
	if out := screen(m); !strings.Contains(out, "of the newest 1 story · counting all…") {
		t.Errorf("while counting, the title does not say so:\n%s", out)
	}
	full := runCmd(countAll, 2*time.Second).(allSpeakersMsg)
	if len(full.speakers) <= len(first.speakers) {
		t.Fatalf("full count %d speakers, first count %d", len(full.speakers), len(first.speakers))
	}
	on := m.across.speakers[len(m.across.speakers)-1].Names[0]
	m.across.spCur = len(m.across.speakers) - 1
	m.allSpeakersCounted(full)
	if got := m.across.speakers[m.across.spCur].Names[0]; got != on {
		t.Errorf("cursor moved from %q to %q", on, got)
	}
	if out := screen(m); strings.Contains(out, "newest") || !strings.Contains(out, "Pawel Krzysiek") {
		t.Errorf("after the full count:\n%s", out)
	}

	// A full count that fails leaves the first, and says why.
	press(t, m, "esc")
	_, open = m.Update(keyMsg("W"))
	m.acrossLoaded(runCmd(open, 2*time.Second).(acrossLoadedMsg))
	m.allSpeakersCounted(allSpeakersMsg{view: m.across, err: errors.New("database is locked")})
	if out := screen(m); !strings.Contains(out, "of the newest 1 story (counting all failed: database is locked)") {
		t.Errorf("a failed full count:\n%s", out)
	}
	// A count for a view since closed changes nothing.
	press(t, m, "esc")
	m.allSpeakersCounted(full)
	if m.across != nil {
		t.Error("a late count reopened the view")
	}
}

package ui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model/extract"
)

// What the screen says must be true and readable; these were each wrong
// once (issue 8).

// TestStoryHeadLeavesRoomAt80x24: the opened story shows at least six lines
// of its text at 80×24, with the source named once and the figures on one
// line.
func TestStoryHeadLeavesRoomAt80x24(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 80, 24)
	press(t, m, "enter")
	view := ansi.Strip(m.reader.View())
	lines := splitLines(view)
	body := 0
	inBody := false
	for _, l := range lines[1 : len(lines)-1] {
		if strings.Contains(l, "The 17 countries agreed") {
			inBody = true
		}
		if inBody {
			body++
		}
	}
	if body < 6 {
		t.Fatalf("%d lines of the story's text at 80×24, want at least 6:\n%s", body, view)
	}
	if n := strings.Count(view, "Business Insider"); n != 1 {
		t.Fatalf("the source is named %d times:\n%s", n, view)
	}
	if !strings.Contains(view, "☠ over 250,000 · ⇢ over 7 million") {
		t.Fatalf("figures not on one line:\n%s", view)
	}
}

// TestAuthorLikeTheSourceShownOnce: a feed that gives its own name as the
// author does not get it twice in the head.
func TestAuthorLikeTheSourceShownOnce(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	s := *m.reader.story
	s.Author = "Business Insider"
	m.reader.setStory(s)
	if n := strings.Count(ansi.Strip(m.reader.View()), "Business Insider"); n != 1 {
		t.Fatalf("source named %d times:\n%s", n, ansi.Strip(m.reader.View()))
	}
}

// TestNoQuoteBadgeWithoutQuotes: "❝ 0" is not drawn.
func TestNoQuoteBadgeWithoutQuotes(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	q := ansi.Strip(m.queue.View())
	if strings.Contains(q, "❝ 0") {
		t.Fatalf("queue shows ❝ 0:\n%s", q)
	}
	if !strings.Contains(q, "❝ 4") {
		t.Fatalf("queue lost the quote count of a story with quotes:\n%s", q)
	}
}

// TestOlderStoriesShowTheDate: a story from an earlier year shows its day,
// not only the year.
func TestOlderStoriesShowTheDate(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	cases := map[time.Time]string{
		time.Date(2016, 2, 12, 21, 4, 0, 0, time.UTC): "12 Feb 2016",
		time.Date(2026, 2, 12, 21, 4, 0, 0, time.UTC): "12 Feb",
		time.Date(2026, 3, 1, 9, 5, 0, 0, time.UTC):   "09:05",
	}
	for in, want := range cases {
		if got := strings.TrimSpace(shortTime(in, now)); got != want {
			t.Errorf("shortTime(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestCutPaneTitleEndsInEllipsis: a pane title too long for its edge is
// cut with an ellipsis, never silently.
func TestCutPaneTitleEndsInEllipsis(t *testing.T) {
	c := &common{st: newNoColorStyles(), sym: unicodeSymbols()}
	out := ansi.Strip(frame(c.st, c.sym, "Highlights", "quotes 17 · figures 10", false, 30, 4, nil))
	top := splitLines(out)[0]
	if ansi.StringWidth(top) != 30 || !strings.Contains(top, "…") {
		t.Fatalf("top edge %q: want 30 cells ending the cut title with …", top)
	}
}

// TestFigureTableAligned: a wide value does not push its row's context
// out of line with the others; the chosen figure shows its value whole.
func TestFigureTableAligned(t *testing.T) {
	s := newStory("wide", "Wide figures", fixedNow,
		"Between 120,000 and 150,000 people were displaced from the valley. At least 40 people were killed in the raid.").
		stat("Between 120,000 and 150,000 people were displaced", 120000, "", extract.Displaced).
		stat("At least 40 people were killed", 40, "at least", extract.Killed).s
	s.Stats[0].Vague = true // shown as written: a wide value cell
	c := &common{st: newNoColorStyles(), sym: unicodeSymbols(), now: func() time.Time { return fixedNow }, loc: time.UTC}
	p := newHighlightsPane(c)
	p.SetSize(60, 10)
	p.setStory(&s, storyHighlights(&s))
	p.cursor = -1 // no row chosen: the table as it stands
	var cols []int
	for _, l := range splitLines(ansi.Strip(p.View())) {
		for _, what := range []string{"from the valley", "people were"} {
			if i := strings.Index(l, what); i >= 0 {
				cols = append(cols, ansi.StringWidth(l[:i]))
			}
		}
	}
	if len(cols) != 2 || cols[0] != cols[1] {
		t.Fatalf("context columns at %v, want two equal:\n%s", cols, ansi.Strip(p.View()))
	}
}

// TestChosenQuoteWrapped: the highlights pane shows the chosen quote whole,
// wrapped, instead of cutting it.
func TestChosenQuoteWrapped(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 80, 24)
	press(t, m, "enter", "4") // open, focus the highlights
	press(t, m, "j")          // the second quote: "At the very least, …"
	v := ansi.Strip(m.highlights.View())
	if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(v, "│", " ")), " "), "good chance of a pause.”") {
		t.Fatalf("chosen quote cut:\n%s", v)
	}
	checkFrame(t, m, 80, 24)
}

// TestUndoSaysWhatItUndid: "undone" alone did not say what came back.
func TestUndoSaysWhatItUndid(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "s", "u")
	if n := m.status.note; !strings.Contains(n, "undid star of “'Huge obstacles'") {
		t.Fatalf("status after undoing a star: %q", n)
	}
	press(t, m, "a", "u")
	if n := m.status.note; !strings.Contains(n, "undid archive of") {
		t.Fatalf("status after undoing an archive: %q", n)
	}
}

// TestStatusLinesExpire: a notice or an error is taken down by its timer,
// but a timer never takes down a newer line.
func TestStatusLinesExpire(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	var armed []tea.Msg
	after = func(_ time.Duration, msg tea.Msg) tea.Cmd { armed = append(armed, msg); return nil }
	defer func() { after = func(time.Duration, tea.Msg) tea.Cmd { return nil } }()

	press(t, m, "s", "u")
	if m.status.note == "" || len(armed) == 0 {
		t.Fatalf("no notice or no timer: %q, %d timers", m.status.note, len(armed))
	}
	first := armed[len(armed)-1]
	m.noteErr("feeds: disk full")
	send(t, m, tea.WindowSizeMsg{Width: 120, Height: 32}) // any message arms the new line's timer
	send(t, m, first)
	if m.status.note != "feeds: disk full" {
		t.Fatalf("an old timer took down a newer line: %q", m.status.note)
	}
	send(t, m, armed[len(armed)-1])
	if m.status.note != "" || strings.Contains(screen(m), "disk full") {
		t.Fatalf("the error did not expire: %q", m.status.note)
	}
}

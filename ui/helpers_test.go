package ui

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/store"
)

// fixedNow is the clock of every test: the evening the Syria story ran.
var fixedNow = time.Date(2016, 2, 12, 22, 0, 0, 0, time.UTC)

// drain runs cmd and every command that follows from it, feeding the
// messages to m in order, as the Bubble Tea runtime would (but
// deterministically). Commands that do not answer within wait (timers) are
// abandoned.
func drain(t testing.TB, m *Model, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("drain: command loop")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := runCmd(c, 2*time.Second)
		switch msg := msg.(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

// runCmd runs one command, giving up after d (a tea.Tick that is not due).
func runCmd(c tea.Cmd, d time.Duration) tea.Msg {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(d):
		return nil
	}
}

// send delivers msg to m and drains what follows.
func send(t testing.TB, m *Model, msg tea.Msg) {
	t.Helper()
	_, cmd := m.Update(msg)
	drain(t, m, cmd)
}

// press types keys, one KeyPressMsg each: "j", "enter", "space", "G".
func press(t testing.TB, m *Model, keys ...string) {
	t.Helper()
	for _, k := range keys {
		send(t, m, keyMsg(k))
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	if len(r) != 1 {
		panic("keyMsg: unknown key " + k)
	}
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// newTestModel builds a model on s, sized w×h, with everything loaded.
func newTestModel(t testing.TB, s store.Store, w, h int) *Model {
	t.Helper()
	m := New(Options{Store: s, Now: func() time.Time { return fixedNow }, Location: time.UTC,
		OpenURL: func(string) error { return nil }})
	m.c.sym = unicodeSymbols() // goldens must not depend on the test machine's locale
	send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	drain(t, m, m.Init())
	return m
}

// screen is the model's frame without styles.
func screen(m *Model) string { return ansi.Strip(m.render()) }

// checkFrame asserts the frame fits the terminal exactly.
func checkFrame(t testing.TB, m *Model, w, h int) {
	t.Helper()
	out := m.render()
	if out == "" {
		return
	}
	lines := strings.Split(out, "\n")
	if len(lines) > h {
		t.Fatalf("%dx%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}

// --- fixture data: hand-made stories with explicit spans, so goldens do
// not change when the extractor improves.

type storyBuilder struct {
	s model.Story
}

func newStory(key, title string, published time.Time, body string) *storyBuilder {
	return &storyBuilder{s: model.Story{Key: key, Title: title, Link: "https://example.org/" + key,
		Published: published, FirstSeen: published, Body: body, Words: len(strings.Fields(body))}}
}

func (b *storyBuilder) quote(text, speaker, role string) *storyBuilder {
	i := strings.Index(b.s.Body, text)
	if i < 0 {
		panic("fixture: quote not in body: " + text)
	}
	q := extract.Quote{Text: text, Start: i, End: i + len(text)}
	if speaker != "" {
		q.Speaker = &speaker
	}
	if role != "" {
		q.Role = &role
	}
	b.s.Quotes = append(b.s.Quotes, q)
	return b
}

func (b *storyBuilder) stat(text string, value float64, qual string, cat extract.Category) *storyBuilder {
	i := strings.Index(b.s.Body, text)
	if i < 0 {
		panic("fixture: stat not in body: " + text)
	}
	b.s.Stats = append(b.s.Stats, extract.Stat{Text: text, Value: value, Lower: &value, Qualifier: qual,
		Unit: "people", Category: cat, Start: i, End: i + len(text)})
	return b
}

// fixtureStore is an in-memory store with three feeds, one broken, and a
// handful of stories.
func fixtureStore(t testing.TB) store.Store {
	t.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	addFeed := func(url, title, lastErr string) int64 {
		f, _, err := s.AddFeed(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		f.Title, f.LastError = title, lastErr
		f.LastPoll = fixedNow.Add(-time.Hour)
		if lastErr != "" {
			f.ErrorCount = 1
		}
		if err := s.SaveFeedState(ctx, f); err != nil {
			t.Fatal(err)
		}
		return f.ID
	}
	bi := addFeed("https://bi.example/rss", "Business Insider", "")
	cd := addFeed("https://desk.example/atom", "Conflict Desk", "")
	rw := addFeed("https://relief.example/feed.json", "Relief Wire", "")
	addFeed("https://broken.example/rss", "Broken Feed", "HTTP 503")

	at := func(h, m int) time.Time { return time.Date(2016, 2, 12, h, m, 0, 0, time.UTC) }
	save := func(feed int64, bs ...*storyBuilder) {
		var ss []model.Story
		var hs []string
		for i, b := range bs {
			b.s.FeedID = feed
			ss = append(ss, b.s)
			hs = append(hs, fmt.Sprint("h", feed, i))
		}
		if _, err := s.UpsertStories(ctx, feed, ss, hs); err != nil {
			t.Fatal(err)
		}
	}
	save(bi, newStory("bi-1", "'Huge obstacles' stand in the way of Syria ceasefire", at(21, 4),
		"The 17 countries agreed “to implement a nationwide cessation of hostilities to begin in a target of one week’s time,” US Secretary of State John Kerry said after a joint conference with Russian counterpart Sergey Lavrov.\n\n"+
			"Ian Bremmer, president of the Eurasia group, called a lasting peace “still a far off hope.” The war has claimed over 250,000 lives and left over 7 million internally displaced.\n\n"+
			"“There is going to be a lot more fighting on the ground,” said Julien Barnes-Dacey of ECFR. Bremmer added: “At the very least, I think there’s a good chance of a pause.”").
		quote("to implement a nationwide cessation of hostilities to begin in a target of one week’s time,", "John Kerry", "US Secretary of State").
		quote("still a far off hope.", "Ian Bremmer", "president of the Eurasia group").
		quote("There is going to be a lot more fighting on the ground,", "Julien Barnes-Dacey", "ECFR").
		quote("At the very least, I think there’s a good chance of a pause.", "Ian Bremmer", "").
		stat("over 250,000 lives", 250000, "over", extract.Killed).
		stat("over 7 million internally displaced", 7e6, "over", extract.Displaced))
	save(cd,
		newStory("cd-1", "Aleppo: 51,000 displaced since the offensive began", at(20, 51),
			"At least 51,000 people have fled the countryside north of Aleppo, the UN said. “We are seeing a new wave,” a spokesman said.").
			stat("At least 51,000 people", 51000, "at least", extract.Displaced).
			quote("We are seeing a new wave,", "", ""),
		newStory("cd-2", "Talks in Munich end without a date for a truce", at(18, 2),
			"Diplomats left Munich without agreeing a date. No figures were given."),
		newStory("cd-3", "Older: shelling reported near Daraa", time.Date(2016, 2, 10, 9, 30, 0, 0, time.UTC),
			"Residents reported shelling overnight; 3 civilians were injured.").
			stat("3 civilians were injured", 3, "", extract.Injured))
	save(rw, newStory("rw-1", "Convoy reaches Madaya after 3 months of siege", at(19, 30),
		"A convoy of 44 trucks reached Madaya. “People are starving,” said Pawel Krzysiek of the ICRC. 42,000 people remain at risk.").
		quote("People are starving,", "Pawel Krzysiek", "ICRC").
		stat("42,000 people remain at risk", 42000, "", extract.AtRisk))

	// Triage mix: one read, one starred; tags on two stories, a note on one.
	hdrs, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hdrs {
		switch h.Title {
		case "Talks in Munich end without a date for a truce":
			_ = s.SetTriage(ctx, h.ID, model.Triage{Read: true})
		case "Convoy reaches Madaya after 3 months of siege":
			_ = s.SetTriage(ctx, h.ID, model.Triage{Read: true, Starred: true})
		case "'Huge obstacles' stand in the way of Syria ceasefire":
			_ = s.SetTags(ctx, h.ID, []string{"ceasefire", "un"})
			_ = s.SetNote(ctx, h.ID, "check the 250,000 against OHCHR")
		case "Aleppo: 51,000 displaced since the offensive began":
			_ = s.SetTags(ctx, h.ID, []string{"aleppo", "un"})
		}
	}
	return s
}

func windowSize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func splitLines(s string) []string { return strings.Split(s, "\n") }

// TestMain turns the status lines' expiry timers off: drain would wait for
// each one. Tests of the expiry send noteExpiredMsg themselves.
func TestMain(m *testing.M) {
	after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	os.Exit(m.Run())
}

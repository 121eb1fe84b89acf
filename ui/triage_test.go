package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestQuitWaitsForTriageWrites: a star typed just before q is on disk when
// the program ends, even though quitting cancels everything else.
func TestQuitWaitsForTriageWrites(t *testing.T) {
	s := fixtureStore(t)
	m := New(Options{Store: s, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	h := m.queue.selected()
	if h == nil {
		t.Fatal("no story selected")
	}
	_, starCmd := m.Update(keyMsg("s")) // the write is not run yet
	_, quitCmd := m.Update(keyMsg("q"))
	if quitCmd != nil {
		if _, ok := runCmd(quitCmd, time.Second).(tea.QuitMsg); ok {
			t.Fatal("quit before the star was saved")
		}
	}
	if _, cmd := m.Update(keyMsg("s")); cmd != nil {
		t.Fatal("a key after q started new work")
	}
	// Run the star's commands: the saved message must end the program.
	quitted := false
	queue := []tea.Cmd{starCmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := runCmd(c, 2*time.Second).(type) {
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case tea.QuitMsg:
			quitted = true
		case nil:
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
	if !quitted {
		t.Fatal("the program did not quit once the star was saved")
	}
	st, err := s.Story(context.Background(), h.ID)
	if err != nil || !st.Starred {
		t.Fatalf("story %d after quit: starred=%v err=%v; want starred", h.ID, st.Starred, err)
	}
}

// TestFeedErrorBanner: choosing a failing feed shows its error, how often
// it failed and when the poller tries again.
func TestFeedErrorBanner(t *testing.T) {
	s := fixtureStore(t)
	ctx := context.Background()
	fs, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.Title == "Broken Feed" {
			f.ErrorCount, f.NextPoll = 3, time.Date(2016, 2, 12, 22, 30, 0, 0, time.UTC)
			if err := s.SaveFeedState(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	m := New(Options{Store: s, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	press(t, m, "shift+tab")
	for i := 0; i < 8 && (m.sources.selectedFeed() == nil || m.sources.selectedFeed().Title != "Broken Feed"); i++ {
		press(t, m, "j")
	}
	if f := m.sources.selectedFeed(); f == nil || f.Title != "Broken Feed" {
		t.Fatalf("could not select the broken feed (focus %v)", m.focus)
	}
	scr := screen(m)
	for _, want := range []string{"Broken Feed: HTTP 503", "failed 3 times", "next try Fri 22:30"} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
}

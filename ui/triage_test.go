package ui

import (
	"context"
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

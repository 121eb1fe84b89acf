package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/store"
)

// slowLen is a store whose queue lengths wait while hold is locked, as
// counting a million stories in clusters takes a while.
type slowLen struct {
	store.Store
	hold *sync.Mutex
}

func (s slowLen) QueueLen(ctx context.Context, f model.Filter) (int, error) {
	s.hold.Lock()
	defer s.hold.Unlock()
	return s.Store.QueueLen(ctx, f)
}

// TestFirstWindowDoesNotWaitForTheCount: a queue whose length is slow to
// count shows its first window at once, with … for the length, and the
// length when it comes; reloaded, it keeps showing its last length while
// it is counted again; a quick count comes with the window.
func TestFirstWindowDoesNotWaitForTheCount(t *testing.T) {
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := store.Populate(context.Background(), s, 3, queuePage+50); err != nil {
		t.Fatal(err)
	}
	rows, err := s.QueueLen(context.Background(), model.Filter{View: model.ViewAll})
	if err != nil || rows <= queuePage {
		t.Fatalf("%d rows in the queue (%v), want more than a window", rows, err)
	}
	slow := slowLen{Store: s, hold: &sync.Mutex{}}
	slow.hold.Lock()
	m := New(Options{Store: slow, Now: func() time.Time { return fixedNow }, Location: time.UTC})
	m.c.sym = unicodeSymbols()
	send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})

	start := time.Now()
	msg, ok := m.reloadQueue()().(queueLoadedMsg)
	if !ok || msg.err != nil || len(msg.headers) != queuePage || msg.counting == nil {
		t.Fatalf("first window: %d headers, counting %v, err %v; want a full window without its count", len(msg.headers), msg.counting != nil, msg.err)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Errorf("the first window waited %v for a count that never came", waited)
	}
	m.Update(msg)
	if !strings.Contains(screen(m), "1/…") {
		t.Errorf("queue while counting, want 1/… on its edge:\n%s", screen(m))
	}
	slow.hold.Unlock()
	m.Update(waitCountCmd(msg.seq, msg.counting)())
	if want := fmt.Sprintf("1/%d", rows); !strings.Contains(screen(m), want) {
		t.Errorf("queue once counted, want %s on its edge:\n%s", want, screen(m))
	}
	press(t, m, "G")
	if m.queue.cursor != rows-1 {
		t.Errorf("G after the count went to %d, want the last row, %d", m.queue.cursor, rows-1)
	}
	press(t, m, "g")
	slow.hold.Lock()
	again, _ := m.reloadQueue()().(queueLoadedMsg)
	m.Update(again)
	if want := fmt.Sprintf("1/%d", rows); again.counting == nil || !strings.Contains(screen(m), want) {
		t.Errorf("reloaded while counting (%v), want %s on its edge:\n%s", again.counting != nil, want, screen(m))
	}
	slow.hold.Unlock()

	// A count as quick as the window comes with it.
	m2 := newTestModel(t, s, 100, 30)
	if m2.queue.counting || m2.queue.total != rows {
		t.Errorf("quick count: total %d, counting %v; want %d", m2.queue.total, m2.queue.counting, rows)
	}
}

package ui

import (
	"sync"

	tea "charm.land/bubbletea/v2"
)

// The reader's writes (triage, tags, notes, bulk actions, feed changes)
// land in the order the keys were pressed. Bubble Tea runs commands
// concurrently, so without this, enter (mark read) then s (star) could
// reach the store as star then read, and the read, written from the state
// before the star, would undo it.

// writeOrder hands out tickets in Update and lets each write run only after
// the one before it.
type writeOrder struct {
	mu   sync.Mutex
	cond *sync.Cond
	next int // the ticket the next write gets
	done int // writes finished, in order
}

func newWriteOrder() *writeOrder {
	w := &writeOrder{}
	w.cond = sync.NewCond(&w.mu)
	return w
}

// inOrder wraps a write command so it runs after every write taken before
// it. Call it in Update, where the order of keys is known.
func (w *writeOrder) inOrder(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	w.mu.Lock()
	ticket := w.next
	w.next++
	w.mu.Unlock()
	return func() tea.Msg {
		w.mu.Lock()
		for w.done != ticket {
			w.cond.Wait()
		}
		w.mu.Unlock()
		defer func() {
			w.mu.Lock()
			w.done++
			w.cond.Broadcast()
			w.mu.Unlock()
		}()
		return cmd()
	}
}

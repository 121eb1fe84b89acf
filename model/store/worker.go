package store

import (
	"context"
	"sync"
	"time"
)

// worker is a goroutine that runs each time it is woken, until the store
// closes: the checkpointer (checkpoint.go), SQLite's indexer
// (index_pending.go) and PostgreSQL's rows writer (pg_rows_pending.go).
// Wakes while it runs are folded into one more run.
type worker struct {
	kick   chan struct{}
	stop   chan struct{}
	cancel context.CancelFunc
	done   sync.WaitGroup
	once   sync.Once // Close may be called twice
}

// startWorker starts a worker that calls run each time it is woken, with a
// context that ends when the worker is closed.
func startWorker(run func(ctx context.Context)) *worker {
	ctx, cancel := context.WithCancel(context.Background())
	w := &worker{kick: make(chan struct{}, 1), stop: make(chan struct{}), cancel: cancel}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		for {
			select {
			case <-w.stop:
				return
			case <-w.kick:
			}
			run(ctx)
		}
	}()
	return w
}

// wake asks for a run; nil (no worker) does nothing.
func (w *worker) wake() {
	if w == nil {
		return
	}
	select {
	case w.kick <- struct{}{}:
	default: // one is already due
	}
}

// sleep waits d and reports whether the worker is still open.
func (w *worker) sleep(d time.Duration) bool {
	select {
	case <-w.stop:
		return false
	case <-time.After(d):
		return true
	}
}

// close stops the worker and waits for a run under way to end.
func (w *worker) close() {
	if w == nil {
		return
	}
	w.once.Do(func() {
		close(w.stop)
		w.cancel()
		w.done.Wait()
	})
}

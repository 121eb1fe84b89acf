package store

import (
	"context"
	"time"
)

// Checkpoints run beside the writer, not in it. SQLite's automatic
// checkpoint copies the write-ahead log back into the database file inside
// the commit that pushes the log past 1,000 pages, so the writer stopped
// for it: a ninth of its time in a first polling round. Connections to a
// file turn it off (wal_autocheckpoint(0) in pragmas) and this goroutine
// runs a PASSIVE checkpoint after writes instead, which waits for nobody
// and which readers and the next write transaction run alongside.

// checkpointPause is the least time between two checkpoints: the writes of
// a polling round come many a second, and one checkpoint after a burst
// copies each page once however often it was written.
const checkpointPause = 200 * time.Millisecond

// walBoundFrames bounds the log under a steady stream of writes. The log
// only starts over from its beginning when a checkpoint has copied all of
// it, and passive checkpoints running beside a writer that never pauses
// (populating a database, a long import) never catch up: the log grew to
// 3 GB. Past this many frames (64 MB of 4 KB pages) the checkpointer holds
// the writer back once and copies the rest, so the next write starts the
// log over.
var walBoundFrames = 16384

// startCheckpointer starts the checkpoints of s: one after each write
// (wake), at most one every checkpointPause.
func (s *SQLite) startCheckpointer() {
	var w *worker
	w = startWorker(func(ctx context.Context) {
		s.checkpoint(ctx)
		w.sleep(checkpointPause)
	})
	s.ckpt = w
}

// checkpoint copies the log into the file beside the writer, or with the
// writer held back when the log is past walBoundFrames. A failed checkpoint
// (a reader holding an old snapshot, the disk) loses nothing: the log keeps
// the pages and the next one copies them.
func (s *SQLite) checkpoint(ctx context.Context) {
	var busy, frames, copied int
	err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &frames, &copied)
	if err != nil || frames <= walBoundFrames {
		return
	}
	// The poller's groups and the indexer wait while it copies, the group
	// in progress ending first; the reader's own writes (a star, a tag)
	// go on. They add a few pages, which the next checkpoint copies: held
	// back too, a star during a first round at a million stories waited
	// 120-650 ms behind copies of 6-928 ms.
	s.holdBulk()
	defer s.releaseBulk()
	if s.lockWrite(ctx) != nil {
		return // closing
	}
	s.unlockWrite()
	checkpointHeld()
	// Passive still: with the bulk writers held back it copies the whole
	// log unless a reader needs old pages, and the next write starts the
	// log over, cut to journal_size_limit. TRUNCATE would also wait out
	// other processes' readers, holding their writes back meanwhile.
	s.db.ExecContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`)
}

// checkpointHeld runs while the bulk writers are held back, before the
// copy: a test's way in.
var checkpointHeld = func() {}

// holdBulk holds the bulk writers (the poller's groups, the indexer) back
// from their next write lock until releaseBulk; holds by several callers
// at once end with the last release.
func (s *SQLite) holdBulk() {
	s.holdMu.Lock()
	defer s.holdMu.Unlock()
	if s.holders == 0 {
		s.hold = make(chan struct{})
	}
	s.holders++
}

func (s *SQLite) releaseBulk() {
	s.holdMu.Lock()
	defer s.holdMu.Unlock()
	if s.holders--; s.holders == 0 {
		close(s.hold)
		s.hold = nil
	}
}

// heldBack is closed when the bulk writers' hold ends; nil when none is on.
func (s *SQLite) heldBack() <-chan struct{} {
	s.holdMu.Lock()
	defer s.holdMu.Unlock()
	return s.hold
}

// yieldToHold is for a bulk writer that holds the write lock: when a hold
// is on, it gives the lock back and returns the channel to wait on; nil
// when none is, and the lock is still held.
func (s *SQLite) yieldToHold() <-chan struct{} {
	held := s.heldBack()
	if held != nil {
		s.unlockWrite()
	}
	return held
}

// lockBulk takes the write lock for a bulk write once no hold is on.
func (s *SQLite) lockBulk(ctx context.Context) error {
	for {
		if err := s.lockWrite(ctx); err != nil {
			return err
		}
		held := s.yieldToHold()
		if held == nil {
			return nil
		}
		select {
		case <-held:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

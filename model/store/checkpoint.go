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

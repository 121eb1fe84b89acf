package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"sitrep/model"
)

// TestCheckpointsRunBesideTheWriter: commits no longer copy the log into
// the database file (wal_autocheckpoint is off on every connection), yet
// the file receives the stories soon after they are written, and Close
// leaves no log behind.
func TestCheckpointsRunBesideTheWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ckpt.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var auto int
	if err := s.db.QueryRow(`PRAGMA wal_autocheckpoint`).Scan(&auto); err != nil || auto != 0 {
		t.Fatalf("wal_autocheckpoint = %d (%v), want 0: checkpoints belong to the checkpointer", auto, err)
	}
	before := fileSize(t, path)
	if err := Populate(ctx, s, 4, 500); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for fileSize(t, path) < before+1<<20 {
		if time.Now().After(deadline) {
			t.Fatalf("database file %d bytes 5 s after 2,000 stories were written (was %d): no checkpoint ran", fileSize(t, path), before)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
		t.Errorf("log left after Close: %v", err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestCheckpointBoundsTheLog: passive checkpoints beside a writer that
// never pauses never let the log start over (it grew to 3 GB while a
// million stories were saved). Below walBoundFrames the checkpointer never
// waits for the writer; past it, it waits for the writer once and copies
// the whole log, so the next write starts the log over.
func TestCheckpointBoundsTheLog(t *testing.T) {
	defer func(n int) { walBoundFrames = n }(walBoundFrames)
	s, err := Open(filepath.Join(t.TempDir(), "bound.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ckpt.close() // the test runs the checkpoints itself
	// The indexer would write the stories' search entries whenever the
	// writer is idle, between a whole checkpoint and the write the test
	// checks: the log then starts over with its pages (1,503 frames).
	s.ix.close()
	if err := Populate(ctx, s, 2, 1000); err != nil {
		t.Fatal(err)
	}
	frames := func() (log, copied int) {
		var busy int
		if err := s.db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &log, &copied); err != nil {
			t.Fatal(err)
		}
		return log, copied
	}
	checkpointWhileWriting := func() (waited bool) {
		if err := s.lockWrite(ctx); err != nil { // a write in progress
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { s.checkpoint(ctx); close(done) }()
		select {
		case <-done:
		case <-time.After(100 * time.Millisecond):
			waited = true
		}
		s.unlockWrite()
		<-done
		return waited
	}
	log, _ := frames()
	walBoundFrames = 2 * log
	if checkpointWhileWriting() {
		t.Error("below the bound the checkpoint waited for the writer")
	}
	walBoundFrames = 16
	if !checkpointWhileWriting() {
		t.Error("past the bound the checkpoint did not wait for the writer")
	}
	if log, copied := frames(); log != copied {
		t.Errorf("past the bound: %d of %d frames copied", copied, log)
	}
	if _, _, err := s.AddFeed(ctx, "https://after.example/feed"); err != nil {
		t.Fatal(err)
	}
	if log, _ := frames(); log > 16 {
		t.Errorf("the write after a whole checkpoint left %d frames: the log did not start over", log)
	}
}

// TestCheckpointHoldsBackOnlyBulkWrites: while the checkpointer copies a
// log past the bound, the poller's saves wait for it and the reader's own
// writes (a star) do not: a star during a first round at a million
// stories waited up to 650 ms behind such copies.
func TestCheckpointHoldsBackOnlyBulkWrites(t *testing.T) {
	defer func(n int) { walBoundFrames = n }(walBoundFrames)
	defer func(f func()) { checkpointHeld = f }(checkpointHeld)
	s, err := Open(filepath.Join(t.TempDir(), "hold.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ckpt.close() // the test runs the checkpoint itself
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("k1", "Aleppo convoy", base))
	id := idByKey(t, s, "k1")
	walBoundFrames = 0
	saved := make(chan error, 1)
	checkpointHeld = func() {
		starred := make(chan error, 1)
		go func() { starred <- s.SetTriage(ctx, id, model.Triage{Starred: true}) }()
		select {
		case err := <-starred:
			if err != nil {
				t.Errorf("star during the copy: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Error("a star waited for the checkpoint")
		}
		go func() {
			_, err := s.UpsertStories(ctx, f.ID, []model.Story{story("k2", "Goma", base)}, []string{"h2"})
			saved <- err
		}()
		select {
		case <-saved:
			t.Error("the poller's save went ahead of the checkpoint")
		case <-time.After(200 * time.Millisecond):
		}
	}
	s.checkpoint(ctx)
	select {
	case err := <-saved:
		if err != nil {
			t.Errorf("save after the checkpoint: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the poller's save still waits after the checkpoint")
	}
	if st, err := s.Story(ctx, id); err != nil || !st.Starred {
		t.Errorf("star after the checkpoint: %+v, %v", st.Triage, err)
	}
}

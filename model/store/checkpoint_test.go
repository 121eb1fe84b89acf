package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

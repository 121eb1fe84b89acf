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

// TestCheckpointBoundsTheLog: a log past walBoundFrames is copied and
// truncated with the writer held back, since passive checkpoints beside a
// writer that never pauses never let it start over (it grew to 3 GB while
// a million stories were saved). Below the bound the checkpoint stays
// passive and leaves the log's file as it is.
func TestCheckpointBoundsTheLog(t *testing.T) {
	defer func(n int) { walBoundFrames = n }(walBoundFrames)
	path := filepath.Join(t.TempDir(), "bound.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ckpt.close() // the test runs the checkpoints itself
	if err := Populate(ctx, s, 2, 1000); err != nil {
		t.Fatal(err)
	}
	logSize := func() int64 {
		fi, err := os.Stat(path + "-wal")
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	written := logSize()
	if written < 4<<20 {
		t.Fatalf("log of %d bytes after 1,000 stories: too small for the test", written)
	}
	walBoundFrames = int(written/4096) * 2 // well above the log
	s.checkpoint(ctx)
	if got := logSize(); got != written {
		t.Errorf("below the bound: log %d bytes after the checkpoint, want it left at %d", got, written)
	}
	walBoundFrames = 256
	s.checkpoint(ctx)
	if got := logSize(); got != 0 {
		t.Errorf("past the bound: log %d bytes after the checkpoint, want it truncated", got)
	}
}

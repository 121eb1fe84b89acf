package store

import (
	"path/filepath"
	"testing"
)

// TestBackupWhileWriting: a backup taken while another connection writes
// is a complete database with the stories committed before it.
func TestBackupWhileWriting(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://example.org/feed")
	upsert(t, s, f.ID, story("k1", "One", base))
	id := idByKey(t, s, "k1")
	if err := s.SetNote(ctx, id, "check the figure"); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 20; i++ {
			upsert(t, s, f.ID, story("w"+string(rune('a'+i)), "Writer", base))
		}
	}()
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(ctx, out); err != nil {
		t.Fatal(err)
	}
	<-done
	c, err := Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	st, err := c.Story(ctx, id)
	if err != nil || st.Note != "check the figure" {
		t.Fatalf("the copy: %+v, %v", st.Note, err)
	}
	var ok string
	if err := c.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity %q %v", ok, err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Fatal("a backup over an existing file: no error")
	}
}

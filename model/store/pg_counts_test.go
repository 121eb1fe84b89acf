package store

import (
	"testing"

	"sitrep/model"
)

// TestPGCountsVersion: the version under which a reader remembers queue
// lengths stays while other readers only read, so the lengths are kept, and
// moves with every write of another user (a star, a tag) or of a poller.
func TestPGCountsVersion(t *testing.T) {
	s, p := openPGWithoutWriter(t)
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("a", "Shelling in Idlib", base), story("b", "Famine in Gaza", base))
	other := s.as(t, "maria")
	other.Store.(*Postgres).rows.close()
	version := func() int64 {
		t.Helper()
		v, ok := p.counts.current(ctx)
		if !ok {
			t.Fatal("PostgreSQL counts are not remembered")
		}
		return v
	}
	v := version()
	hs, err := other.Queue(ctx, model.Filter{View: model.ViewAll, Search: "famine"}, 0, 10)
	if err != nil || len(hs) != 1 {
		t.Fatalf("maria's search: %d stories, %v", len(hs), err)
	}
	if _, err := other.Story(ctx, hs[0].ID); err != nil {
		t.Fatal(err)
	}
	if version() != v {
		t.Error("another reader's search and opening moved the version: counts are forgotten while nothing changed")
	}
	steps := []struct {
		what  string
		write func() error
	}{
		{"maria starred a story", func() error {
			on := true
			return other.ChangeTriage(ctx, hs[0].ID, model.TriageChange{Starred: &on})
		}},
		{"maria tagged a story", func() error { return other.ChangeTags(ctx, hs[0].ID, []string{"famine"}, nil) }},
		{"a poller saved a story", func() error {
			upsert(t, other, f.ID, story("c", "Famine in Madaya", base))
			return nil
		}},
	}
	for _, step := range steps {
		v := version()
		if err := step.write(); err != nil {
			t.Fatalf("%s: %v", step.what, err)
		}
		if version() == v {
			t.Errorf("%s: the version did not move, so a count from before is kept", step.what)
		}
	}
}

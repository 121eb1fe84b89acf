package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sitrep/model"
)

// TestConcurrentUse runs what the reader and the poller do at once: several
// feeds saving stories while the reader pages, counts and triages. Nothing
// may fail with "database is locked", and the counters must add up.
func TestConcurrentUse(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		const feeds, rounds, perRound = 6, 5, 20
		ids := make([]int64, feeds)
		for i := range ids {
			ids[i] = addFeed(t, s, fmt.Sprintf("https://f%d.example/feed", i)).ID
		}
		var wg sync.WaitGroup
		errs := make(chan error, 100)
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range rounds {
					var batch []model.Story
					var hashes []string
					for j := range perRound {
						st := story(fmt.Sprintf("%d-%d", r, j), fmt.Sprintf("feed %d round %d", i, r), base.Add(time.Duration(r*perRound+j)*time.Minute))
						batch = append(batch, st)
						hashes = append(hashes, hashOf(st))
					}
					if _, err := s.UpsertStories(ctx, id, batch, hashes); err != nil {
						errs <- err
						return
					}
					f, _ := s.Feed(ctx, id)
					f.LastPoll = base
					if err := s.SaveFeedState(ctx, f); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				hs, err := s.Queue(ctx, model.Filter{View: model.ViewUnread}, 0, 10)
				if err == nil && len(hs) > 0 {
					err = s.SetTriage(ctx, hs[0].ID, model.Triage{Read: true})
				}
				if err == nil {
					_, err = s.Counts(ctx)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		if c, _ := s.Counts(ctx); c.All != feeds*rounds*perRound {
			t.Errorf("All = %d, want %d", c.All, feeds*rounds*perRound)
		}
		checkCounters(t, s)
	})
}

// TestTwoProcesses opens the same file twice, as `sitrep add` does while the
// reader runs: both write, both see each other's writes.
func TestTwoProcesses(t *testing.T) {
	reader, path := openTemp(t)
	cli, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	f := addFeed(t, cli, "https://cli.example/feed")
	upsert(t, reader, f.ID, story("x", "from the reader", base))
	if n, _ := cli.QueueLen(ctx, model.Filter{}); n != 1 {
		t.Errorf("the other connection sees %d stories, want 1", n)
	}
}

func TestOddPaths(t *testing.T) {
	for _, name := range []string{"with space.db", "q?mark.db", "hash#.db", "per%20cent.db", "ünïcode.db"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			addFeed(t, s, "https://a.example/feed")
			s.Close()
			s, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if fs, _ := s.Feeds(ctx); len(fs) != 1 {
				t.Errorf("reopened %q: %d feeds, want 1", path, len(fs))
			}
			if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*")); len(m) == 0 || filepath.Base(m[0]) != name {
				t.Errorf("files = %v, want %q", m, name)
			}
		})
	}
}

package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"sitrep/model"
)

// holdWriter takes the write lock, so that the writes started meanwhile queue
// up, and returns a function that waits until n writes are queued and lets
// them go: they then run as one group.
func holdWriter(t *testing.T, s *SQLite) func(n int) {
	t.Helper()
	if err := s.lockWrite(ctx); err != nil {
		t.Fatal(err)
	}
	return func(n int) {
		deadline := time.Now().Add(10 * time.Second)
		for {
			s.pendMu.Lock()
			queued := len(s.pending)
			s.pendMu.Unlock()
			if queued >= n {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("only %d of %d writes queued", queued, n)
			}
			time.Sleep(time.Millisecond)
		}
		s.unlockWrite()
	}
}

// TestGroupCommit saves 50 feeds at once, as a polling round does: each
// caller gets its own counts, triage survives updates, an unknown feed fails
// only its own call, and the writes share a few transactions.
func TestGroupCommit(t *testing.T) {
	s, _ := openTemp(t)
	const feeds, perFeed = 50, 10
	ids := make([]int64, feeds)
	for i := range ids {
		ids[i] = addFeed(t, s, fmt.Sprintf("https://g%d.example/feed", i)).ID
		// Half of each feed's stories are there already, the first one read
		// and starred.
		var old []model.Story
		for j := range perFeed / 2 {
			old = append(old, story(fmt.Sprintf("%d-%d", i, j), fmt.Sprintf("feed %d story %d", i, j), base.Add(time.Duration(j)*time.Minute)))
		}
		upsert(t, s, ids[i], old...)
		if err := s.SetTriage(ctx, idByKey(t, s, fmt.Sprintf("%d-0", i)), model.Triage{Read: true, Starred: true}); err != nil {
			t.Fatal(err)
		}
	}
	_, txBefore := s.WriterStats()

	release := holdWriter(t, s)
	var wg sync.WaitGroup
	results := make([]model.SaveResult, feeds)
	errs := make([]error, feeds)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var batch []model.Story
			var hashes []string
			for j := range perFeed {
				// The old stories come back changed, the others are new.
				st := story(fmt.Sprintf("%d-%d", i, j), fmt.Sprintf("feed %d story %d, updated", i, j), base.Add(time.Duration(j)*time.Minute))
				batch = append(batch, st)
				hashes = append(hashes, hashOf(st))
			}
			results[i], errs[i] = s.UpsertStories(ctx, ids[i], batch, hashes)
		}()
	}
	var unknownStories, unknownPolled error
	wg.Add(2)
	go func() {
		defer wg.Done()
		st := story("lost", "a story of no feed", base)
		_, unknownStories = s.UpsertStories(ctx, 9999, []model.Story{st}, []string{hashOf(st)})
	}()
	go func() { defer wg.Done(); unknownPolled = s.MarkPolled(ctx, 9998, base, base.Add(time.Hour)) }()
	release(feeds + 2)
	wg.Wait()

	for i := range ids {
		if errs[i] != nil {
			t.Errorf("feed %d: %v", i, errs[i])
		}
		if want := (model.SaveResult{New: perFeed / 2, Updated: perFeed / 2}); results[i] != want {
			t.Errorf("feed %d: %+v, want %+v", i, results[i], want)
		}
	}
	if !errors.Is(unknownStories, ErrNotFound) {
		t.Errorf("stories of an unknown feed: %v, want ErrNotFound", unknownStories)
	}
	if !errors.Is(unknownPolled, ErrNotFound) {
		t.Errorf("MarkPolled of an unknown feed: %v, want ErrNotFound", unknownPolled)
	}
	// One shared transaction that commits, and for each failing write a
	// shared one that it spoils and one of its own.
	if _, txAfter := s.WriterStats(); txAfter-txBefore > 5 {
		t.Errorf("%d writes took %d transactions; group commit should need 5", feeds+2, txAfter-txBefore)
	}
	var n int
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories`).Scan(&n)
	if n != feeds*perFeed {
		t.Errorf("%d stories stored, want %d", n, feeds*perFeed)
	}
	for i := range ids {
		st, err := s.Story(ctx, idByKey(t, s, fmt.Sprintf("%d-0", i)))
		if err != nil {
			t.Fatal(err)
		}
		if !st.Read || !st.Starred || st.Title != fmt.Sprintf("feed %d story 0, updated", i) {
			t.Errorf("feed %d story 0: read %v starred %v title %q; triage must survive the update", i, st.Read, st.Starred, st.Title)
		}
	}
	// Every new and updated story is searchable, and the updated ones only
	// by their new words.
	for _, q := range []struct {
		search string
		want   int
	}{{"updated", feeds * perFeed}, {`"feed 7 story 3"`, 1}} {
		got, err := s.QueueLen(ctx, model.Filter{View: model.ViewAll, Search: q.search})
		if err != nil {
			t.Fatal(err)
		}
		if got != q.want {
			t.Errorf("search %s: %d stories, want %d", q.search, got, q.want)
		}
	}
	checkCounters(t, s)
}

// TestGroupFallback breaks the shared transaction from inside one op: every
// op then runs again in a transaction of its own, so the others are saved
// and only the culprit fails.
func TestGroupFallback(t *testing.T) {
	s, _ := openTemp(t)
	a := addFeed(t, s, "https://a.example/feed")
	b := addFeed(t, s, "https://b.example/feed")

	release := holdWriter(t, s)
	var wg sync.WaitGroup
	var resA, resB model.SaveResult
	var errA, errB, errBad error
	wg.Add(3)
	go func() {
		defer wg.Done()
		resA, errA = s.UpsertStories(ctx, a.ID, []model.Story{story("a1", "from a", base)}, []string{"ha"})
	}()
	go func() {
		defer wg.Done()
		errBad = s.submit(ctx, 1, func(ctx context.Context, g *groupTx) error {
			// Ends the transaction under everybody's feet.
			g.tx.ExecContext(ctx, `ROLLBACK`)
			return errors.New("bad op")
		})
	}()
	go func() {
		defer wg.Done()
		resB, errB = s.UpsertStories(ctx, b.ID, []model.Story{story("b1", "from b", base)}, []string{"hb"})
	}()
	release(3)
	wg.Wait()

	if errA != nil || errB != nil || resA.New != 1 || resB.New != 1 {
		t.Errorf("a: %+v %v; b: %+v %v; want one new story each", resA, errA, resB, errB)
	}
	if errBad == nil {
		t.Error("the breaking op reported no error")
	}
	for _, key := range []string{"a1", "b1"} {
		idByKey(t, s, key)
	}
	checkCounters(t, s)
}

// TestGroupWaitCancelled: a caller that gives up while queued withdraws its
// write, and the others go on.
func TestGroupWaitCancelled(t *testing.T) {
	s, _ := openTemp(t)
	f := addFeed(t, s, "https://a.example/feed")
	release := holdWriter(t, s)
	cctx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- s.MarkPolled(cctx, f.ID, base, base.Add(time.Hour)) }()
	for {
		s.pendMu.Lock()
		n := len(s.pending)
		s.pendMu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled MarkPolled: %v", err)
	}
	release(0)
	if err := s.MarkPolled(ctx, f.ID, base, base.Add(time.Hour)); err != nil {
		t.Errorf("MarkPolled after a cancelled one: %v", err)
	}
	got, _ := s.Feed(ctx, f.ID)
	if !got.LastPoll.Equal(base) {
		t.Errorf("LastPoll = %v", got.LastPoll)
	}
}

// TestOwnWriteGoesBeforeQueuedGroups: a star waits for the write in
// progress, not for the poller's saves queued before it. With the lock
// taken, saves of three feeds queue up, then a star; once the lock is
// free the star takes it before any group has run.
func TestOwnWriteGoesBeforeQueuedGroups(t *testing.T) {
	s, _ := openTemp(t)
	s.ix.close() // no indexer batches in between
	feeds := []model.Feed{addFeed(t, s, "https://a.example/feed"), addFeed(t, s, "https://b.example/feed"), addFeed(t, s, "https://c.example/feed")}
	upsert(t, s, feeds[0].ID, story("k0", "Aleppo convoy", base))
	id := idByKey(t, s, "k0")
	// The transactions begun when the star has the lock: counted there,
	// not when the calls return, which a loaded machine may reorder.
	groupsAtStar := make(chan int64, 1)
	defer func(f func(*SQLite)) { ownLocked = f }(ownLocked)
	ownLocked = func(s *SQLite) { groupsAtStar <- s.groups.Load() }

	if err := s.lockWrite(ctx); err != nil { // the write in progress
		t.Fatal(err)
	}
	errs := make(chan error, len(feeds)+1)
	for i, f := range feeds {
		go func() {
			_, err := s.UpsertStories(ctx, f.ID, []model.Story{story(fmt.Sprintf("q%d", i), "Goma", base)}, []string{fmt.Sprint("h", i)})
			errs <- err
		}()
	}
	waitFor(t, "the saves to queue", func() bool {
		s.pendMu.Lock()
		defer s.pendMu.Unlock()
		return len(s.pending) == len(feeds)
	})
	go func() { errs <- s.SetTriage(ctx, id, model.Triage{Starred: true}) }()
	waitFor(t, "the star to wait", func() bool {
		s.holdMu.Lock()
		defer s.holdMu.Unlock()
		return s.holders == 1
	})
	time.Sleep(20 * time.Millisecond) // from the hold to the lock's queue
	before := s.groups.Load()
	s.unlockWrite()
	for range len(feeds) + 1 {
		select {
		case err := <-errs:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("writes still waiting after the lock was freed")
		}
	}
	if at := <-groupsAtStar; at != before {
		t.Errorf("%d group transactions ran before the star took the lock, want none", at-before)
	}
	if st, err := s.Story(ctx, id); err != nil || !st.Starred {
		t.Errorf("star: %+v, %v", st.Triage, err)
	}
}

// waitFor polls cond until it holds, failing the test after 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

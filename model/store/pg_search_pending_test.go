package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sitrep/model"
)

// TestSearchBurst: a burst's first pgSearchInline new stories are indexed
// as saved and the rest wait; a pause ends the burst; the vectors that
// waited too long while saves go on are due; a write that left none
// waiting clears that.
func TestSearchBurst(t *testing.T) {
	if pgSearchBatch <= pgSearchCatchUpMax {
		t.Fatalf("a search's one batch (%d) must take the %d waiting it makes", pgSearchBatch, pgSearchCatchUpMax)
	}
	var b pgSearchBurst
	t0 := time.Unix(1000, 0)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	steps := []struct {
		n        int
		at       int
		deferred bool
	}{
		{300, 0, false},
		{199, 10, false},
		{1, 20, false},    // the 500th: still inline
		{50, 30, true},    // past pgSearchInline
		{50, 40, true},    // still the burst
		{50, 1000, true},  // a pause shorter than pgBurstPause
		{50, 3100, false}, // after a pause of pgBurstPause: a new burst
	}
	for i, s := range steps {
		if got := b.deferring(s.n, at(s.at)); got != s.deferred {
			t.Fatalf("step %d (%d stories at %d ms): deferring %v, want %v", i, s.n, s.at, got, s.deferred)
		}
	}
	if b.overdue(at(30).Add(pgSearchMaxLag - time.Millisecond)) {
		t.Error("overdue before pgSearchMaxLag")
	}
	if !b.overdue(at(30).Add(pgSearchMaxLag)) {
		t.Error("not overdue after pgSearchMaxLag")
	}
	b.wrote(false, at(6000)) // a batch made, more wait: they wait from now
	if b.overdue(at(6000).Add(pgSearchMaxLag/2)) || !b.overdue(at(6000).Add(pgSearchMaxLag)) {
		t.Error("after a batch that left some waiting, the lag does not count from the batch")
	}
	b.wrote(true, at(7000))
	if b.overdue(at(7000).Add(time.Hour)) {
		t.Error("overdue with none waiting")
	}
}

// TestPGVectorsWaitInABurst: on PostgreSQL the stories of a large poll past
// its first 500 wait for their search vectors; a search that finds many
// waiting does not wait for them, one that finds few makes them first;
// CatchUp and the writer make them all, from a waiting story's text as it
// is when they do; a story saved after a pause is searchable at once.
func TestPGVectorsWaitInABurst(t *testing.T) {
	s, p := openPGWithoutWriter(t) // this test says when the vectors are made
	waiting := func() int {
		t.Helper()
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM search_pending`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	found := func(q string) int {
		t.Helper()
		n, err := s.QueueLen(ctx, model.Filter{View: model.ViewAll, Search: q})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	saveBurst := func(feeds, each int, prefix string) {
		t.Helper()
		for i := range feeds {
			f := addFeed(t, s, fmt.Sprintf("https://%s%d.example/feed", prefix, i))
			batch := make([]model.Story, each)
			for j := range batch {
				batch[j] = story(fmt.Sprintf("%s-%d-%d", prefix, i, j), "Convoy reaches Madaya", base.Add(time.Duration(i*each+j)*time.Minute))
			}
			upsert(t, s, f.ID, batch...)
		}
	}

	// 800 stories in 16 saves: the last 300 wait, more than a search makes.
	saveBurst(16, 50, "a")
	if w := waiting(); w != 300 {
		t.Fatalf("after a burst of 800: %d stories wait for vectors, want 300", w)
	}
	if n := found("madaya"); n != 500 {
		t.Errorf("during the burst madaya finds %d stories, want the 500 indexed", n)
	}
	// A waiting story changed meanwhile is indexed from its new title.
	changed := story("a-15-49", "Zebra convoy", base.Add(799*time.Minute))
	f15 := idByKey(t, s, "a-15-49")
	st, err := s.Story(ctx, f15)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpsertStories(ctx, st.FeedID, []model.Story{changed}, []string{"changed"}); err != nil {
		t.Fatal(err)
	}
	// The changed story's rows were written with the change.
	if n, err := p.CatchUp(ctx); err != nil || n != 799 {
		t.Fatalf("CatchUp: %d stories' rows, %v; want 799", n, err)
	}
	if w, n, z := waiting(), found("madaya"), found("zebra"); w != 0 || n != 799 || z != 1 {
		t.Errorf("after CatchUp: %d wait, madaya finds %d, zebra %d; want 0, 799 and 1", w, n, z)
	}

	// After a pause a few stories are indexed as saved.
	time.Sleep(pgBurstPause)
	saveBurst(1, 3, "b")
	if w, n := waiting(), found("madaya"); w != 0 || n != 802 {
		t.Errorf("a save after a pause: %d wait, madaya finds %d; want 0 and 802", w, n)
	}

	// 550 more in one burst: the 50 waiting are few enough for a search
	// to make them first (pgSearchCatchUpMax).
	time.Sleep(pgBurstPause)
	saveBurst(11, 50, "c")
	if w := waiting(); w != 50 || w > pgSearchCatchUpMax {
		t.Fatalf("after a burst of 550: %d wait, want 50, no more than a search makes (%d)", w, pgSearchCatchUpMax)
	}
	if n, w := found("madaya"), waiting(); n != 1352 || w != 0 {
		t.Errorf("a search with 50 waiting: madaya finds %d, %d still wait; want 1352 and 0", n, w)
	}
}

// TestPGVectorWriterAfterTheBurst: the background writer makes the waiting
// vectors once the saves pause, without a search or CatchUp, and tells
// open readers when it has made them all.
func TestPGVectorWriterAfterTheBurst(t *testing.T) {
	s := openPGStore(t)
	heard, err := s.Store.(*Postgres).Listen(ctx, ChanStories)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		f := addFeed(t, s, fmt.Sprintf("https://w%d.example/feed", i))
		batch := make([]model.Story, 50)
		for j := range batch {
			batch[j] = story(fmt.Sprintf("w-%d-%d", i, j), "Convoy reaches Madaya", base.Add(time.Duration(i*50+j)*time.Minute))
		}
		upsert(t, s, f.ID, batch...)
	}
	waitForCounts(t, s, `SELECT (SELECT COUNT(*) FROM search_pending), (SELECT COUNT(*) FROM story_search)`,
		[2]int{0, 600}, 20*time.Second, "stories wait, indexed")
	timeout := time.After(5 * time.Second)
	for {
		select {
		case n := <-heard:
			if n.Payload == "0" {
				return
			}
		case <-timeout:
			t.Fatal("no notification that the burst's stories became searchable")
		}
	}
}

// TestSearchBacklog: after a search found a burst's backlog, searches take
// it as still there for pgBacklogRecheck, then ask again.
func TestSearchBacklog(t *testing.T) {
	var b pgBacklog
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	if b.recent(now) {
		t.Fatal("a backlog no search has seen is taken as there")
	}
	b.saw(now)
	for _, c := range []struct {
		after time.Duration
		want  bool
	}{{0, true}, {pgBacklogRecheck / 2, true}, {pgBacklogRecheck, false}, {time.Minute, false}} {
		if got := b.recent(now.Add(c.after)); got != c.want {
			t.Errorf("%v after it was seen: recent %v, want %v", c.after, got, c.want)
		}
	}
}

// TestPGSearchLeavesVectorsBeingMade: a search that finds few vectors
// waiting makes them, but not those another process's batch is making:
// it does not wait for that batch (a search waited up to 90 ms for one
// during a polling round), and finds the story once the batch is done.
func TestPGSearchLeavesVectorsBeingMade(t *testing.T) {
	s, p := openPGWithoutWriter(t)
	f := addFeed(t, s, "https://locked.example/feed")
	upsert(t, s, f.ID, story("made", "Convoy reaches Madaya", base), story("waits", "Convoy leaves Madaya", base.Add(time.Minute)))
	id := idByKey(t, s, "waits")
	if _, err := p.db.ExecContext(ctx, `DELETE FROM story_search WHERE story_id = ?`, id); err != nil {
		t.Fatal(err)
	}
	if _, err := p.db.ExecContext(ctx, `INSERT INTO search_pending (story_id) VALUES (?)`, id); err != nil {
		t.Fatal(err)
	}
	other, err := p.db.BeginTx(ctx, nil) // another process's batch holds the waiting story
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	if _, err := other.ExecContext(ctx, `SELECT story_id FROM search_pending FOR UPDATE`); err != nil {
		t.Fatal(err)
	}
	search := func() (int, error) {
		c, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		hs, err := s.Queue(c, model.Filter{View: model.ViewAll, Search: "madaya"}, 0, 10)
		return len(hs), err
	}
	if n, err := search(); err != nil || n != 1 {
		t.Fatalf("searched while another batch makes the waiting vector: %d stories, %v; want the 1 indexed, at once", n, err)
	}
	if err := other.Rollback(); err != nil {
		t.Fatal(err)
	}
	if n, err := search(); err != nil || n != 2 {
		t.Errorf("searched after that batch: %d stories, %v; want 2", n, err)
	}
}

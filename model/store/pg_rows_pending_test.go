package store

import (
	"fmt"
	"testing"
	"time"

	"sitrep/model"
)

// TestPGRowsWait: on PostgreSQL a new story's quote and figure rows wait
// in rows_pending while the story pane reads its JSON; speaker: writes
// them first; a story changed while it waits gets its rows once, from its
// new text.
func TestPGRowsWait(t *testing.T) {
	s, p := openPGWithoutWriter(t) // this test says when the rows are written
	count := func(q string) int {
		t.Helper()
		var n int
		if err := s.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	f := addFeed(t, s, "https://a.example/feed")
	st := story("x", "Aleppo truce", base)
	upsert(t, s, f.ID, st)
	if w, r := count(`SELECT COUNT(*) FROM rows_pending`), count(`SELECT COUNT(*) FROM quotes`); w != 1 || r != 0 {
		t.Fatalf("after saving: %d waiting, %d quote rows; want 1 and 0", w, r)
	}
	got, err := s.Story(ctx, idByKey(t, s, "x"))
	if err != nil || len(got.Quotes) != 1 || len(got.Stats) != 1 {
		t.Fatalf("story pane while waiting: %d quotes, %d figures, %v", len(got.Quotes), len(got.Stats), err)
	}
	// Changed while it waits: the rows are written with the change.
	st.Stats[0].Value = 12
	if _, err := s.UpsertStories(ctx, f.ID, []model.Story{st}, []string{"changed"}); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, s, model.Filter{Search: "speaker:Bremmer"}); len(got) != 1 {
		t.Errorf("speaker:Bremmer found %v", got)
	}
	if w, fig, twelve := count(`SELECT COUNT(*) FROM rows_pending`), count(`SELECT COUNT(*) FROM figures`),
		count(`SELECT COUNT(*) FROM figures WHERE value = 12`); w != 0 || fig != 1 || twelve != 1 {
		t.Errorf("after the change and a search: %d waiting, %d figure rows, %d of 12; want 0, 1 and 1", w, fig, twelve)
	}
	// A new story waits again; a count of words and speaker: writes its
	// rows, and so does the Speakers view.
	upsert(t, s, f.ID, story("y", "Madaya convoy", base))
	if n, err := s.QueueLen(ctx, model.Filter{Search: "madaya speaker:Bremmer"}); n != 1 || err != nil {
		t.Errorf("madaya speaker:Bremmer counts %d, %v; want 1", n, err)
	}
	upsert(t, s, f.ID, story("z", "Homs siege", base))
	sp, err := p.Speakers(ctx, model.Filter{View: model.ViewAll}, 0)
	if err != nil || len(sp) != 1 || sp[0].Quotes != 3 {
		t.Errorf("Speakers = %+v, %v; want Ian Bremmer with 3 quotes", sp, err)
	}
}

// TestPGRowsWriterRunsWhenIdle: with nobody reading, the rows of saved
// stories are written once the saves pause.
func TestPGRowsWriterRunsWhenIdle(t *testing.T) {
	s := openPGStore(t)
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "Aleppo truce", base), story("y", "Madaya convoy", base))
	waitForCounts(t, s, waitingAndQuotes,
		[2]int{0, 2}, 10*time.Second, "stories wait, quote rows")
}

// waitForCounts asks query for two counts until they are want, and fails
// the test with them (what names them) if within passes first.
func waitForCounts(t *testing.T, s *testStore, query string, want [2]int, within time.Duration, what string) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		var got [2]int
		if err := s.db.QueryRowContext(ctx, query).Scan(&got[0], &got[1]); err != nil {
			t.Fatal(err)
		}
		if got == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %v %s; want %v", within, got, what, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestPGReaderWaitsForAnothersSaves: a process that does not save (a
// reader) leaves the rows another process's saves defer to that process
// while it goes on saving, and writes what is left once the saves stop.
func TestPGReaderWaitsForAnothersSaves(t *testing.T) {
	poller := openPGStore(t)
	f := addFeed(t, poller, "https://a.example/feed")
	upsert(t, poller, f.ID, story("k0", "Aleppo truce", base))
	reader := poller.as(t, "ana") // its writer wakes at open, for rows left waiting
	saves := 0
	for start := time.Now(); time.Since(start) < 3*pgBurstPause; saves++ {
		upsert(t, poller, f.ID, story(fmt.Sprintf("k%d", saves+1), "Aleppo truce", base))
		var quotes int
		if err := reader.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM quotes`).Scan(&quotes); err != nil {
			t.Fatal(err)
		}
		if quotes > 0 {
			t.Fatalf("after %v of saves, %d quote rows were written while the saves went on", time.Since(start).Round(time.Millisecond), quotes)
		}
		time.Sleep(pgBurstPause / 8)
	}
	poller.Close() // the saver stops: its writer with it
	waitForCounts(t, reader, waitingAndQuotes,
		[2]int{0, saves + 1}, 4*pgBurstPause+5*time.Second, "stories wait, quote rows")
}

// TestPGOneWriterAtATime: a background writer leaves the waiting rows while
// another session holds pgWriterLock (another process's writer at work),
// and writes them once it is released.
func TestPGOneWriterAtATime(t *testing.T) {
	s := openPGStore(t)
	other := s.as(t, "ana")
	conn, err := other.Store.(*Postgres).db.DB.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, pgWriterLock); err != nil {
		t.Fatal(err)
	}
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "Aleppo truce", base), story("y", "Madaya convoy", base))
	time.Sleep(3 * pgBurstPause) // the saves have paused: the writer would have written them
	waitForCounts(t, s, waitingAndQuotes,
		[2]int{2, 0}, time.Second, "stories wait, quote rows, with another writer at work")
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_unlock($1)`, pgWriterLock); err != nil {
		t.Fatal(err)
	}
	waitForCounts(t, s, waitingAndQuotes,
		[2]int{0, 2}, 3*pgBurstPause, "stories wait, quote rows, once it was done")
}

// openPGWithoutWriter opens a PostgreSQL test store whose background writer
// is stopped, for a test that says itself when waiting work is done.
func openPGWithoutWriter(t *testing.T) (*testStore, *Postgres) {
	t.Helper()
	s := openPGStore(t)
	p := s.Store.(*Postgres)
	p.rows.close()
	return s, p
}

// waitingAndQuotes counts the stories waiting for their rows and the quote
// rows written, for waitForCounts.
const waitingAndQuotes = `SELECT (SELECT COUNT(*) FROM rows_pending), (SELECT COUNT(*) FROM quotes)`

package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"sitrep/model"
)

// PostgreSQL's quote and figure rows are written after their stories, as
// SQLite's are (index_pending.go): a new story waits in rows_pending, and
// its rows are made from the JSON its story_texts row keeps, a thousand
// stories a statement. With the rows, each story of a polling round made
// about a dozen rows and thirty B-tree insertions, most of PostgreSQL's
// work in the round. The story pane reads the JSON, so it never waits;
// speaker:, cat: and the views across stories write the waiting rows
// first (pgRowsCaughtUp). Any process may write them: a batch is taken
// with FOR UPDATE SKIP LOCKED, so two never take the same stories.

// pgRowsBatch is how many stories one statement writes the rows of.
const pgRowsBatch = 1000

// pgRowsSQL takes up to ? waiting stories off rows_pending and writes
// their quote and figure rows; it returns how many stories it took.
// skipLocked leaves the stories another process is writing to it.
func pgRowsSQL(skipLocked bool) string {
	return `WITH batch AS (DELETE FROM rows_pending WHERE story_id IN (
			SELECT story_id FROM rows_pending ORDER BY story_id LIMIT ? ` + pgBatchLock("", skipLocked) + `) RETURNING story_id),
		t AS (SELECT t.story_id AS id, t.quotes, t.stats FROM batch b JOIN story_texts t ON t.story_id = b.story_id),
		q AS (` + pgQuoteCols + ` SELECT t.id, ` + pgQuoteRow + `
			FROM t CROSS JOIN LATERAL jsonb_array_elements(CAST(t.quotes AS jsonb))` + pgElements + `),
		f AS (` + pgFigureCols + ` SELECT t.id, ` + pgFigureRow + `
			FROM t CROSS JOIN LATERAL jsonb_array_elements(CAST(t.stats AS jsonb))` + pgElements + `)
		SELECT COUNT(*) FROM batch`
}

// pgWriteRows writes the rows of one batch of waiting stories. Whether
// any wait is asked first, outside a transaction: the batch's transaction
// costs three round trips, a transaction that locks a row moves the
// version under which readers remember their searches' counts
// (pgSnapshotVersion), and most calls (each speaker search, each pause in
// the saves) find nothing waiting.
func (p *Postgres) pgWriteRows(ctx context.Context, skipLocked bool) (int, error) {
	if some, err := p.pgAnyWaiting(ctx, "rows_pending"); err != nil || !some {
		return 0, err
	}
	var n int
	err := p.db.write(ctx, func(tx pgTx) error {
		return tx.QueryRowContext(ctx, pgRowsSQL(skipLocked), pgRowsBatch).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("store: quote and figure rows: %w", err)
	}
	return n, nil
}

// CatchUp makes the search vectors and writes the rows of every waiting
// story and says how many stories waited for their rows, as SQLite's does.
func (p *Postgres) CatchUp(ctx context.Context) (int, error) {
	if _, err := p.pgVectorsCaughtUp(ctx); err != nil {
		return 0, err
	}
	return p.pgRowsCaughtUp(ctx)
}

// pgAnyWaiting reports whether a queue of waiting stories (rows_pending,
// search_pending) holds any.
func (p *Postgres) pgAnyWaiting(ctx context.Context, table string) (bool, error) {
	var some bool
	err := p.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+table+`)`).Scan(&some)
	return some, err
}

// pgRowsCaughtUp writes the rows of every waiting story, waiting for the
// batches other processes are writing, and says how many it wrote.
func (p *Postgres) pgRowsCaughtUp(ctx context.Context) (int, error) {
	return allBatches(ctx, p.pgWriteRows)
}

// pgAnyWaitingAtAll reports whether any story waits for its vector or its
// rows, in one query.
func (p *Postgres) pgAnyWaitingAtAll(ctx context.Context) (bool, error) {
	var some bool
	err := p.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM search_pending) OR EXISTS (SELECT 1 FROM rows_pending)`).Scan(&some)
	return some, err
}

// pgBatchLock is the locking clause of a batch's SELECT: FOR UPDATE (of
// the waiting queue's rows, of), skipping rows another process's batch
// holds when skipLocked.
func pgBatchLock(of string, skipLocked bool) string {
	lock := `FOR UPDATE`
	if of != "" {
		lock += ` OF ` + of
	}
	if skipLocked {
		lock += ` SKIP LOCKED`
	}
	return lock
}

// allBatches runs batch (pgWriteRows, pgWriteVectors) until it finds
// nothing waiting, waiting for the batches other processes hold, and says
// how many stories it did.
func allBatches(ctx context.Context, batch func(ctx context.Context, skipLocked bool) (int, error)) (int, error) {
	total := 0
	for {
		n, err := batch(ctx, false)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// pgRowsReady writes the waiting rows when f's search reads them (speaker:,
// cat:).
func (p *Postgres) pgRowsReady(ctx context.Context, f model.Filter) error {
	if needsRows(f) {
		_, err := p.pgRowsCaughtUp(ctx)
		return err
	}
	return nil
}

// pgRowsWriter writes the waiting rows in the background once this
// process's saves have paused for pgBurstPause (SQLite's indexer waits
// indexIdle).
type pgRowsWriter struct {
	*worker
	saves chan struct{} // a save happened (non-blocking sends)
}

func (p *Postgres) startRowsWriter() {
	w := &pgRowsWriter{saves: make(chan struct{}, 1)}
	w.worker = startWorker(func(ctx context.Context) { p.writeRowsWhenIdle(ctx, w) })
	p.rows = w
	w.wake() // rows left waiting by a process that stopped
}

// writeRowsWhenIdle waits for a pause in the saves, then makes batch after
// batch of search vectors and then of rows until none waits or the saves
// start again. While the saves go on, it makes a batch of vectors each
// time they have waited pgSearchMaxLag. It also waits while another
// process saves (othersSaving).
func (p *Postgres) writeRowsWhenIdle(ctx context.Context, w *pgRowsWriter) {
	var seen othersSaving
	for {
		if !w.sleep(pgBurstPause) {
			return
		}
		select {
		case <-w.saves: // saved meanwhile: still saving
			if p.burst.overdue(time.Now()) {
				p.pgWriteVectors(ctx, true) // an error leaves them to the next try
			}
			seen.check(ctx, p) // this process's own stories are not another's saves
			continue
		default:
		}
		// Most wakes (a reader's open, a pause in a few saves) find nothing
		// waiting: asked first, before the other processes' saves and the
		// lock.
		if some, err := p.pgAnyWaitingAtAll(ctx); err != nil || !some {
			return
		}
		busy, err := seen.check(ctx, p)
		if err != nil {
			return // left to the next save or read
		}
		if busy {
			continue
		}
		release, alone, err := p.lockWriter(ctx)
		if err != nil {
			return // left to the next save or read
		}
		if !alone {
			continue // another process's writer is at it
		}
		n, err := p.pgWriteVectors(ctx, true)
		if err == nil && n == 0 {
			n, err = p.pgWriteRows(ctx, true)
		}
		release()
		if err != nil || n == 0 {
			return // an error leaves them to the next save or read
		}
	}
}

// pgWriterLock is the advisory lock a background writer holds for each
// batch, so that one process at a time makes the work a round deferred.
// When a team poller's round ended, every open reader's writer started on
// it at once beside the poller's: ten of them made the readers' p99 after
// the round 43-50 ms (23-26 ms with one writer at a time), and 692 ms with
// the readers mostly idle (120 ms).
const pgWriterLock = 7123400012

// lockWriter takes pgWriterLock if no other session holds it, on a
// connection it keeps until release. alone is false, and release a no-op,
// when another holds it.
func (p *Postgres) lockWriter(ctx context.Context) (release func(), alone bool, err error) {
	conn, err := p.db.DB.Conn(ctx)
	if err != nil {
		return func() {}, false, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1)`, pgWriterLock).Scan(&alone); err != nil || !alone {
		conn.Close()
		return func() {}, false, err
	}
	return func() {
		if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, pgWriterLock); err != nil {
			// Not back to the pool holding the lock: closed instead.
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}, true, nil
}

// othersSaving tells a writer whether another process has saved new
// stories since its last look, by the newest story's id. A process that
// does not save (a reader) wakes its writer when it opens, for what a
// stopped process left waiting; during a team poller's round it found the
// round's deferred vectors and rows waiting and made them, in every reader
// at once. With ten readers open, most of them idle, the round took
// 16.6-19.1 s instead of 11.0 s with one. The poller's own writer makes
// them when its saves pause; the others wait for that.
type othersSaving struct {
	newest int64
	looked bool
}

// check reads the newest story's id and reports whether it moved since the
// last check; the first check counts as a move, so a writer that has not
// looked yet waits one pause to see whether saves are going on. A writer
// whose own process saved looks again then, so its next check sees only
// the others' saves.
func (o *othersSaving) check(ctx context.Context, p *Postgres) (bool, error) {
	var id int64
	if err := p.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM stories`).Scan(&id); err != nil {
		return false, err
	}
	moved := !o.looked || id != o.newest
	o.newest, o.looked = id, true
	return moved, nil
}

// saved tells the writer stories were saved.
func (w *pgRowsWriter) saved() {
	if w == nil {
		return
	}
	select {
	case w.saves <- struct{}{}:
	default:
	}
	w.wake()
}

// close stops the writer; nil has none.
func (w *pgRowsWriter) close() {
	if w != nil {
		w.worker.close()
	}
}

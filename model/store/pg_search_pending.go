package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"sitrep/model"
)

// In a burst of saves (a first poll of many feeds), PostgreSQL's search
// vectors wait for the saves to pause (pgBurstPause), as SQLite's search entries do
// (index_pending.go): past the first pgSearchInline stories of a burst, a
// new story waits in search_pending and the rows writer (pg_rows_pending.go)
// makes its vector when the saves pause. Building a vector and its index
// entries took about a third of the server's work for a new story: in the
// load test (1,000,000 stories, one reader, a first round of 1,000 × 50
// on two cores) the round took 16.5-18.7 s with the vectors and 11.1-12.6
// s without. Between bursts (a few stories a poll) every story is
// searchable as it is saved.
//
// While vectors wait, a search finds the stories whose vectors are made; a
// search that finds few waiting (pgSearchCatchUpMax) makes them first, and
// the writer makes the oldest even while the saves go on once they have
// waited pgSearchMaxLag, so a poller that never pauses still indexes.

const (
	// pgSearchInline is how many new stories of a burst get their vectors
	// as they are saved.
	pgSearchInline = 500
	// pgSearchBatch is how many vectors one statement of the writer makes.
	pgSearchBatch = 500
	// pgSearchCatchUpMax is how many waiting vectors a search makes first
	// (about 100 µs each) rather than miss their stories. At 200, the
	// searches that made them during and after a polling round with ten
	// readers took 50-120 ms each, the slowest 1% of the searches.
	pgSearchCatchUpMax = 50
	// pgSearchMaxLag is how long vectors wait at most while saves go on.
	pgSearchMaxLag = 5 * time.Second
	// pgBurstPause is the pause in this process's saves that ends a burst
	// and lets the rows writer start. SQLite's indexer waits indexIdle
	// (0.3 s); with ten readers on the server a polling round's saves
	// paused that long often, and each pause brought 500 vectors and a
	// batch of rows back into the round. Nothing waits on it between
	// bursts: a story is indexed as it is saved, and a read that needs
	// its rows writes them first.
	pgBurstPause = 2 * time.Second
)

// pgSearchBurst follows this process's saves: how many new stories the
// current burst has brought, and since when vectors wait.
type pgSearchBurst struct {
	mu       sync.Mutex
	saved    int       // new stories of the current burst
	lastSave time.Time // a pause of pgBurstPause ends a burst
	waiting  time.Time // when this process first left a vector waiting; zero if none
}

// deferring reports whether the vectors of n new stories saved at now
// wait: when the burst had brought pgSearchInline stories before them.
func (b *pgSearchBurst) deferring(n int, now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if now.Sub(b.lastSave) >= pgBurstPause {
		b.saved = 0
	}
	b.lastSave = now
	late := b.saved >= pgSearchInline
	b.saved += n
	if late && b.waiting.IsZero() {
		b.waiting = now
	}
	return late
}

// overdue reports whether vectors this process left have waited
// pgSearchMaxLag; the writer then makes a batch even while saves go on.
func (b *pgSearchBurst) overdue(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.waiting.IsZero() && now.Sub(b.waiting) >= pgSearchMaxLag
}

// wrote records a batch of vectors made at now: none wait any more
// (caughtUp), or the rest have waited from now on.
func (b *pgSearchBurst) wrote(caughtUp bool, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if caughtUp {
		b.waiting = time.Time{}
	} else if !b.waiting.IsZero() {
		b.waiting = now
	}
}

// pgNewStoriesDeferredSQL is pgNewStoriesSQL for stories whose vectors
// wait: their ids go to search_pending (ids, bodies, quotes, stats).
const pgNewStoriesDeferredSQL = `WITH u AS (SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
		CAST(? AS text[])) AS u(id, body, quotes, stats)),
	text AS (INSERT INTO story_texts (story_id, body, quotes, stats) SELECT id, body, quotes, stats FROM u),
	search AS (INSERT INTO search_pending (story_id) SELECT id FROM u)
	INSERT INTO rows_pending (story_id) SELECT id FROM u`

// pgVectorsSQL makes the vectors of a batch of waiting stories (ids,
// titles and bodies made ready by pgSearchText) and takes them off
// search_pending. A story changed while it waited is read as it is now.
var pgVectorsSQL = `WITH u AS (SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[])) AS u(id, stitle, sbody)),
	made AS (INSERT INTO story_search (story_id, search) SELECT id, ` + pgTSVectorOf("stitle", "sbody") + ` FROM u
		ON CONFLICT (story_id) DO UPDATE SET search = EXCLUDED.search)
	DELETE FROM search_pending WHERE story_id IN (SELECT id FROM u)`

// pgWriteVectors makes the vectors of one batch of waiting stories and
// says how many; skipLocked leaves those another process is making to it.
// Whether any wait is asked first, outside a transaction (see pgWriteRows).
func (p *Postgres) pgWriteVectors(ctx context.Context, skipLocked bool) (int, error) {
	some, err := p.pgAnyWaiting(ctx, "search_pending")
	if err != nil {
		return 0, err
	}
	if !some {
		p.burst.wrote(true, time.Now())
		return 0, nil
	}
	var n int
	err = p.db.write(ctx, func(tx pgTx) error {
		rows, err := tx.QueryContext(ctx, `SELECT w.story_id, s.title, t.body FROM search_pending w
			JOIN stories s ON s.id = w.story_id JOIN story_texts t ON t.story_id = w.story_id
			ORDER BY w.story_id LIMIT ? `+pgBatchLock("w", skipLocked), pgSearchBatch)
		if err != nil {
			return err
		}
		var ids []int64
		var titles, bodies []string
		for rows.Next() {
			var id int64
			var title, body string
			if err := rows.Scan(&id, &title, &body); err != nil {
				rows.Close()
				return err
			}
			ids, titles, bodies = append(ids, id), append(titles, pgSearchText(title)), append(bodies, pgSearchText(body))
		}
		if err := rows.Close(); err != nil {
			return err
		}
		n = len(ids)
		if n == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, pgVectorsSQL, ids, titles, bodies); err != nil {
			return err
		}
		if n < pgSearchBatch {
			// The last batch: open readers search again and find them
			// all. Not at every batch, which would have every reader
			// read its queue again a hundred times after a first round.
			return pgNotifyTx(ctx, tx, ChanStories, "0")
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: search vectors: %w", err)
	}
	p.burst.wrote(n < pgSearchBatch, time.Now())
	return n, nil
}

// pgVectorsCaughtUp makes every waiting vector, waiting for the batches
// other processes are making, and says how many it made.
func (p *Postgres) pgVectorsCaughtUp(ctx context.Context) (int, error) {
	return allBatches(ctx, p.pgWriteVectors)
}

// pgSearchReady does before a read of filter f what its search needs of
// the work left waiting: the quote and figure rows, the vectors.
func (p *Postgres) pgSearchReady(ctx context.Context, f model.Filter) error {
	if err := p.pgRowsReady(ctx, f); err != nil {
		return err
	}
	return p.pgVectorsReady(ctx, f)
}

// pgVectorsReady makes the waiting vectors before a search of words when
// few wait; when more do (a burst being saved), the search finds the
// stories already indexed rather than keep its reader waiting.
func (p *Postgres) pgVectorsReady(ctx context.Context, f model.Filter) error {
	if pgFilterQuery(f) == "" || p.backlog.recent(time.Now()) {
		return nil
	}
	var waiting int
	if err := p.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM search_pending LIMIT ?) w`,
		pgSearchCatchUpMax+1).Scan(&waiting); err != nil {
		return fmt.Errorf("store: search: %w", err)
	}
	switch {
	case waiting > pgSearchCatchUpMax:
		p.backlog.saw(time.Now())
		return nil
	case waiting == 0:
		return nil
	}
	// One batch takes them all (pgSearchBatch > pgSearchCatchUpMax): not
	// a loop until none waits, which during a burst would make every
	// vector the poller leaves while the reader waits. Those another
	// process is making are left to it, not waited for (a search waited up
	// to 90 ms for a writer's batch): they are searchable when it commits,
	// and its last batch tells the open readers to search again.
	_, err := p.pgWriteVectors(ctx, true)
	return err
}

// pgBacklogRecheck is how long searches take a burst's backlog of vectors
// as still there without asking. During a polling round tens of thousands
// wait and none is made for a search, so asking again at each search was
// a round trip for nothing, taken while every round trip waits for a
// processor. A backlog that falls under pgSearchCatchUpMax is seen at most
// this late.
const pgBacklogRecheck = time.Second

// pgBacklog is when a search last found more vectors waiting than it
// makes itself.
type pgBacklog struct{ seen atomic.Int64 } // Unix nanoseconds; 0: never

func (b *pgBacklog) saw(now time.Time) { b.seen.Store(now.UnixNano()) }

func (b *pgBacklog) recent(now time.Time) bool {
	seen := b.seen.Load()
	return seen != 0 && now.Sub(time.Unix(0, seen)) < pgBacklogRecheck
}

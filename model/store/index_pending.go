package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// What is indexed when. Saving a story writes what the queue and the story
// pane need: the story, its text, and its highlights packed in one small
// record (highlights_pack.go). Its search index entry and its quote and
// figure rows are written later by the indexer, a thousand stories at a
// time: the story waits in search_pending for the one and in index_pending
// for the others. Written with each feed's stories, the rows were half of
// the writer's time in a first polling round of 1,000 feeds x 50 items
// (12.9 s, 6.1 s without them; a group of 150 stories touched a thousand
// pages of the figures' (category, value) index, all written again at every
// commit), and the search entries another 2 s.
//
// The indexer runs once the writer has been idle for indexIdle, or at once
// when more than indexBacklog stories wait. A read never misses a story: a
// search first writes the search entries of the stories that wait
// (searchCaughtUp, about a third of the indexer's work per story), and
// speaker:, cat: and the views across stories also their rows (caughtUp).
// The story pane and the cluster claims read a waiting story's packed
// record instead.

// indexPendingSchema is migration 12.
var indexPendingSchema = []string{
	`CREATE TABLE search_pending (
		story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE
	)`,
	`CREATE TABLE index_pending (
		story_id   INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
		highlights BLOB NOT NULL -- packHighlights
	)`,
}

const (
	// indexBatch is how many stories one indexing transaction takes: big
	// enough that each index page is written once for many rows, small
	// enough that a star waiting for the write lock waits a few tenths of
	// a second at most.
	indexBatch = 1000
	// indexIdle is how long the writer must have been idle before the
	// indexer starts: a polling round's saves come tens of milliseconds
	// apart, so the rows wait for the end of the round.
	indexIdle = 300 * time.Millisecond
	// indexBacklog is how many waiting stories make the indexer run even
	// while the poller writes. It bounds what a read may have to write
	// first: for 60,000 stories, some seconds of search entries, several
	// times that of rows (20,000 stories of 4 KB: 1.7 s and 5.4 s here).
	indexBacklog = 60000
)

// indexer is the background goroutine that writes the waiting rows.
type indexer struct {
	*worker
	backlog atomic.Int64 // stories this process saved that wait, roughly
}

func (s *SQLite) startIndexer() {
	s.ix = &indexer{worker: startWorker(s.indexWhenIdle)}
	s.ix.wake() // stories left waiting by a process that has stopped
}

// saved counts n more stories waiting and wakes the indexer.
func (ix *indexer) saved(n int) {
	if ix == nil || n == 0 {
		return
	}
	ix.backlog.Add(int64(n))
	ix.wake()
}

// close stops the indexer; nil (an in-memory database) has none.
func (ix *indexer) close() {
	if ix != nil {
		ix.worker.close()
	}
}

// indexWhenIdle indexes batch after batch while the writer stays idle for
// indexIdle between them, or while the backlog is large.
func (s *SQLite) indexWhenIdle(ctx context.Context) {
	for {
		before := s.groups.Load()
		if !s.ix.sleep(indexIdle) {
			return
		}
		if s.groups.Load() != before && s.ix.backlog.Load() < indexBacklog {
			continue // the writer is busy: wait for a quiet moment
		}
		// Asked first without the write lock: at start, and after reads
		// have written what waited, there is nothing to do.
		if _, some, err := s.lastWaiting(ctx); err != nil || !some {
			return
		}
		n, err := s.indexSome(ctx, indexBatch, math.MaxInt64, true)
		if err != nil || n == 0 {
			// An error leaves the stories waiting: the next save wakes
			// the indexer again, and reads index them themselves.
			return
		}
	}
}

// lastWaiting is the newest story that waits for its search entry or its
// rows, and whether any does.
func (s *SQLite) lastWaiting(ctx context.Context) (int64, bool, error) {
	var last sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(m) FROM (SELECT MAX(story_id) AS m FROM search_pending
		UNION ALL SELECT MAX(story_id) FROM index_pending UNION ALL SELECT MAX(story_id) FROM cluster_pending)`).Scan(&last); err != nil {
		return 0, false, fmt.Errorf("store: index: %w", err)
	}
	return last.Int64, last.Valid, nil
}

// caughtUp writes the search entries and rows of every story waiting when
// it is called, for a read that needs the rows; searchCaughtUp only their
// search entries, for a search. Stories saved meanwhile (another process
// polling) are left to the indexer, so a read never chases a poller.
func (s *SQLite) caughtUp(ctx context.Context) error {
	_, err := s.catchUp(ctx, true)
	return err
}

func (s *SQLite) searchCaughtUp(ctx context.Context) error {
	_, err := s.catchUp(ctx, false)
	return err
}

// catchUp indexes the stories waiting when it is called (their rows too
// when rows) and says how many there were.
func (s *SQLite) catchUp(ctx context.Context, rows bool) (int, error) {
	last, some, err := s.lastWaiting(ctx)
	if err != nil || !some {
		return 0, err
	}
	total := 0
	for {
		n, err := s.indexSome(ctx, indexBatch, last, rows)
		total += n
		if err != nil || n == 0 {
			return total, err
		}
	}
}

// searchReady indexes what waits when f searches: the search entries, and
// the rows too for speaker: and cat:, negated or not.
func (s *SQLite) searchReady(ctx context.Context, f model.Filter) error {
	switch {
	case strings.TrimSpace(f.Search) == "":
		return nil
	case needsRows(f):
		return s.caughtUp(ctx)
	}
	return s.searchCaughtUp(ctx)
}

// needsRows says whether f's search reads the quote and figure rows
// (speaker:, cat:, negated or not), which both backends write after the
// story (this file, pg_rows_pending.go).
func needsRows(f model.Filter) bool {
	if strings.TrimSpace(f.Search) == "" {
		return false
	}
	for _, fl := range ParseSearch(f.Search).Fields {
		if fl.Name == "speaker" || fl.Name == "cat" {
			return true
		}
	}
	return false
}

// whereIndexed is where(f) once searchReady, and queueWhereIndexed
// queueWhere(f).
func (s *SQLite) whereIndexed(ctx context.Context, f model.Filter) (string, []any, error) {
	if err := s.searchReady(ctx, f); err != nil {
		return "", nil, err
	}
	return where(f)
}

func (s *SQLite) queueWhereIndexed(ctx context.Context, f model.Filter) (string, []any, error) {
	if err := s.searchReady(ctx, f); err != nil {
		return "", nil, err
	}
	return queueWhere(f)
}

// CatchUp indexes every story that waits and says how many there were: the
// benchmark's measure of the work a polling round left for later.
func (s *SQLite) CatchUp(ctx context.Context) (int, error) { return s.catchUp(ctx, true) }

// indexSome writes the search entries of up to limit waiting stories up to
// story id upto, oldest first, and with rows their quote and figure rows
// and their clusters too, in a transaction of its own on the writer's
// connection. It reports the largest of the counts.
func (s *SQLite) indexSome(ctx context.Context, limit int, upto int64, rows bool) (int, error) {
	if rows && s.clustersWait(ctx, s.db) {
		s.warmClusters(ctx) // seconds at a million stories: not in the lock
	}
	if err := s.lockBulk(ctx); err != nil {
		return 0, err
	}
	defer s.unlockWrite()
	tx, err := s.beginGroup(ctx)
	if err != nil {
		return 0, fmt.Errorf("store: index: %w", err)
	}
	var ct *clusterTx
	joined := 0
	n, err := indexSearch(ctx, tx, limit, upto)
	if err == nil && rows {
		var m int
		if m, err = indexPending(ctx, tx, limit, upto); err == nil {
			if s.ix != nil && s.ix.backlog.Add(-int64(m)) < 0 {
				s.ix.backlog.Store(0) // others' stories, indexed here
			}
			n = max(n, m)
		}
		if err == nil {
			var c int
			ct, c, joined, err = s.clusterWaiting(ctx, tx, limit, upto)
			n = max(n, c)
		}
	}
	if err == nil {
		err = tx.Commit()
	}
	if err != nil {
		tx.Rollback()
		return 0, fmt.Errorf("store: index: %w", err)
	}
	if ct != nil {
		ct.commit()
	}
	if joined > 0 {
		s.noteClustered()
	}
	return n, nil
}

// indexSearch writes the search entries of up to limit stories waiting in
// search_pending up to story id upto, oldest first, in one statement, so
// that FTS5 makes one segment of them, and takes them off the queue.
func indexSearch(ctx context.Context, tx *sql.Tx, limit int, upto int64) (int, error) {
	var last sql.NullInt64
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT MAX(story_id), COUNT(*) FROM (SELECT story_id FROM search_pending
		WHERE story_id <= ? ORDER BY story_id LIMIT ?)`, upto, limit).Scan(&last, &n); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_fts (rowid, title, body)
		SELECT s.id, s.title, COALESCE(t.body, '')
		FROM search_pending p JOIN stories s ON s.id = p.story_id LEFT JOIN story_texts t ON t.story_id = p.story_id
		WHERE p.story_id <= ? ORDER BY p.story_id`, last.Int64); err != nil {
		return 0, fmt.Errorf("search index: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_pending WHERE story_id <= ?`, last.Int64); err != nil {
		return 0, err
	}
	return n, nil
}

// indexPending writes the quote and figure rows of up to limit waiting
// stories up to story id upto, oldest first, in tx, and takes them off the
// queue.
func indexPending(ctx context.Context, tx *sql.Tx, limit int, upto int64) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.story_id, p.highlights, COALESCE(t.body, '')
		FROM index_pending p LEFT JOIN story_texts t ON t.story_id = p.story_id
		WHERE p.story_id <= ? ORDER BY p.story_id LIMIT ?`, upto, limit)
	if err != nil {
		return 0, err
	}
	var hl highlightRows
	var n int
	var last int64
	for rows.Next() {
		var packed []byte
		var body string
		if err := rows.Scan(&last, &packed, &body); err != nil {
			rows.Close()
			return 0, err
		}
		n++
		// A damaged record (written by nothing but this code) loses its
		// story's highlights, nothing else.
		if quotes, stats, err := unpackHighlights(packed, body); err == nil {
			hl.add(last, quotes, stats)
		}
	}
	if err := rows.Close(); err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	if err := hl.write(ctx, tx); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM index_pending WHERE story_id <= ?`, last); err != nil {
		return 0, err
	}
	return n, nil
}

// highlightRows are the quote and figure rows of a batch of stories, as
// json_each made them of the JSON story_texts once kept (highlights.go).
type highlightRows struct {
	quotes  []quoteRow
	figures []figureRow
}

type quoteRow struct {
	id                          int64
	n                           int
	speaker, key, surname, role any
	text                        string
	start, end                  int
}

type figureRow struct {
	id                    int64
	n                     int
	category              string
	value                 float64
	lower, upper          any
	unit, qualifier, text string
	vague                 int
	start, end            int
}

func (h *highlightRows) add(id int64, quotes []extract.Quote, stats []extract.Stat) {
	for n := range quotes {
		q := &quotes[n]
		sp, key, surname, role, text := quoteArgs(q)
		h.quotes = append(h.quotes, quoteRow{id, n, sp, key, surname, role, text, q.Start, q.End})
	}
	for n := range stats {
		f := &stats[n]
		h.figures = append(h.figures, figureRow{id, n, string(f.Category), f.Value,
			nullFloat(f.Lower), nullFloat(f.Upper), f.Unit, f.Qualifier, f.Text,
			dbBool(f.Vague), f.Start, f.End})
	}
}

// write inserts the rows in the order they were added, the stories' order,
// which is the order of the tables themselves (clustered by story_id, n):
// rows appended at the end of each table. Sorted by their secondary
// indexes instead, as the rows of one group once were, the batch's rows
// landed all over the table's last pages, and indexing took a fifth longer
// (6.0 s instead of 5.0 s for 20,000 synthetic stories, BenchmarkCatchUp).
func (h *highlightRows) write(ctx context.Context, tx *sql.Tx) error {
	args := make([]any, 0, rowsPerInsert*12)
	err := insertRows(ctx, tx, insFigureSQL, len(h.figures), func(i int) {
		r := &h.figures[i]
		args = append(args, r.id, r.n, r.category, r.value, r.lower, r.upper,
			r.unit, r.qualifier, r.vague, r.text, r.start, r.end)
	}, &args)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	err = insertRows(ctx, tx, insQuoteSQL, len(h.quotes), func(i int) {
		r := &h.quotes[i]
		args = append(args, r.id, r.n, r.speaker, r.key, r.surname, r.role, r.text, r.start, r.end)
	}, &args)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	return nil
}

// rowsPerInsert is how many rows one INSERT of quotes or figures carries:
// a polling round writes half a million of them, and a statement per row
// spent a third of the time binding and stepping rather than inserting.
const rowsPerInsert = 32

// insertRows inserts n rows with insert (an INSERT of one VALUES tuple),
// rowsPerInsert rows to a statement and one at a time for the rest; add(i)
// appends row i's values to *args.
func insertRows(ctx context.Context, tx *sql.Tx, insert string, n int, add func(i int), args *[]any) error {
	if n == 0 {
		return nil
	}
	run := func(st *sql.Stmt, from, to int) error {
		*args = (*args)[:0]
		for j := from; j < to; j++ {
			add(j)
		}
		_, err := st.ExecContext(ctx, *args...)
		return err
	}
	i := 0
	if n >= rowsPerInsert {
		many, err := tx.PrepareContext(ctx, valuesRepeated(insert, rowsPerInsert))
		if err != nil {
			return err
		}
		defer many.Close()
		for ; i+rowsPerInsert <= n; i += rowsPerInsert {
			if err := run(many, i, i+rowsPerInsert); err != nil {
				return err
			}
		}
	}
	if i < n {
		one, err := tx.PrepareContext(ctx, insert)
		if err != nil {
			return err
		}
		defer one.Close()
		for ; i < n; i++ {
			if err := run(one, i, i+1); err != nil {
				return err
			}
		}
	}
	return nil
}

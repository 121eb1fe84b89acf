package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// Group commit. A polling round has hundreds of goroutines each saving one
// feed: its stories, then its polling state. One transaction per call made
// the single writer the bottleneck of the round, mostly in work that is per
// commit and not per row: writing the same B-tree and FTS5 pages to the WAL
// again, and FTS5 flushing a small index segment that it later has to merge.
// So the poller's writes (UpsertStories, SaveFeedState, MarkPolled) queue as
// ops, and whichever caller gets the write lock runs every op waiting at
// that moment in one transaction. Each op still gets its own result: an op
// that fails rolls the group back, runs again alone for its own error, and
// the others run together again; should the shared part fail (the search
// index, the commit), every op runs in a transaction of its own, as before
// group commit. One feed's trouble never costs another feed its stories.

// maxGroupStories bounds the stories of one group transaction, so that a
// reader's triage waiting behind it waits a few tens of milliseconds, not a
// whole round. An op larger than that (Populate's batches) still runs, alone.
const maxGroupStories = 600

// groupOp is one caller's write, waiting for a group transaction.
type groupOp struct {
	stories int // its weight against maxGroupStories
	// run does the write in g's transaction. It may be run a second time
	// (the fallback), so it must reset whatever it reports.
	run  func(ctx context.Context, g *groupTx) error
	err  error
	done chan struct{}
}

// groupTx is the transaction a group's ops share, with the story statements
// prepared once for all of them and the search index rows held back until
// the end (see upserter).
type groupTx struct {
	s  *SQLite
	tx *sql.Tx
	up *upserter
}

// upserter prepares the story statements on first use: a group of nothing
// but polling states needs none of them.
func (g *groupTx) upserter(ctx context.Context) (*upserter, error) {
	if g.up == nil {
		u, err := newUpserter(ctx, g)
		if err != nil {
			return nil, err
		}
		if u.clusters, err = g.s.clusters(ctx, g); err != nil {
			return nil, err
		}
		if u.clusters.backfill {
			if err := u.clusters.fillIn(ctx); err != nil {
				return nil, err
			}
		}
		u.deferred = g.s.deferClusters(ctx, g)
		g.up = u
	}
	return g.up, nil
}

// stmt is query for g's transaction, prepared once for the store's life:
// the writer's connection keeps its statements from one transaction to the
// next, where a first polling round prepared a dozen in each of a thousand
// transactions. An in-memory database has one connection, which the
// transaction holds, so there each transaction prepares its own.
func (g *groupTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if g.s.ckpt == nil {
		return g.tx.PrepareContext(ctx, query)
	}
	g.s.stmtMu.Lock()
	st, ok := g.s.stmts[query]
	g.s.stmtMu.Unlock()
	if !ok {
		var err error
		if st, err = g.s.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		g.s.stmtMu.Lock()
		if g.s.stmts == nil {
			g.s.stmts = map[string]*sql.Stmt{}
		}
		g.s.stmts[query] = st
		g.s.stmtMu.Unlock()
	}
	// Bound to the transaction, it runs on the writer's connection and
	// reuses what was prepared there; the transaction's end releases it.
	return g.tx.StmtContext(ctx, st), nil
}

// insertSizes are the numbers of rows of the INSERTs insertMany runs,
// largest first: a few shapes, each prepared once, fit any number of rows.
var insertSizes = []int{64, 16, 4, 1}

// insertMany runs insert, an INSERT of one VALUES tuple of width columns,
// for every width arguments of args, many rows a statement.
func (g *groupTx) insertMany(ctx context.Context, insert string, width int, args []any) error {
	for len(args) > 0 {
		n := len(args) / width
		for _, size := range insertSizes {
			if size <= n {
				n = size
				break
			}
		}
		st, err := g.stmt(ctx, valuesRepeated(insert, n))
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(ctx, args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}

// closeStmts closes the statements stmt prepared, when the store closes.
func (s *SQLite) closeStmts() {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
}

// submit queues run and returns once it has been committed or has failed.
// ctx only bounds the wait: once a group has taken the op it is carried
// through, since stopping in the middle would cost the other ops too.
func (s *SQLite) submit(ctx context.Context, stories int, run func(ctx context.Context, g *groupTx) error) error {
	if err := ctx.Err(); err != nil {
		return err // as a transaction begun with ctx would
	}
	op := &groupOp{stories: stories, run: run, done: make(chan struct{})}
	s.pendMu.Lock()
	s.pending = append(s.pending, op)
	s.pendMu.Unlock()
	for {
		select {
		case <-op.done:
			return op.err
		case s.writeSem <- struct{}{}:
			s.lockedAt = time.Now()
			if held := s.yieldToHold(); held != nil {
				// The checkpointer is copying a long log, or one of the
				// reader's own writes waits: groups let it go first.
				select {
				case <-held:
				case <-op.done:
				case <-ctx.Done():
				}
				continue
			}
			// With the write lock held, op is either finished (a group that
			// held the lock before took it) or still waiting: groups take ops
			// and finish them under the lock.
			select {
			case <-op.done:
			default:
				s.runGroup(ctx, s.takeGroup(op))
			}
			s.unlockWrite()
			return op.err
		case <-ctx.Done():
			if s.withdraw(op) {
				return ctx.Err()
			}
			<-op.done
			return op.err
		}
	}
}

// takeGroup removes from the queue own and, oldest first, the other waiting
// ops that fit in maxGroupStories.
func (s *SQLite) takeGroup(own *groupOp) []*groupOp {
	s.pendMu.Lock()
	defer s.pendMu.Unlock()
	group := []*groupOp{own}
	n := own.stories
	rest := s.pending[:0]
	for _, op := range s.pending {
		switch {
		case op == own:
		case n+op.stories <= maxGroupStories:
			group = append(group, op)
			n += op.stories
		default:
			rest = append(rest, op)
		}
	}
	clear(s.pending[len(rest):])
	s.pending = rest
	return group
}

// withdraw takes op out of the queue if no group has taken it yet.
func (s *SQLite) withdraw(op *groupOp) bool {
	s.pendMu.Lock()
	defer s.pendMu.Unlock()
	for i, o := range s.pending {
		if o == op {
			s.pending = append(s.pending[:i], s.pending[i+1:]...)
			return true
		}
	}
	return false
}

// runGroup runs the ops, under the write lock, and finishes every one.
func (s *SQLite) runGroup(ctx context.Context, ops []*groupOp) {
	// The transaction outlives the caller that happens to lead it.
	ctx = context.WithoutCancel(ctx)
	all, ops := ops, slices.Clone(ops) // DeleteFunc below clears what it drops
	// An op that fails takes the shared transaction down with it: it runs
	// again alone, to get its own error, and the rest try together again. A
	// few failures in one group and the rest run alone too.
	for tries := 0; len(ops) > 1 && tries < 3; tries++ {
		culprit, err := s.runShared(ctx, ops)
		if err == nil {
			ops = nil
			break
		}
		if culprit == nil {
			break // the shared part failed
		}
		culprit.err = s.runAlone(ctx, culprit)
		ops = slices.DeleteFunc(ops, func(op *groupOp) bool { return op == culprit })
	}
	for _, op := range ops {
		op.err = s.runAlone(ctx, op)
	}
	for _, op := range all {
		close(op.done)
	}
}

// runShared runs ops in one transaction. When one of them fails, it rolls
// back and returns that op; when the shared part (the search index, the
// commit) fails, it returns its error and no culprit.
//
// Ops do not run in savepoints of their own, which would let the others go
// on after a failure without a second try: a savepoint makes SQLite copy
// every page an op touches to a sub-journal first, which cost more than
// a tenth of the writer's time, to save a retry that failures (a feed
// removed while being polled) seldom need.
func (s *SQLite) runShared(ctx context.Context, ops []*groupOp) (*groupOp, error) {
	tx, err := s.beginGroup(ctx)
	if err != nil {
		return nil, err
	}
	s.groups.Add(1)
	g := &groupTx{s: s, tx: tx}
	for _, op := range ops {
		if err := op.run(ctx, g); err != nil {
			tx.Rollback()
			return op, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if g.up != nil {
		g.up.clusters.commit()
		s.ix.saved(g.up.pending)
	}
	return nil, nil
}

// writerCacheKiB is the page cache of the connection that runs the group
// transactions. A first polling round writes half a million figure rows into
// an index ordered by category and value, all over it; with SQLite's default
// 2 MB cache most inserts read their page back from the file and the
// transaction spilled dirty pages to the log before its commit. The other
// connections, the readers', keep the default.
const writerCacheKiB = 32 << 10

// beginGroup begins a group transaction on the writer's own connection,
// opened on first use with its larger cache. Called with the write lock.
// An in-memory database has a single connection, which the writer cannot
// keep for itself.
func (s *SQLite) beginGroup(ctx context.Context) (*sql.Tx, error) {
	if s.ckpt == nil {
		return s.db.BeginTx(ctx, nil)
	}
	if s.writer == nil {
		c, err := s.db.Conn(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := c.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, writerCacheKiB)); err != nil {
			c.Close()
			return nil, err
		}
		s.writer = c
	}
	tx, err := s.writer.BeginTx(ctx, nil)
	if err != nil {
		// A connection gone bad is dropped; the next group opens another.
		s.writer.Close()
		s.writer = nil
	}
	return tx, err
}

// runAlone runs one op in a transaction of its own: a group of one.
func (s *SQLite) runAlone(ctx context.Context, op *groupOp) error {
	_, err := s.runShared(ctx, []*groupOp{op})
	return err
}

// WriterStats reports how long this process's single writer has held the
// write lock in all, and how many transactions it has committed or tried:
// the benchmark's way of telling a round bound by the store from one bound
// by the poller.
func (s *SQLite) WriterStats() (busy time.Duration, transactions int64) {
	return time.Duration(s.busy.Load()), s.groups.Load()
}

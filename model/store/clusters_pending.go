package store

import (
	"context"
	"database/sql"
	"fmt"
)

// Clusters filed later. Fingerprinting a new story, finding its
// near-duplicates and filing its look-up keys cost a first polling round
// (1,000 feeds x 50 items) about 1.2 s of CPU, most of it the writer's, on
// the round's critical path. So while the indexer has a backlog (a burst
// of saves), a new story is saved alone (cluster_id NULL) and waits in
// cluster_pending, and the indexer fingerprints and clusters the waiting
// stories with its other work, oldest first, exactly as the saves would
// have: a story is compared with every story before it, in story order.
// Between bursts (a few stories a poll) stories are clustered as they are
// saved, so a story does not show alone for a moment and then join its
// cluster. A save clusters its stories itself only when none waits, so
// stories are filed in story order whichever way they are clustered.

// clusterPendingSchema is migration 13.
var clusterPendingSchema = []string{
	`CREATE TABLE cluster_pending (
		story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE
	)`,
}

// clusterDeferBacklog is the indexer's backlog (stories saved and not yet
// indexed) from which saves leave clustering to the indexer. The first
// feeds of a first round still cluster as they are saved.
var clusterDeferBacklog int64 = 500

// deferClusters says whether g's new stories wait for the indexer to be
// clustered: in a burst of saves, and whenever others already wait, so
// that stories are clustered in story order. An in-memory database has no
// indexer and clusters as it saves.
func (s *SQLite) deferClusters(ctx context.Context, g *groupTx) bool {
	if s.ix == nil || !clusterStories {
		return false
	}
	return s.ix.backlog.Load() >= clusterDeferBacklog || s.clustersWait(ctx, g.tx)
}

// queryRower is a database or a transaction, for one row.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// clustersWait says whether stories wait for their clusters. An error
// (nothing but a failing database) says no: waiting stories are then
// clustered by a later batch, and at worst a save clusters its own out of
// story order, which can only change which cluster they join.
func (s *SQLite) clustersWait(ctx context.Context, q queryRower) bool {
	var some bool
	err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cluster_pending)`).Scan(&some)
	return err == nil && some
}

// clusterWaiting clusters up to limit waiting stories up to story id upto
// in the indexer's transaction tx (clusterSome). ct, to commit once tx
// has, is nil when none waited: the index is not loaded for nothing, in
// the write lock, by a process that never saves.
func (s *SQLite) clusterWaiting(ctx context.Context, tx *sql.Tx, limit int, upto int64) (ct *clusterTx, n, joined int, err error) {
	if !s.clustersWait(ctx, tx) {
		return nil, 0, 0, nil
	}
	if ct, err = s.clusters(ctx, &groupTx{s: s, tx: tx}); err != nil {
		return nil, 0, 0, err
	}
	ct.backfill = false // fillIn is the saves' (groupTx.upserter)
	n, joined, err = clusterSome(ctx, ct, limit, upto)
	return ct, n, joined, err
}

// clusterSome clusters up to limit waiting stories up to story id upto,
// oldest first, in c's transaction, and takes them off the queue. It
// reports how many it took and how many joined a cluster; c.commit files
// them once the transaction commits.
func clusterSome(ctx context.Context, c *clusterTx, limit int, upto int64) (n, joined int, err error) {
	n, joined, last, err := c.clusterSaved(ctx, `SELECT s.id, s.published, s.title, COALESCE(t.body, '')
		FROM cluster_pending p JOIN stories s ON s.id = p.story_id LEFT JOIN story_texts t ON t.story_id = p.story_id
		WHERE p.story_id <= ? ORDER BY p.story_id LIMIT ?`, upto, limit)
	if err != nil || n == 0 {
		return 0, 0, err
	}
	if _, err := c.g.tx.ExecContext(ctx, `DELETE FROM cluster_pending WHERE story_id <= ?`, last); err != nil {
		return 0, 0, fmt.Errorf("clusters: %w", err)
	}
	return n, joined, nil
}

// Clustered tells, after the fact, that stories waiting for their clusters
// joined one: what the queue shows changed without a save. Signals that
// come while one waits are one.
func (s *SQLite) Clustered() <-chan struct{} { return s.clustered }

// noteClustered signals Clustered without waiting for a reader of it.
func (s *SQLite) noteClustered() {
	select {
	case s.clustered <- struct{}{}:
	default:
	}
}

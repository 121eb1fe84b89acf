package store

import (
	"context"
	"fmt"
)

// Clusters filed later. Fingerprinting a new story, finding its
// near-duplicates and filing its look-up keys cost a first polling round
// (1,000 feeds x 50 items) about 1.2 s of CPU, most of it the writer's, on
// the round's critical path. So while the indexer has a backlog (a burst
// of saves), a new story is saved alone (cluster_id NULL) and waits in
// cluster_pending, and the indexer fingerprints and clusters the waiting
// stories with its other work, oldest first, exactly as the saves would
// have: a story is compared with every story before it, in story order. Between bursts (a few stories a poll) stories
// are clustered as they are saved, so a story never shows alone for a
// moment and then joins its cluster.
//
// Stories are filed in story order whichever way they are clustered: a
// save clusters its stories itself only when none waits.

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
func (s *SQLite) deferClusters(ctx context.Context, g *groupTx) (bool, error) {
	if s.ix == nil || !clusterStories {
		return false, nil
	}
	if s.ix.backlog.Load() >= clusterDeferBacklog {
		return true, nil
	}
	var some bool
	err := g.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cluster_pending)`).Scan(&some)
	return some, err
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

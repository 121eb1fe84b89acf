package store

// What sitrep migrate reads of a SQLite file and asks of PostgreSQL: every
// story by id (the queue shows a cluster as one row, a copy wants them
// all), and the ids of stories by key on PostgreSQL.

import (
	"context"
	"fmt"
)

// StoryIDsAfter pages through every story by id, archived and clustered
// ones included.
func (s *SQLite) StoryIDsAfter(ctx context.Context, after int64, limit int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM stories WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: story ids: %w", err)
	}
	return scanIDs(rows)
}

// StoryIDs finds the ids of a feed's stories by key, as SQLite's does.
func (p *Postgres) StoryIDs(ctx context.Context, feedID int64, keys []string) (map[string]int64, error) {
	out := make(map[string]int64, len(keys))
	rows, err := p.db.QueryContext(ctx, `SELECT key, id FROM stories WHERE feed_id = ? AND key = ANY(?)`, feedID, nonNil(keys))
	if err != nil {
		return nil, fmt.Errorf("store: story ids: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var id int64
		if err := rows.Scan(&k, &id); err != nil {
			return nil, err
		}
		out[k] = id
	}
	return out, rows.Err()
}

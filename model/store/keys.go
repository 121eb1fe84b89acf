package store

import (
	"context"
	"fmt"
	"strings"
)

// StoryIDs returns, for those of keys stored in the feed, the id of the
// story: import-json finds by them the stories it merges into.
func (s *SQLite) StoryIDs(ctx context.Context, feedID int64, keys []string) (map[string]int64, error) {
	out := make(map[string]int64, len(keys))
	for start := 0; start < len(keys); start += keysPerQuery {
		chunk := keys[start:min(len(keys), start+keysPerQuery)]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, feedID)
		for _, k := range chunk {
			args = append(args, k)
		}
		q := `SELECT key, id FROM stories WHERE feed_id = ? AND key IN (?` +
			strings.Repeat(", ?", len(chunk)-1) + `)`
		if err := func() error {
			rows, err := s.db.QueryContext(ctx, q, args...)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var k string
				var id int64
				if err := rows.Scan(&k, &id); err != nil {
					return err
				}
				out[k] = id
			}
			return rows.Err()
		}(); err != nil {
			return nil, fmt.Errorf("store: story ids: %w", err)
		}
	}
	return out, nil
}

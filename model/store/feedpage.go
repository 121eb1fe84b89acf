package store

import (
	"context"
	"fmt"

	"sitrep/model"
)

// FeedsAfter lists at most limit subscribed feeds whose ids are above
// after, by id, with their counts. A polling round pages through the
// subscriptions with it, so that its memory does not grow with their
// number.
func (s *SQLite) FeedsAfter(ctx context.Context, after int64, limit int) ([]model.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds
		WHERE removed = 0 AND id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("store: listing feeds: %w", err)
	}
	defer rows.Close()
	feeds := make([]model.Feed, 0, limit)
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("store: listing feeds: %w", err)
		}
		feeds = append(feeds, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: listing feeds: %w", err)
	}
	return feeds, nil
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// The reader's own hand on its subscriptions (the F pane): a name of its
// own for a feed, full text on or off, and unsubscribing while keeping the
// stories it starred, tagged or wrote a note on.

// keptCond is a story the reader did something with.
const keptCond = `(s.starred = 1 OR s.note <> '' OR EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id))`

// RenameFeed gives a feed the reader's own name; "" goes back to the
// feed's own title. The poller never overwrites it.
func (s *SQLite) RenameFeed(ctx context.Context, id int64, title string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET user_title = ? WHERE id = ?`, strings.TrimSpace(title), id)
		if err != nil {
			return fmt.Errorf("store: rename feed: %w", err)
		}
		return mustAffect(res, "feed", id)
	})
}

// SetFullText turns fetching linked pages on or off for a feed.
func (s *SQLite) SetFullText(ctx context.Context, id int64, on bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET full_text = ? WHERE id = ?`, dbBool(on), id)
		if err != nil {
			return fmt.Errorf("store: full text: %w", err)
		}
		return mustAffect(res, "feed", id)
	})
}

// KeptCounts says what removing a feed would take with it that the reader
// marked: starred stories, tagged ones, ones with a note, and how many
// stories carry any of these (a story can be all three).
func (s *SQLite) KeptCounts(ctx context.Context, id int64) (starred, tagged, noted, kept int, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT
		COALESCE(SUM(s.starred = 1), 0),
		COALESCE(SUM(EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id)), 0),
		COALESCE(SUM(s.note <> ''), 0),
		COALESCE(SUM(`+keptCond+`), 0)
		FROM stories s WHERE s.feed_id = ?`, id).Scan(&starred, &tagged, &noted, &kept)
	if err != nil {
		err = fmt.Errorf("store: kept counts: %w", err)
	}
	return
}

// Unsubscribe stops polling a feed and lists it no more. With keep, the
// stories the reader starred, tagged or noted stay (under their feed's
// name, in every view) and only the others are deleted; without, or when
// there are none, the feed goes whole, as RemoveFeed.
func (s *SQLite) Unsubscribe(ctx context.Context, id int64, keep bool) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		gone := `SELECT s.id FROM stories s WHERE s.feed_id = ?`
		if keep {
			gone += ` AND NOT ` + keptCond
		}
		stmts := []string{
			`DELETE FROM story_fts WHERE rowid IN (` + gone + `)`,
			`DELETE FROM story_texts WHERE story_id IN (` + gone + `)`,
			`DELETE FROM story_tags WHERE story_id IN (` + gone + `)`,
			`DELETE FROM stories WHERE id IN (` + gone + `)`,
		}
		for _, stmt := range stmts {
			if _, err := tx.ExecContext(ctx, stmt, id); err != nil {
				return fmt.Errorf("store: unsubscribe: %w", err)
			}
		}
		var left int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE feed_id = ?`, id).Scan(&left); err != nil {
			return err
		}
		if left == 0 {
			_, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET removed = 1, next_poll = NULL,
			n_stories  = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id),
			n_unread   = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.read = 0 AND s.archived = 0),
			n_starred  = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.starred = 1),
			n_archived = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.archived = 1)
			WHERE id = ?`, id)
		return err
	})
}

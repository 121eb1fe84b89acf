package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"sitrep/model"
)

// Bulk triage: mark a whole view read, archive what was read in it, and
// put either back (undo). Each is one transaction that moves the feeds'
// counters with the stories.

// MarkRead marks every unread story of f read and returns the ids it
// changed, for undo.
func (s *SQLite) MarkRead(ctx context.Context, f model.Filter) ([]int64, error) {
	return s.setWhere(ctx, f, "read", `s.read = 0`)
}

// ArchiveRead archives every read story of f that is not starred (starred
// stories are kept in view) and returns the ids it changed.
func (s *SQLite) ArchiveRead(ctx context.Context, f model.Filter) ([]int64, error) {
	return s.setWhere(ctx, f, "archived", `s.read = 1 AND s.starred = 0 AND s.archived = 0`)
}

// setWhere sets flag (read or archived) on f's stories that meet extra.
func (s *SQLite) setWhere(ctx context.Context, f model.Filter, flag, extra string) ([]int64, error) {
	cond, args, err := s.whereIndexed(ctx, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE stories AS s SET `+flag+` = 1 WHERE `+cond+` AND `+extra+`
			RETURNING id, feed_id, read, starred, archived`, args...)
		if err != nil {
			return err
		}
		ts := tallies{}
		for rows.Next() {
			var id, feed int64
			var read, starred, archd int
			if err := rows.Scan(&id, &feed, &read, &starred, &archd); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
			now := goTriage(read, starred, archd)
			ts.add(feed, triageDelta(flagWas(now, flag, true), now))
		}
		if err := rows.Err(); err != nil {
			rows.Close()
			return err
		}
		rows.Close()
		for feed, c := range ts {
			if err := c.apply(ctx, tx, feed); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: set %s: %w", flag, err)
	}
	return ids, nil
}

// UnmarkRead and Unarchive put stories back as they were before MarkRead
// or ArchiveRead: the undo of a bulk action.
func (s *SQLite) UnmarkRead(ctx context.Context, ids []int64) error {
	return s.clearFlag(ctx, ids, "read")
}

func (s *SQLite) Unarchive(ctx context.Context, ids []int64) error {
	return s.clearFlag(ctx, ids, "archived")
}

// clearFlag sets flag back to 0 on ids, in batches the SQL variable limit
// allows, in one transaction.
func (s *SQLite) clearFlag(ctx context.Context, ids []int64, flag string) error {
	const batch = 500
	err := s.write(ctx, func(tx *sql.Tx) error {
		ts := tallies{}
		for len(ids) > 0 {
			n := min(batch, len(ids))
			part := ids[:n]
			ids = ids[n:]
			args := make([]any, len(part))
			for i, id := range part {
				args[i] = id
			}
			rows, err := tx.QueryContext(ctx, `UPDATE stories SET `+flag+` = 0
				WHERE `+flag+` = 1 AND id IN (?`+strings.Repeat(",?", n-1)+`)
				RETURNING feed_id, read, starred, archived`, args...)
			if err != nil {
				return err
			}
			for rows.Next() {
				var feed int64
				var read, starred, archd int
				if err := rows.Scan(&feed, &read, &starred, &archd); err != nil {
					rows.Close()
					return err
				}
				now := goTriage(read, starred, archd)
				ts.add(feed, triageDelta(flagWas(now, flag, false), now))
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				return err
			}
		}
		for feed, c := range ts {
			if err := c.apply(ctx, tx, feed); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: clear %s: %w", flag, err)
	}
	return nil
}

// CountUnread is how many stories MarkRead of f would change, and
// CountArchivable how many ArchiveRead would: what the reader is asked to
// confirm.
func (s *SQLite) CountUnread(ctx context.Context, f model.Filter) (int, error) {
	return s.countWhere(ctx, f, `s.read = 0`)
}

func (s *SQLite) CountArchivable(ctx context.Context, f model.Filter) (int, error) {
	return s.countWhere(ctx, f, `s.read = 1 AND s.starred = 0 AND s.archived = 0`)
}

func (s *SQLite) countWhere(ctx context.Context, f model.Filter, extra string) (int, error) {
	cond, args, err := s.whereIndexed(ctx, f)
	if errors.Is(err, errNoMatch) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories s WHERE `+cond+` AND `+extra, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

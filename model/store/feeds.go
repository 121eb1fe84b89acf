package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/model"
)

// ErrURLTaken is returned by SaveFeedState when the feed's new URL (after a
// permanent redirect) is already another subscription's. The rest of the
// state is saved; the feed keeps its old URL.
var ErrURLTaken = errors.New("feed URL already subscribed")

// feedColumns are read by scanFeed, in this order. Total counts every stored
// story of the feed, archived ones included; Unread leaves archived out.
const feedColumns = `id, url, COALESCE(NULLIF(user_title, ''), title), site_url, tags, full_text, etag, last_modified,
	last_poll, next_poll, last_error, error_count, n_unread, n_stories, update_hint`

type scanner interface{ Scan(dest ...any) error }

func scanFeed(r scanner) (model.Feed, error) {
	var (
		f                  model.Feed
		tags               string
		fullText           int
		lastPoll, nextPoll sql.NullInt64
		hintSeconds        int64
	)
	err := r.Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &tags, &fullText, &f.ETag, &f.LastModified,
		&lastPoll, &nextPoll, &f.LastError, &f.ErrorCount, &f.Unread, &f.Total, &hintSeconds)
	if err != nil {
		return f, err
	}
	f.FullText = fullText != 0
	f.UpdateHint = time.Duration(hintSeconds) * time.Second
	f.LastPoll, f.NextPoll = goTime(lastPoll), goTime(nextPoll)
	if err := json.Unmarshal([]byte(tags), &f.Tags); err != nil {
		return f, fmt.Errorf("feed %d tags: %w", f.ID, err)
	}
	return f, nil
}

// AddFeed subscribes to url, or returns the existing subscription. A feed
// unsubscribed with its kept stories is subscribed again.
func (s *SQLite) AddFeed(ctx context.Context, url string) (model.Feed, bool, error) {
	return s.addFeed(ctx, url, `ON CONFLICT (url) DO UPDATE SET removed = 0 WHERE removed = 1`)
}

// EnsureFeed is the feed at url, subscribed to if there was none; unlike
// AddFeed it leaves a feed unsubscribed with its kept stories as it is
// (import-json puts stories back; it does not choose subscriptions).
func (s *SQLite) EnsureFeed(ctx context.Context, url string) (model.Feed, bool, error) {
	return s.addFeed(ctx, url, `ON CONFLICT (url) DO NOTHING`)
}

func (s *SQLite) addFeed(ctx context.Context, url, onConflict string) (model.Feed, bool, error) {
	url = strings.TrimSpace(url)
	if url == "" {
		return model.Feed{}, false, errors.New("store: empty feed URL")
	}
	var created bool
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO feeds (url) VALUES (?) `+onConflict, url)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		created = n == 1
		return err
	})
	if err != nil {
		return model.Feed{}, false, fmt.Errorf("store: adding feed: %w", err)
	}
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE url = ?`, url))
	if err != nil {
		return model.Feed{}, false, fmt.Errorf("store: adding feed: %w", err)
	}
	return f, created, nil
}

// RemoveFeed unsubscribes from url and deletes the feed's stories, their
// texts and their search index rows.
func (s *SQLite) RemoveFeed(ctx context.Context, url string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, strings.TrimSpace(url)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: feed %q: %w", url, ErrNotFound)
		}
		if err != nil {
			return err
		}
		// The search index is not reached by the foreign-key cascade. Stories
		// are deleted explicitly too rather than by cascade, which keeps the
		// order of the deletes obvious.
		for _, stmt := range []string{
			ftsDeleteFeedSQL,
			`DELETE FROM story_texts WHERE story_id IN (SELECT id FROM stories WHERE feed_id = ?)`,
			`DELETE FROM story_tags WHERE story_id IN (SELECT id FROM stories WHERE feed_id = ?)`,
			`DELETE FROM stories WHERE feed_id = ?`,
			`DELETE FROM feeds WHERE id = ?`,
		} {
			if _, err := tx.ExecContext(ctx, stmt, id); err != nil {
				return fmt.Errorf("store: removing feed: %w", err)
			}
		}
		return nil
	})
}

// Feeds lists every feed by title (the URL for a feed not yet polled),
// case-insensitively. Unread counts the feed's stories neither read nor
// archived (its number in the sources pane); Total counts all its stored
// stories, archived ones included (the `sitrep feeds` column).
func (s *SQLite) Feeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE removed = 0
		ORDER BY lower(COALESCE(NULLIF(user_title, ''), NULLIF(title, ''), url)), id`)
	if err != nil {
		return nil, fmt.Errorf("store: listing feeds: %w", err)
	}
	defer rows.Close()
	var feeds []model.Feed
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

// Feed returns one feed with its counts.
func (s *SQLite) Feed(ctx context.Context, id int64) (model.Feed, error) {
	f, err := scanFeed(s.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM feeds WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Feed{}, fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Feed{}, fmt.Errorf("store: feed %d: %w", id, err)
	}
	return f, nil
}

const saveFeedStateSQL = `UPDATE feeds SET
	url = COALESCE(NULLIF(?, ''), url), title = ?, site_url = ?, tags = ?, full_text = ?,
	etag = ?, last_modified = ?, last_poll = ?, next_poll = ?,
	last_error = ?, error_count = ?, update_hint = ?
	WHERE id = ?`

// SaveFeedState writes everything about f but its counts. When f.URL is
// already another feed's, the rest is saved and ErrURLTaken returned.
func (s *SQLite) SaveFeedState(ctx context.Context, f model.Feed) error {
	tagsJSON, err := json.Marshal(nonNil(f.Tags))
	if err != nil {
		return err
	}
	var urlTaken bool
	// One of the poller's writes, so it joins a group transaction.
	err = s.submit(ctx, 1, func(ctx context.Context, g *groupTx) error {
		urlTaken = false
		url := strings.TrimSpace(f.URL)
		taken, err := g.stmt(ctx, `SELECT id FROM feeds WHERE url = ? AND id <> ?`)
		if err != nil {
			return err
		}
		save, err := g.stmt(ctx, saveFeedStateSQL)
		if err != nil {
			return err
		}
		var other int64
		err = taken.QueryRowContext(ctx, url, f.ID).Scan(&other)
		switch {
		case err == nil:
			urlTaken = true
			url = ""
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		res, err := save.ExecContext(ctx,
			url, f.Title, f.SiteURL, string(tagsJSON), dbBool(f.FullText),
			f.ETag, f.LastModified, dbTime(f.LastPoll), dbTime(f.NextPoll),
			f.LastError, f.ErrorCount, int64(f.UpdateHint/time.Second), f.ID)
		if err != nil {
			return err
		}
		return mustAffect(res, "feed", f.ID)
	})
	if err != nil {
		return fmt.Errorf("store: saving feed state: %w", err)
	}
	if urlTaken {
		return fmt.Errorf("store: feed %d moved to %q: %w", f.ID, f.URL, ErrURLTaken)
	}
	return nil
}

// MarkPolled records a poll that changed nothing (304 or same content): the
// poll times, and the error cleared.
func (s *SQLite) MarkPolled(ctx context.Context, feedID int64, lastPoll, nextPoll time.Time) error {
	err := s.submit(ctx, 1, func(ctx context.Context, g *groupTx) error {
		polled, err := g.stmt(ctx, `UPDATE feeds SET last_poll = ?, next_poll = ?, last_error = '', error_count = 0
			WHERE id = ?`)
		if err != nil {
			return err
		}
		res, err := polled.ExecContext(ctx, dbTime(lastPoll), dbTime(nextPoll), feedID)
		if err != nil {
			return err
		}
		return mustAffect(res, "feed", feedID)
	})
	if err != nil {
		return fmt.Errorf("store: marking feed polled: %w", err)
	}
	return nil
}

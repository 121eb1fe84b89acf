package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring a database from version i to i+1 (migrations[i]); the
// version is kept where schemaVersionSQL reads it, 0 for a new file. Append new
// migrations at the end and never edit a released one: existing databases
// apply only those they have not seen, on Open.
var migrations = [][]string{
	{ // 1: feeds, stories, texts, queue indexes, full-text index.
		`CREATE TABLE feeds (
			id            INTEGER PRIMARY KEY,
			url           TEXT    NOT NULL UNIQUE,
			title         TEXT    NOT NULL DEFAULT '',
			site_url      TEXT    NOT NULL DEFAULT '',
			tags          TEXT    NOT NULL DEFAULT '[]', -- JSON array
			full_text     INTEGER NOT NULL DEFAULT 0,
			etag          TEXT    NOT NULL DEFAULT '',
			last_modified TEXT    NOT NULL DEFAULT '',
			last_poll     BIGINT,                        -- unix microseconds, NULL if never
			next_poll     BIGINT,
			last_error    TEXT    NOT NULL DEFAULT '',
			error_count   INTEGER NOT NULL DEFAULT 0,
			-- Story counters, kept by every write that changes them (see
			-- counters.go), so Counts and Feeds never scan 100,000 stories.
			n_stories     INTEGER NOT NULL DEFAULT 0,
			n_unread      INTEGER NOT NULL DEFAULT 0, -- not read, not archived
			n_starred     INTEGER NOT NULL DEFAULT 0,
			n_archived    INTEGER NOT NULL DEFAULT 0
		)`,
		// The columns the queue reads come first and the row stays small:
		// bodies and highlights live in story_texts, so a queue page touches a
		// few pages of headers, never 4 KB bodies.
		`CREATE TABLE stories (
			id                INTEGER PRIMARY KEY,
			feed_id           INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
			published         BIGINT  NOT NULL, -- unix microseconds
			read              INTEGER NOT NULL DEFAULT 0,
			starred           INTEGER NOT NULL DEFAULT 0,
			archived          INTEGER NOT NULL DEFAULT 0,
			title             TEXT    NOT NULL DEFAULT '',
			link              TEXT    NOT NULL DEFAULT '',
			quote_count       INTEGER NOT NULL DEFAULT 0,
			headline_category TEXT,             -- NULL when no headline figure
			headline_value    DOUBLE PRECISION,
			headline_text     TEXT,
			key               TEXT    NOT NULL,
			author            TEXT    NOT NULL DEFAULT '',
			first_seen        BIGINT  NOT NULL,
			words             INTEGER NOT NULL DEFAULT 0,
			content_hash      TEXT    NOT NULL DEFAULT '',
			UNIQUE (feed_id, key)
		)`,
		`CREATE TABLE story_texts (
			story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
			body     TEXT NOT NULL DEFAULT '',
			quotes   TEXT NOT NULL DEFAULT '[]', -- JSON []extract.Quote
			stats    TEXT NOT NULL DEFAULT '[]'  -- JSON []extract.Stat
		)`,
		// One index per queue view, each ending in (published, id) so a page
		// is read in order straight from the index: no sort, no scan.
		`CREATE INDEX stories_all ON stories (published, id) WHERE archived = 0`,
		`CREATE INDEX stories_archived ON stories (published, id) WHERE archived = 1`,
		`CREATE INDEX stories_unread ON stories (published, id) WHERE read = 0 AND archived = 0`,
		`CREATE INDEX stories_starred ON stories (published, id) WHERE starred = 1`,
		`CREATE INDEX stories_by_feed ON stories (feed_id, archived, published, id)`,
		ftsSchema,
	},
	{ // 2: cheaper search-index upkeep for the poller's many small batches.
		ftsMergeSetting,
	},
	{ // 3: the feed's own update hint, in seconds (model.Feed.UpdateHint).
		`ALTER TABLE feeds ADD COLUMN update_hint BIGINT NOT NULL DEFAULT 0`,
	},
	{ // 4: the reader's tags and note on a story (SetTags, SetNote).
		`CREATE TABLE story_tags (
			story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
			tag      TEXT    NOT NULL,
			PRIMARY KEY (story_id, tag)
		)`,
		`CREATE INDEX story_tags_tag ON story_tags (tag, story_id)`,
		`ALTER TABLE stories ADD COLUMN note TEXT NOT NULL DEFAULT ''`,
	},
	{ // 5: the reader's own name for a feed (RenameFeed), and feeds
		// unsubscribed whose starred, tagged or noted stories are kept
		// (Unsubscribe): no longer polled or listed.
		`ALTER TABLE feeds ADD COLUMN user_title TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE feeds ADD COLUMN removed INTEGER NOT NULL DEFAULT 0`,
	},
	// 6: every quote and figure as a row, for speaker:, cat:, the Speakers
	// and Figures panes and the CSV export (highlights.go).
	highlightsSchema,
	// 7: saved searches (searches.go).
	searchesSchema,
	// 8: clusters of near-duplicate stories (clusters.go).
	clusterSchema,
	// 9: the cluster index covers the flags the queue filters on.
	clusterIndexSchema,
	{ // 10: the Speakers view counts every story of a view by walking the
		// quotes in speaker order, with no sort and no read of the quote
		// text: 0.47 s at 100,000 stories and a million quotes, 2.0 s without.
		`CREATE INDEX quotes_by_speaker ON quotes (speaker_key, story_id, speaker, role) WHERE speaker_key IS NOT NULL`,
	},
	// 11: quote and figure rows are the one home of highlights, clustered
	// by story (highlights_home.go).
	highlightsHomeSchema,
	// 12: saved stories wait here for their search, quote and figure rows
	// (index_pending.go).
	indexPendingSchema,
	// 13: new stories saved in a burst wait here for their clusters
	// (clusters_pending.go).
	clusterPendingSchema,
}

// migrate applies the migrations the database has not seen yet, each in its
// own transaction together with the version bump, so a failure leaves the
// database at the last good version. The version is read inside the write
// transaction, so two processes opening a new file at once do not both
// apply the same migration.
func migrate(ctx context.Context, db *sql.DB, ms [][]string) error {
	// The usual case, an up-to-date file, needs no write lock.
	var v int
	if err := db.QueryRowContext(ctx, schemaVersionSQL).Scan(&v); err != nil {
		return fmt.Errorf("store: reading schema version: %w", err)
	}
	if v == len(ms) {
		return nil
	}
	for {
		done, err := migrateStep(ctx, db, ms)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next migration, or reports done when there is none.
func migrateStep(ctx context.Context, db *sql.DB, ms [][]string) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("store: migrating: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, schemaVersionSQL).Scan(&v); err != nil {
		return false, fmt.Errorf("store: reading schema version: %w", err)
	}
	if v > len(ms) {
		return false, fmt.Errorf("store: database schema version %d is newer than this sitrep knows (%d)", v, len(ms))
	}
	if v == len(ms) {
		return true, tx.Commit()
	}
	for _, stmt := range ms[v] {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return false, fmt.Errorf("store: migration %d: %w", v+1, err)
		}
	}
	if _, err := tx.ExecContext(ctx, setSchemaVersionSQL(v+1)); err != nil {
		return false, fmt.Errorf("store: migration %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("store: migration %d: %w", v+1, err)
	}
	return false, nil
}

package store

// Per-person triage on PostgreSQL (issue 11): the team shares stories,
// feeds, extraction, tags and notes; read, starred and archived are each
// user's own. A user's flags live in triage, one row per story the user
// changed (a story without a row is unread, unstarred, unarchived for
// them, and a row back at all zeros is deleted). The views user_stories and
// user_feeds show stories and feeds as the connection's user sees them
// (sitrep.user, set when the store connects), so the queue, search and
// count SQL stays the same SQL as SQLite's over s.read, s.starred,
// s.archived and n_unread. A feed's per-user counts are counted from the
// user's triage rows (indexed by user and feed), not kept as counters.
//
// Notes and tags carry their author (stories.note_author,
// story_tags.author), the user who wrote them.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/user"
	"strings"

	"sitrep/model"
)

// DefaultUser is who triages when no --user is given: $SITREP_USER, else
// the login name, else "sitrep".
func DefaultUser() string {
	if u := strings.TrimSpace(os.Getenv("SITREP_USER")); u != "" {
		return u
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, env := range []string{"USER", "LOGNAME"} {
		if u := os.Getenv(env); u != "" {
			return u
		}
	}
	return "sitrep"
}

// User is whose triage the store reads and writes.
func (p *Postgres) User() string { return p.user }

// pgTriageSchema is PostgreSQL's migration 2. The flags stories carried
// until then become the triage of the user who opens the database first
// with this version (one person's database until now).
var pgTriageSchema = []string{
	`CREATE TABLE triage (
		user_name TEXT    NOT NULL,
		story_id  BIGINT  NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
		feed_id   BIGINT  NOT NULL,
		read      INTEGER NOT NULL DEFAULT 0,
		starred   INTEGER NOT NULL DEFAULT 0,
		archived  INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (user_name, story_id)
	)`,
	`CREATE INDEX triage_feed ON triage (user_name, feed_id)`,
	`CREATE INDEX triage_story ON triage (story_id)`,
	`INSERT INTO triage (user_name, story_id, feed_id, read, starred, archived)
		SELECT COALESCE(NULLIF(current_setting('sitrep.user', true), ''), 'sitrep'), id, feed_id, read, starred, archived
		FROM stories WHERE read = 1 OR starred = 1 OR archived = 1`,
	`UPDATE stories SET read = 0, starred = 0, archived = 0 WHERE read = 1 OR starred = 1 OR archived = 1`,
	`ALTER TABLE stories ADD COLUMN note_author TEXT NOT NULL DEFAULT ''`,
	`ALTER TABLE story_tags ADD COLUMN author TEXT NOT NULL DEFAULT ''`,
	// The columns of stories with the user's flags in place of the
	// story's own (unused on PostgreSQL). A migration that adds columns
	// to stories adds them here too (CREATE OR REPLACE VIEW, at the end).
	`CREATE VIEW user_stories AS
		SELECT s.id, s.feed_id, s.published,
			COALESCE(t.read, 0) AS read, COALESCE(t.starred, 0) AS starred, COALESCE(t.archived, 0) AS archived,
			s.title, s.link, s.quote_count, s.headline_category, s.headline_value, s.headline_text,
			s.key, s.author, s.first_seen, s.words, s.content_hash, s.note, s.cluster_id, s.note_author
		FROM stories s
		LEFT JOIN triage t ON t.story_id = s.id AND t.user_name = current_setting('sitrep.user', true)`,
	`CREATE VIEW user_feeds AS
		SELECT f.id, f.url, f.title, f.site_url, f.tags, f.full_text, f.etag, f.last_modified,
			f.last_poll, f.next_poll, f.last_error, f.error_count, f.n_stories,
			(f.n_stories - COALESCE(u.done, 0))::integer AS n_unread,
			COALESCE(u.starred, 0)::integer AS n_starred,
			COALESCE(u.archived, 0)::integer AS n_archived,
			f.update_hint, f.user_title, f.removed
		FROM feeds f
		LEFT JOIN (SELECT feed_id,
				COUNT(*) FILTER (WHERE read = 1 OR archived = 1) AS done,
				COUNT(*) FILTER (WHERE starred = 1) AS starred,
				COUNT(*) FILTER (WHERE archived = 1) AS archived
			FROM triage WHERE user_name = current_setting('sitrep.user', true)
			GROUP BY feed_id) u ON u.feed_id = f.id`,
}

// pgKeptCond is keptCond on PostgreSQL: starred by anyone, noted or tagged.
const pgKeptCond = `(s.note <> '' OR EXISTS (SELECT 1 FROM triage tr WHERE tr.story_id = s.id AND tr.starred = 1)
	OR EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id))`

// pgSetUserTriage writes the user's flags on a story: a row, or none when
// all are off.
func (p *Postgres) pgSetUserTriage(ctx context.Context, tx pgTx, id, feedID int64, t model.Triage) error {
	if t == (model.Triage{}) {
		_, err := tx.ExecContext(ctx, `DELETE FROM triage WHERE user_name = ? AND story_id = ?`, p.user, id)
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO triage (user_name, story_id, feed_id, read, starred, archived)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_name, story_id)
		DO UPDATE SET read = EXCLUDED.read, starred = EXCLUDED.starred, archived = EXCLUDED.archived`,
		p.user, id, feedID, dbBool(t.Read), dbBool(t.Starred), dbBool(t.Archived))
	return err
}

// TagAuthors says who put each of a story's tags on it ("" for tags of
// before authors were kept), for the reader's "#syria (maria)".
func (p *Postgres) TagAuthors(ctx context.Context, id int64) (map[string]string, error) {
	var tags string
	if err := p.db.QueryRowContext(ctx, `SELECT `+pgTagsJSON+` FROM stories s WHERE s.id = ?`, id).Scan(&tags); err != nil &&
		!errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	_, authors, err := pgDecodeTags(tags)
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	return authors, nil
}

// pgTagsJSON is the column of story s's tags and their authors, sorted by
// tag, as a JSON array of [tag, author] pairs (pgDecodeTags reads it), so
// that Story and Queue need no second statement for them.
const pgTagsJSON = `COALESCE((SELECT json_agg(json_build_array(g.tag, g.author) ORDER BY g.tag)
		FROM story_tags g WHERE g.story_id = s.id)::text, '[]')`

// pgDecodeTags reads a pgTagsJSON column: the tags in order, and who put
// each on, nil when none has an author (as on SQLite).
func pgDecodeTags(js string) (tags []string, authors map[string]string, err error) {
	if js == "" || js == "[]" {
		return nil, nil, nil
	}
	var pairs [][2]string
	if err := json.Unmarshal([]byte(js), &pairs); err != nil {
		return nil, nil, err
	}
	tags = make([]string, len(pairs))
	for i, pr := range pairs {
		tags[i] = pr[0]
		if pr[1] != "" {
			if authors == nil {
				authors = map[string]string{}
			}
			authors[pr[0]] = pr[1]
		}
	}
	return tags, authors, nil
}

// NoteAuthor is who wrote story id's note ("" when it has none or it was
// written before authors were kept).
func (p *Postgres) NoteAuthor(ctx context.Context, id int64) (string, error) {
	var who string
	err := p.db.QueryRowContext(ctx, `SELECT note_author FROM stories WHERE id = ? AND note <> ''`, id).Scan(&who)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: note author: %w", err)
	}
	return who, nil
}

// TriageUsers lists who has triaged anything, with how many stories each
// has starred, by name (for sitrep migrate's check and the load test).
func (p *Postgres) TriageUsers(ctx context.Context) (map[string]int, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT user_name, COUNT(*) FILTER (WHERE starred = 1) FROM triage GROUP BY user_name`)
	if err != nil {
		return nil, fmt.Errorf("store: triage users: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var u string
		var n int
		if err := rows.Scan(&u, &n); err != nil {
			return nil, err
		}
		out[u] = n
	}
	return out, rows.Err()
}

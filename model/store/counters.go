package store

import (
	"context"
	"database/sql"

	"sitrep/model"
)

// Each feed row carries its story counters (n_stories, n_unread, n_starred,
// n_archived) so that Counts, QueueLen without a search and the per-feed
// unread numbers of Feeds add up 40 rows instead of counting 100,000
// stories. Every write that adds, removes or re-triages a story adjusts them
// in the same transaction; there are three such writes (UpsertStories
// inserting, SetTriage, RemoveFeed deleting the row itself), so plain SQL
// here stays portable where triggers would not.

// tally is a change to one feed's counters.
type tally struct{ stories, unread, starred, archived int }

// add counts story state t, sign +1 or -1.
func (c *tally) add(t model.Triage, sign int) {
	c.stories += sign
	if !t.Read && !t.Archived {
		c.unread += sign
	}
	if t.Starred {
		c.starred += sign
	}
	if t.Archived {
		c.archived += sign
	}
}

func (c tally) zero() bool { return c == tally{} }

// apply adds the change to feed feedID's counters.
func (c tally) apply(ctx context.Context, tx *sql.Tx, feedID int64) error {
	if c.zero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, applyTallySQL, c.args(feedID)...)
	return err
}

// args are applyTallySQL's arguments for feed feedID.
func (c tally) args(feedID int64) []any {
	return []any{c.stories, c.unread, c.starred, c.archived, feedID}
}

const applyTallySQL = `UPDATE feeds SET n_stories = n_stories + ?, n_unread = n_unread + ?,
	n_starred = n_starred + ?, n_archived = n_archived + ? WHERE id = ?`

// recountSQL rebuilds every feed's counters from the stories. Migrations
// that change what is counted run it; tests use it to check the counters.
const recountSQL = `UPDATE feeds SET
	n_stories  = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id),
	n_unread   = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.read = 0 AND s.archived = 0),
	n_starred  = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.starred = 1),
	n_archived = (SELECT COUNT(*) FROM stories s WHERE s.feed_id = feeds.id AND s.archived = 1)`

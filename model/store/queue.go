package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
)

// headerColumns are what the queue shows of a story, read by scanHeader. The
// feed title is a scalar subquery rather than a join so the planner always
// walks the view's index in order and looks up at most a page of feed rows.
const headerColumns = `s.id, s.feed_id,
	(SELECT COALESCE(NULLIF(f.user_title, ''), NULLIF(f.title, ''), f.url) FROM feeds f WHERE f.id = s.feed_id),
	s.title, s.link, s.published, s.quote_count,
	s.headline_category, s.headline_value, s.headline_text,
	s.read, s.starred, s.archived, s.note <> '', COALESCE(s.cluster_id, 0),
	CASE WHEN s.cluster_id IS NULL THEN 0 ELSE (SELECT COUNT(*) FROM stories c WHERE c.cluster_id = s.cluster_id) END`

// scanIDs reads rows of one id each and closes them.
func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

func scanHeader(r scanner) (model.StoryHeader, error) {
	return scanHeaderAnd(r)
}

// scanHeaderAnd is scanHeader of a row with more columns after
// headerColumns, scanned into more.
func scanHeaderAnd(r scanner, more ...any) (model.StoryHeader, error) {
	var (
		h                    model.StoryHeader
		published            sql.NullInt64
		cat, text            sql.NullString
		val                  sql.NullFloat64
		read, starred, archd int
	)
	err := r.Scan(append([]any{&h.ID, &h.FeedID, &h.FeedTitle, &h.Title, &h.Link, &published, &h.QuoteCount,
		&cat, &val, &text, &read, &starred, &archd, &h.HasNote, &h.Cluster, &h.ClusterSize}, more...)...)
	if err != nil {
		return h, err
	}
	h.Published = goTime(published)
	if cat.Valid {
		h.Headline = &model.HeadlineFigure{Category: extract.Category(cat.String), Value: val.Float64, Text: text.String}
	}
	h.Triage = goTriage(read, starred, archd)
	return h, nil
}

// errNoMatch marks a search with nothing searchable in it: the result is
// empty without asking the database.
var errNoMatch = errors.New("no searchable words")

// where is the condition selecting a filter's stories on SQLite (words
// searched in story_fts).
func where(f model.Filter) (string, []any, error) { return whereWith(ftsWords, f) }

// whereWith is the condition selecting a filter's stories, with words the
// backend's way of finding a search's words. The flag conditions are
// literal and spelled exactly as the partial indexes' WHERE clauses, so
// SQLite can prove the index applies (it cannot with bound parameters).
func whereWith(words textSearch, f model.Filter) (string, []any, error) {
	var sq Search
	searching := strings.TrimSpace(f.Search) != ""
	if searching {
		sq = ParseSearch(f.Search)
	}
	// is:archived finds archived stories in views that otherwise leave
	// them out (all, unread, a feed).
	notArchived := `s.archived = 0`
	if sq.Wants("is", "archived") {
		notArchived = `s.archived = 1`
	}
	var cond string
	var args []any
	switch f.View {
	case model.ViewAll:
		cond = notArchived
	case model.ViewUnread:
		cond = `s.read = 0 AND ` + notArchived
	case model.ViewStarred:
		cond = `s.starred = 1`
	case model.ViewArchived:
		cond = `s.archived = 1`
	case model.ViewFeed:
		cond, args = `s.feed_id = ? AND `+notArchived, []any{f.FeedID}
	default:
		return "", nil, fmt.Errorf("store: unknown queue view %d", f.View)
	}
	// A feed narrows any view: "unread in feed X", "archived of feed Y".
	if f.FeedID != 0 && f.View != model.ViewFeed {
		cond += ` AND s.feed_id = ?`
		args = append(args, f.FeedID)
	}
	if f.Cluster != 0 {
		cond += ` AND s.cluster_id = ?`
		args = append(args, f.Cluster)
	}
	if f.Tag != "" {
		tag := NormalizeTag(f.Tag)
		if tag == "" {
			return "", nil, errNoMatch
		}
		cond += ` AND s.id IN (SELECT story_id FROM story_tags WHERE tag = ?)`
		args = append(args, tag)
	}
	if searching {
		c, a, err := sq.sqlCondWith(words, time.Now())
		if err != nil {
			return "", nil, err
		}
		cond += ` AND ` + c
		args = append(args, a...)
	}
	return cond, args, nil
}

// Queue returns limit headers from offset, newest first (ties by id, so the
// order is total and pages never overlap). It never reads bodies.
func (s *SQLite) Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error) {
	if limit <= 0 {
		return nil, nil
	}
	offset = max(offset, 0)
	words, err := s.searchWords(ctx, f, offset+limit)
	if err != nil {
		return nil, err
	}
	cond, args, err := queueWhereWith(words, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	args = append(args, limit, offset)
	rows, err := s.db.QueryContext(ctx, `SELECT `+headerColumns+` FROM stories s WHERE `+cond+`
		ORDER BY s.published DESC, s.id DESC LIMIT ? OFFSET ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: queue: %w", err)
	}
	defer rows.Close()
	out := make([]model.StoryHeader, 0, min(limit, 1000))
	for rows.Next() {
		h, err := scanHeader(rows)
		if err != nil {
			return nil, fmt.Errorf("store: queue: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: queue: %w", err)
	}
	rows.Close()
	if len(out) == 0 {
		return out, nil
	}
	// The page's tags in one more query, by the ids of the page.
	ids := make([]int64, len(out))
	for i, h := range out {
		ids[i] = h.ID
	}
	tags, err := storyTags(ctx, s.db, ids)
	if err != nil {
		return nil, fmt.Errorf("store: queue tags: %w", err)
	}
	for i := range out {
		out[i].Tags = tags[out[i].ID]
	}
	if err := markClaims(ctx, s.db, out); err != nil {
		return nil, fmt.Errorf("store: queue claims: %w", err)
	}
	return out, nil
}

// QueueLen counts the rows of a filter's queue (a cluster is one): from the
// feed counters without a search, less the stories clusters hide, by the
// index otherwise.
func (s *SQLite) QueueLen(ctx context.Context, f model.Filter) (int, error) {
	if strings.TrimSpace(f.Search) == "" && f.Tag == "" && f.Cluster == 0 {
		n, err := s.countersLen(ctx, f)
		if err != nil || n == 0 {
			return n, err
		}
		hidden, err := s.hiddenInClusters(ctx, f)
		return n - hidden, err
	}
	cond, args, err := s.queueWhereIndexed(ctx, f)
	if errors.Is(err, errNoMatch) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return s.counts.remembered(ctx, f, func() (int, error) {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories s WHERE `+cond, args...).Scan(&n); err != nil {
			return 0, fmt.Errorf("store: queue length: %w", err)
		}
		return n, nil
	})
}

// countersLen counts a filter's stories, without search or tag, from the
// feed counters.
func (s *SQLite) countersLen(ctx context.Context, f model.Filter) (int, error) {
	if f.FeedID != 0 {
		col := map[model.View]string{
			model.ViewFeed: "n_stories - n_archived", model.ViewAll: "n_stories - n_archived",
			model.ViewUnread: "n_unread", model.ViewStarred: "n_starred", model.ViewArchived: "n_archived",
		}[f.View]
		if col == "" {
			return 0, fmt.Errorf("store: unknown queue view %d", f.View)
		}
		var n int
		err := s.db.QueryRowContext(ctx, `SELECT `+col+` FROM feeds WHERE id = ?`, f.FeedID).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, nil
		}
		return n, err
	}
	switch f.View {
	case model.ViewAll, model.ViewUnread, model.ViewStarred, model.ViewArchived:
		c, err := s.Counts(ctx)
		return map[model.View]int{
			model.ViewAll: c.All, model.ViewUnread: c.Unread,
			model.ViewStarred: c.Starred, model.ViewArchived: c.Archived,
		}[f.View], err
	}
	return 0, fmt.Errorf("store: unknown queue view %d", f.View)
}

// Counts adds up the feeds' counters.
func (s *SQLite) Counts(ctx context.Context) (model.Counts, error) {
	var c model.Counts
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(n_stories - n_archived), 0),
		COALESCE(SUM(n_unread), 0), COALESCE(SUM(n_starred), 0), COALESCE(SUM(n_archived), 0)
		FROM feeds`).Scan(&c.All, &c.Unread, &c.Starred, &c.Archived)
	if err != nil {
		return model.Counts{}, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}

// SetTriage writes a story's read, starred and archived flags and moves its
// feed's counters accordingly.
func (s *SQLite) SetTriage(ctx context.Context, id int64, t model.Triage) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var feedID int64
		var read, starred, archd int
		err := tx.QueryRowContext(ctx, `SELECT feed_id, read, starred, archived FROM stories WHERE id = ?`, id).
			Scan(&feedID, &read, &starred, &archd)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("story %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		old := goTriage(read, starred, archd)
		if old == t {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET read = ?, starred = ?, archived = ? WHERE id = ?`,
			dbBool(t.Read), dbBool(t.Starred), dbBool(t.Archived), id); err != nil {
			return err
		}
		return triageDelta(old, t).apply(ctx, tx, feedID)
	})
	if err != nil {
		return fmt.Errorf("store: set triage: %w", err)
	}
	return nil
}

// ChangeTriage writes only the flags c names, keeping the others as the
// database has them (another reader may have changed them), and moves the
// feed's counters accordingly.
func (s *SQLite) ChangeTriage(ctx context.Context, id int64, c model.TriageChange) error {
	if c.Empty() {
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		var feedID int64
		var read, starred, archd int
		err := tx.QueryRowContext(ctx, `SELECT feed_id, read, starred, archived FROM stories WHERE id = ?`, id).
			Scan(&feedID, &read, &starred, &archd)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("story %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		old := goTriage(read, starred, archd)
		t := c.Apply(old)
		if old == t {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET read = ?, starred = ?, archived = ? WHERE id = ?`,
			dbBool(t.Read), dbBool(t.Starred), dbBool(t.Archived), id); err != nil {
			return err
		}
		return triageDelta(old, t).apply(ctx, tx, feedID)
	})
	if err != nil {
		return fmt.Errorf("store: change triage: %w", err)
	}
	return nil
}

// QueueIndex is where story id stands in a filter's queue (0 is the
// newest), or -1 when the filter does not show it: the reader uses it to
// keep the cursor on a story when the view around it changes.
func (s *SQLite) QueueIndex(ctx context.Context, f model.Filter, id int64) (int, error) {
	cond, args, err := s.queueWhereIndexed(ctx, f)
	if errors.Is(err, errNoMatch) {
		return -1, nil
	}
	if err != nil {
		return -1, err
	}
	var pub int64
	err = s.db.QueryRowContext(ctx, `SELECT s.published FROM stories s WHERE s.id = ? AND `+cond,
		append([]any{id}, args...)...).Scan(&pub)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return -1, fmt.Errorf("store: queue index: %w", err)
	}
	// The queue's order is published DESC, id DESC (published is never NULL).
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories s WHERE `+cond+`
		AND (s.published > ? OR (s.published = ? AND s.id > ?))`,
		append(args, pub, pub, id)...).Scan(&n); err != nil {
		return -1, fmt.Errorf("store: queue index: %w", err)
	}
	return n, nil
}

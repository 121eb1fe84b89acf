package store

// The Store methods on PostgreSQL: the same SQL as SQLite's where it is the
// same (placeholders rebound), with the shared rules of rules.go. Rows a
// write reads before changing are locked (FOR UPDATE), since writers here
// run side by side; feed counters are updated in feed order, so two bulk
// actions never wait on each other in a circle.

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/model"
)

// applyAll adds counter changes to their feeds, in feed order.
func (ts tallies) applyAll(ctx context.Context, tx pgTx) error {
	feeds := make([]int64, 0, len(ts))
	for f := range ts {
		feeds = append(feeds, f)
	}
	slices.Sort(feeds)
	for _, f := range feeds {
		if err := ts[f].applyPG(ctx, tx, f); err != nil {
			return err
		}
	}
	return nil
}

func (c tally) applyPG(ctx context.Context, tx pgTx, feedID int64) error {
	if c.zero() {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE feeds SET n_stories = n_stories + ?, n_unread = n_unread + ?,
		n_starred = n_starred + ?, n_archived = n_archived + ? WHERE id = ?`,
		c.stories, c.unread, c.starred, c.archived, feedID)
	return err
}

// Feeds ----------------------------------------------------------------

func (p *Postgres) AddFeed(ctx context.Context, url string) (model.Feed, bool, error) {
	return p.addFeed(ctx, url, `ON CONFLICT (url) DO UPDATE SET removed = 0 WHERE feeds.removed = 1`)
}

// EnsureFeed is SQLite's: the feed of url, added if missing, but a feed
// the team unsubscribed from stays so (import-json).
func (p *Postgres) EnsureFeed(ctx context.Context, url string) (model.Feed, bool, error) {
	return p.addFeed(ctx, url, `ON CONFLICT (url) DO NOTHING`)
}

func (p *Postgres) addFeed(ctx context.Context, url, onConflict string) (model.Feed, bool, error) {
	url = strings.TrimSpace(url)
	if url == "" {
		return model.Feed{}, false, errors.New("store: empty feed URL")
	}
	var created bool
	err := p.db.write(ctx, func(tx pgTx) error {
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
	if created {
		p.analyzeGrownFeeds(ctx)
	}
	f, err := scanFeed(p.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM user_feeds WHERE url = ?`, url))
	if err != nil {
		return model.Feed{}, false, fmt.Errorf("store: adding feed: %w", err)
	}
	return f, created, nil
}

// analyzeGrownFeeds refreshes the planner's statistics of feeds once the
// table holds more than twice the feeds they counted. Every open reader's
// queue page looks up its stories' feed titles in a plan its connection
// made once; made when a team had 40 feeds, that plan reads the whole
// table for each story, and after 1,000 feeds were added a page cost the
// server 3.5-4.4 ms instead of 1.2-1.4 (EXPLAIN ANALYZE at 1 M stories).
// ANALYZE makes every connection plan again, now with the index.
// Autovacuum would do the same, but only within a minute, after a first
// polling round of the new feeds. It is best effort: the feed is added
// whatever happens here, and a user who does not own the table gets a
// warning from the server, not an error.
func (p *Postgres) analyzeGrownFeeds(ctx context.Context) {
	var grown bool
	err := p.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM feeds) > 2 * GREATEST(reltuples, 0) + 20
		FROM pg_class WHERE oid = 'feeds'::regclass`).Scan(&grown)
	if err == nil && grown {
		_, _ = p.db.ExecContext(ctx, `ANALYZE feeds`)
	}
}

func (p *Postgres) RemoveFeed(ctx context.Context, url string) error {
	return p.db.write(ctx, func(tx pgTx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE url = ?`, strings.TrimSpace(url)).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: feed %q: %w", url, ErrNotFound)
		}
		if err != nil {
			return err
		}
		// The cascade takes texts (and their search vectors), tags,
		// quotes and figures.
		if _, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id); err != nil {
			return fmt.Errorf("store: removing feed: %w", err)
		}
		return nil
	})
}

func (p *Postgres) Feeds(ctx context.Context) ([]model.Feed, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM user_feeds WHERE removed = 0
		ORDER BY lower(COALESCE(NULLIF(user_title, ''), NULLIF(title, ''), url)) COLLATE "C", id`)
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

func (p *Postgres) Feed(ctx context.Context, id int64) (model.Feed, error) {
	f, err := scanFeed(p.db.QueryRowContext(ctx, `SELECT `+feedColumns+` FROM user_feeds WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return model.Feed{}, fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Feed{}, fmt.Errorf("store: feed %d: %w", id, err)
	}
	return f, nil
}

func (p *Postgres) RenameFeed(ctx context.Context, id int64, title string) error {
	return p.db.write(ctx, func(tx pgTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET user_title = ? WHERE id = ?`, strings.TrimSpace(title), id)
		if err != nil {
			return fmt.Errorf("store: rename feed: %w", err)
		}
		return mustAffect(res, "feed", id)
	})
}

func (p *Postgres) SetFullText(ctx context.Context, id int64, on bool) error {
	return p.db.write(ctx, func(tx pgTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET full_text = ? WHERE id = ?`, dbBool(on), id)
		if err != nil {
			return fmt.Errorf("store: full text: %w", err)
		}
		return mustAffect(res, "feed", id)
	})
}

func (p *Postgres) KeptCounts(ctx context.Context, id int64) (starred, tagged, noted, kept int, err error) {
	err = p.db.QueryRowContext(ctx, `SELECT
		COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM triage tr WHERE tr.story_id = s.id AND tr.starred = 1)),
		COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM story_tags t WHERE t.story_id = s.id)),
		COUNT(*) FILTER (WHERE s.note <> ''),
		COUNT(*) FILTER (WHERE `+pgKeptCond+`)
		FROM stories s WHERE s.feed_id = ?`, id).Scan(&starred, &tagged, &noted, &kept)
	if err != nil {
		err = fmt.Errorf("store: kept counts: %w", err)
	}
	return
}

func (p *Postgres) Unsubscribe(ctx context.Context, id int64, keep bool) error {
	return p.db.write(ctx, func(tx pgTx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ? FOR UPDATE`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: feed %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		gone := `DELETE FROM stories s WHERE s.feed_id = ?`
		if keep {
			gone += ` AND NOT ` + pgKeptCond
		}
		if _, err := tx.ExecContext(ctx, gone, id); err != nil {
			return fmt.Errorf("store: unsubscribe: %w", err)
		}
		var left int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE feed_id = ?`, id).Scan(&left); err != nil {
			return err
		}
		if left == 0 {
			_, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE id = ?`, id)
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET removed = 1, next_poll = NULL WHERE id = ?`, id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, recountSQL+` WHERE id = ?`, id)
		return err
	})
}

func (p *Postgres) SaveFeedState(ctx context.Context, f model.Feed) error {
	tagsJSON, err := json.Marshal(nonNil(f.Tags))
	if err != nil {
		return err
	}
	// One statement, so one round trip where a transaction of the check
	// and the update took four: a poller saves every feed's state at
	// every poll. A URL another feed has keeps this feed's own.
	url := strings.TrimSpace(f.URL)
	var urlTaken bool
	var saved int
	err = p.db.writeRow(ctx, `WITH taken AS (SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ? AND id <> ?) AS yes),
		saved AS (UPDATE feeds SET
				url = CASE WHEN (SELECT yes FROM taken) THEN url ELSE COALESCE(NULLIF(?, ''), url) END,
				title = ?, site_url = ?, tags = ?, full_text = ?,
				etag = ?, last_modified = ?, last_poll = ?, next_poll = ?,
				last_error = ?, error_count = ?, update_hint = ?
			WHERE id = ? RETURNING 1)
		SELECT (SELECT yes FROM taken), (SELECT COUNT(*) FROM saved)`,
		[]any{url, f.ID, url, f.Title, f.SiteURL, string(tagsJSON), dbBool(f.FullText),
			f.ETag, f.LastModified, dbTime(f.LastPoll), dbTime(f.NextPoll),
			f.LastError, f.ErrorCount, int64(f.UpdateHint / time.Second), f.ID},
		&urlTaken, &saved)
	if err == nil && saved == 0 {
		err = notFound("feed", f.ID)
	}
	if err != nil {
		return fmt.Errorf("store: saving feed state: %w", err)
	}
	if urlTaken {
		return fmt.Errorf("store: feed %d moved to %q: %w", f.ID, f.URL, ErrURLTaken)
	}
	return nil
}

func (p *Postgres) MarkPolled(ctx context.Context, feedID int64, lastPoll, nextPoll time.Time) error {
	// One statement in one round trip, as SaveFeedState.
	var id int64
	err := p.db.writeRow(ctx, `UPDATE feeds SET last_poll = ?, next_poll = ?, last_error = '', error_count = 0
			WHERE id = ? RETURNING id`, []any{dbTime(lastPoll), dbTime(nextPoll), feedID}, &id)
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("feed", feedID)
	}
	if err != nil {
		return fmt.Errorf("store: marking feed polled: %w", err)
	}
	return nil
}

// Stories --------------------------------------------------------------

func (p *Postgres) ContentHashes(ctx context.Context, feedID int64, keys []string) (map[string]string, error) {
	out := make(map[string]string, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := p.db.QueryContext(ctx, `SELECT key, content_hash FROM stories WHERE feed_id = ? AND key = ANY(?)`, feedID, keys)
	if err != nil {
		return nil, fmt.Errorf("store: content hashes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, h string
		if err := rows.Scan(&k, &h); err != nil {
			return nil, fmt.Errorf("store: content hashes: %w", err)
		}
		out[k] = h
	}
	return out, rows.Err()
}

// The highlight rows of a story from its JSON, as highlights.go makes them
// with json_each on SQLite: ? is the story id, then the JSON array. The
// columns are made of the array's elements j(v, n) by pgQuoteRow and
// pgFigureRow, which the rows of a batch of stories share (pgNewStoriesSQL).
const (
	pgQuoteRow = `j.n - 1, j.v->>'speaker', lower(j.v->>'speaker'),
			lower(regexp_replace(j.v->>'speaker', '^.* ', '')), j.v->>'role', COALESCE(j.v->>'text', ''),
			COALESCE((j.v->>'start')::integer, 0), COALESCE((j.v->>'end')::integer, 0)`
	pgFigureRow = `j.n - 1, COALESCE(NULLIF(j.v->>'category', ''), 'other'), COALESCE((j.v->>'value')::float8, 0),
			(j.v->>'lower')::float8, (j.v->>'upper')::float8,
			COALESCE(j.v->>'unit', ''), COALESCE(j.v->>'qualifier', ''),
			CASE WHEN (j.v->>'vague')::boolean THEN 1 ELSE 0 END, COALESCE(j.v->>'text', ''),
			COALESCE((j.v->>'start')::integer, 0), COALESCE((j.v->>'end')::integer, 0)`
	pgQuoteCols    = `INSERT INTO quotes (story_id, n, speaker, speaker_key, surname, role, text, start, "end")`
	pgFigureCols   = `INSERT INTO figures (story_id, n, category, value, lower, upper, unit, qualifier, vague, text, start, "end")`
	pgElements     = ` WITH ORDINALITY AS j(v, n) WHERE jsonb_typeof(j.v) = 'object'`
	pgInsQuotesSQL = pgQuoteCols + ` SELECT ?, ` + pgQuoteRow + `
		FROM jsonb_array_elements(CAST(? AS jsonb))` + pgElements
	pgInsFiguresSQL = pgFigureCols + ` SELECT ?, ` + pgFigureRow + `
		FROM jsonb_array_elements(CAST(? AS jsonb))` + pgElements
)

var (
	// pgNewStoriesSQL writes the text and search vector of a batch of new
	// stories, given as arrays: ids, bodies, quotes and stats JSON, and the
	// titles and bodies made ready for search; their quote and figure rows
	// wait in rows_pending (pg_rows_pending.go).
	pgNewStoriesSQL = `WITH u AS (SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),
			CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[])) AS u(id, body, quotes, stats, stitle, sbody)),
		text AS (INSERT INTO story_texts (story_id, body, quotes, stats) SELECT id, body, quotes, stats FROM u),
		search AS (INSERT INTO story_search (story_id, search)
			SELECT id, ` + pgTSVectorOf("stitle", "sbody") + ` FROM u)
		INSERT INTO rows_pending (story_id) SELECT id FROM u`
)

// pgWritesAtOnce is how many polls save stories at once (feeds.WriteLimiter).
// Each save keeps a server process busy building search vectors and index
// entries; in the load test (10 readers, 1.05-1.45 M stories, a first round
// of 1,000 × 50 on two cores) the poller's default of 8 at once put reader
// p99 at 59.5-76 ms, 2 at once at a median of 32.6 ms over five runs, with
// the round's time unchanged (median 23.6 s).
const pgWritesAtOnce = 2

// WritesAtOnce is feeds.WriteLimiter: see pgWritesAtOnce.
func (p *Postgres) WritesAtOnce() int { return pgWritesAtOnce }

// UpsertStories saves a feed's stories in one transaction of its own, with
// the meaning SQLite's has (see there).
func (p *Postgres) UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error) {
	var res model.SaveResult
	enc, err := prepareStories(stories, hashes, time.Now())
	if err != nil {
		return res, err
	}
	if len(enc) == 0 {
		return res, nil
	}
	for i := range enc {
		if err := encodeHighlights(&enc[i]); err != nil {
			return res, err
		}
	}
	err = p.db.write(ctx, func(tx pgTx) error {
		res = model.SaveResult{}
		var one int
		// The feed row is locked for its counters; it also keeps the feed
		// from going away meanwhile.
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ? FOR UPDATE`, feedID).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		var counts tally
		created, err := p.insertNew(ctx, tx, feedID, enc)
		if err != nil {
			return err
		}
		for i := range enc {
			if created[i] {
				res.New++
				counts.add(enc[i].Triage, +1)
				continue
			}
			changed, err := p.update(ctx, tx, feedID, &enc[i])
			if err != nil {
				return fmt.Errorf("story %q: %w", enc[i].Key, err)
			}
			if changed {
				res.Updated++
			}
		}
		if res.New+res.Updated > 0 {
			// Open readers hear of it when this commits (Listen).
			if err := pgNotifyTx(ctx, tx, ChanStories, strconv.FormatInt(feedID, 10)); err != nil {
				return err
			}
		}
		return counts.applyPG(ctx, tx, feedID)
	})
	if err != nil {
		return model.SaveResult{}, fmt.Errorf("store: saving stories: %w", err)
	}
	if res.New > 0 {
		p.rows.saved()
	}
	return res, nil
}

// pgNewPerStatement bounds the stories of one multi-row INSERT (16
// parameters each, under PostgreSQL's 65,535).
const pgNewPerStatement = 500

// insertNew inserts the stories of enc whose key the feed does not have
// yet, with their text, search vector and highlight rows, in a few
// statements for the whole batch: a polling round saves 50,000 stories,
// and with two statements a story its connections spent most of the round
// waiting for the next one (ClientRead in pg_stat_activity). It reports
// which were new.
func (p *Postgres) insertNew(ctx context.Context, tx pgTx, feedID int64, enc []encodedStory) ([]bool, error) {
	created := make([]bool, len(enc))
	for start := 0; start < len(enc); start += pgNewPerStatement {
		part := enc[start:min(len(enc), start+pgNewPerStatement)]
		args := make([]any, 0, 16*len(part))
		for i := range part {
			e := &part[i]
			cat, val, text := headlineArgs(e.headline)
			args = append(args, feedID, e.Key, e.Link, e.Title, e.Author, e.published, e.firstSeen,
				e.Words, e.hash, model.AttributedQuotes(e.Quotes), cat, val, text, 0, 0, 0)
		}
		rows, err := tx.QueryContext(ctx, valuesRepeated(`INSERT INTO stories (feed_id, key, link, title, author, published, first_seen,
			words, content_hash, quote_count, headline_category, headline_value, headline_text,
			read, starred, archived)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(part))+`
			ON CONFLICT (feed_id, key) DO NOTHING RETURNING id, key`, args...)
		if err != nil {
			return nil, err
		}
		ids := map[string]int64{}
		for rows.Next() {
			var id int64
			var key string
			if err := rows.Scan(&id, &key); err != nil {
				rows.Close()
				return nil, err
			}
			ids[key] = id
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		var newIDs []int64
		var fresh []*encodedStory
		for i := range part {
			e := &part[i]
			id, ok := ids[e.Key]
			if !ok {
				continue
			}
			created[start+i] = true
			// A new story has no triage row to clear: only flags set by
			// the caller (import-json, migrate) need one.
			if e.Triage != (model.Triage{}) {
				if err := p.pgSetUserTriage(ctx, tx, id, feedID, e.Triage); err != nil {
					return nil, fmt.Errorf("story %q: %w", e.Key, err)
				}
			}
			newIDs, fresh = append(newIDs, id), append(fresh, e)
		}
		if err := p.insertTexts(ctx, tx, newIDs, fresh); err != nil {
			return nil, err
		}
	}
	return created, nil
}

// insertTexts writes the text of new stories (ids, and what was saved of
// each), their search vectors or, in a burst, their places in
// search_pending (pg_search_pending.go), and their places in rows_pending.
func (p *Postgres) insertTexts(ctx context.Context, tx pgTx, ids []int64, fresh []*encodedStory) error {
	if len(ids) == 0 {
		return nil
	}
	bodies, quotes, stats := make([]string, len(fresh)), make([]string, len(fresh)), make([]string, len(fresh))
	for i, e := range fresh {
		bodies[i], quotes[i], stats[i] = e.Body, e.quotes, e.stats
	}
	if p.burst.deferring(len(ids), time.Now()) {
		_, err := tx.ExecContext(ctx, pgNewStoriesDeferredSQL, ids, bodies, quotes, stats)
		return err
	}
	titles, searchBodies := make([]string, len(fresh)), make([]string, len(fresh))
	for i, e := range fresh {
		titles[i], searchBodies[i] = pgSearchText(e.Title), pgSearchText(e.Body)
	}
	_, err := tx.ExecContext(ctx, pgNewStoriesSQL, ids, bodies, quotes, stats, titles, searchBodies)
	return err
}

// update saves e over the story of its key that the feed already has, when
// its content changed, and reports whether it did.
func (p *Postgres) update(ctx context.Context, tx pgTx, feedID int64, e *encodedStory) (changed bool, err error) {
	cat, val, text := headlineArgs(e.headline)
	title, body := pgSearchText(e.Title), pgSearchText(e.Body)
	var id int64
	var oldHash string
	if err := tx.QueryRowContext(ctx, `SELECT id, content_hash FROM stories WHERE feed_id = ? AND key = ? FOR UPDATE`,
		feedID, e.Key).Scan(&id, &oldHash); err != nil {
		return false, err
	}
	if oldHash == e.hash {
		return false, nil
	}
	// Its rows are written here, now: it waits no more. Deleting its place
	// in the queue first waits for a batch writing its rows from the old
	// text, whose rows the new ones then replace.
	if _, err := tx.ExecContext(ctx, `DELETE FROM rows_pending WHERE story_id = ?`, id); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE stories SET link = ?, title = ?, author = ?,
			published = CASE WHEN ? = 1 THEN published ELSE ? END,
			words = ?, content_hash = ?, quote_count = ?,
			headline_category = ?, headline_value = ?, headline_text = ?
			WHERE id = ?`, e.Link, e.Title, e.Author, dbBool(e.undated), e.published,
		e.Words, e.hash, model.AttributedQuotes(e.Quotes), cat, val, text, id); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `WITH text AS (UPDATE story_texts SET body = ?, quotes = ?, stats = ? WHERE story_id = ?)
		UPDATE story_search SET search = `+pgTSVector+` WHERE story_id = ?`, e.Body, e.quotes, e.stats, id, title, body, id); err != nil {
		return false, err
	}
	return true, p.replaceHighlights(ctx, tx, id, e)
}

// replaceHighlights puts a changed story's quote and figure rows in place
// of its old ones (a new story's are inserted with its text).
func (p *Postgres) replaceHighlights(ctx context.Context, tx pgTx, id int64, e *encodedStory) error {
	for _, q := range []string{delQuotesSQL, delFiguresSQL} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if len(e.Quotes) > 0 {
		if _, err := tx.ExecContext(ctx, pgInsQuotesSQL, id, e.quotes); err != nil {
			return fmt.Errorf("quotes: %w", err)
		}
	}
	if len(e.Stats) > 0 {
		if _, err := tx.ExecContext(ctx, pgInsFiguresSQL, id, e.stats); err != nil {
			return fmt.Errorf("figures: %w", err)
		}
	}
	return nil
}

func (p *Postgres) Story(ctx context.Context, id int64) (model.Story, error) {
	var (
		st                   model.Story
		published, first     sql.NullInt64
		quotes, stats        string
		read, starred, archd int
		tags                 string
	)
	// One statement, tags and their authors included: on a server busy
	// with a polling round each further round trip waits its turn for a
	// processor again.
	err := p.db.QueryRowContext(ctx, `SELECT s.id, s.feed_id, COALESCE(NULLIF(f.user_title, ''), NULLIF(f.title, ''), f.url),
			s.key, s.link, s.title, s.author, s.published, s.first_seen, s.words,
			s.read, s.starred, s.archived,
			COALESCE(t.body, ''), COALESCE(t.quotes, '[]'), COALESCE(t.stats, '[]'), s.note, s.note_author,
			`+pgTagsJSON+`
		FROM user_stories s
		JOIN feeds f ON f.id = s.feed_id
		LEFT JOIN story_texts t ON t.story_id = s.id
		WHERE s.id = ?`, id).Scan(&st.ID, &st.FeedID, &st.FeedTitle,
		&st.Key, &st.Link, &st.Title, &st.Author, &published, &first, &st.Words,
		&read, &starred, &archd, &st.Body, &quotes, &stats, &st.Note, &st.NoteAuthor, &tags)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, err)
	}
	st.Published, st.FirstSeen = goTime(published), goTime(first)
	st.Triage = goTriage(read, starred, archd)
	if err := json.Unmarshal([]byte(quotes), &st.Quotes); err != nil {
		return model.Story{}, fmt.Errorf("store: story %d quotes: %w", id, err)
	}
	if err := json.Unmarshal([]byte(stats), &st.Stats); err != nil {
		return model.Story{}, fmt.Errorf("store: story %d stats: %w", id, err)
	}
	if st.Tags, st.TagAuthors, err = pgDecodeTags(tags); err != nil {
		return model.Story{}, fmt.Errorf("store: story %d tags: %w", id, err)
	}
	return st, nil
}

// Queue ----------------------------------------------------------------

// pgQueuePage is the statement of a queue page of limit stories, its
// arguments cond's and then the offset. The limit is written in the text.
// For a page that keeps its plan (keep, see pageWhere) the offset is a
// subquery, so that the planner knows as much of it when it plans for any
// offset as when it plans for one: the plan it keeps is the one it would
// choose each time. Given LIMIT and OFFSET parameters, the plan kept
// guessed a tenth of the stories in the page and joined them by hashing
// the whole table; and PostgreSQL, whose plans for a known offset cost
// less, went on planning each page. A page planned for each run is
// planned for its offset: not knowing it, the planner read every match
// of a common word and sorted them (1 s a page at 1 M stories).
func pgQueuePage(cond string, keep bool, limit int) string {
	offset := `?`
	if keep {
		offset = `(SELECT ?::bigint)`
	}
	return `SELECT ` + headerColumns + `, ` + pgTagsJSON + `
		FROM (SELECT s.id FROM user_stories s WHERE ` + cond + `
			ORDER BY s.published DESC, s.id DESC LIMIT ` + strconv.Itoa(limit) + ` OFFSET ` + offset + `) page
		JOIN user_stories s ON s.id = page.id
		ORDER BY s.published DESC, s.id DESC`
}

// pgPlanOnce reports whether a queue page of filter f may keep the plan
// its connection made for the statement whatever its words. Planning a
// page took 1.3 ms of the 1.8 a reader's page cost the server at 1 M
// stories (pgbench, a page at offset 0-5,000: 1.87 ms planned each time,
// 0.73 ms prepared). Only a search's plan depends on its words'
// frequencies; pageWhere decides for a search.
func pgPlanOnce(f model.Filter) bool { return strings.TrimSpace(f.Search) == "" }

func (p *Postgres) Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error) {
	if limit <= 0 {
		return nil, nil
	}
	cond, args, keep, err := p.pageWhere(ctx, f, offset+limit)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// The page's ids first, then their columns: the stories skipped by the
	// offset are walked in the index, but their feed titles and triage are
	// not read. The page's tags come in the same statement, as Story's do.
	// One statement: the ids in a statement of their own and the columns in
	// a prepared one cut the server's time for a page from 2.69 to 1.94 ms
	// (ten readers, no poller), but during a polling round, when each round
	// trip waits for a processor again, the readers' p99 rose to 32.7-53.4
	// ms from 24.5-33.4 (three runs each).
	args = append(args, max(offset, 0))
	if !keep {
		args = planEachRun(args)
	}
	rows, err := p.db.QueryContext(ctx, pgQueuePage(cond, keep, limit), args...)
	if err != nil {
		return nil, fmt.Errorf("store: queue: %w", err)
	}
	defer rows.Close()
	out := make([]model.StoryHeader, 0, min(limit, 1000))
	for rows.Next() {
		var tags string
		h, err := scanHeaderAnd(rows, &tags)
		if err != nil {
			return nil, fmt.Errorf("store: queue: %w", err)
		}
		if h.Tags, _, err = pgDecodeTags(tags); err != nil {
			return nil, fmt.Errorf("store: queue: story %d tags: %w", h.ID, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: queue: %w", err)
	}
	return out, nil
}

func (p *Postgres) QueueLen(ctx context.Context, f model.Filter) (int, error) {
	if strings.TrimSpace(f.Search) == "" && f.Tag == "" && f.FeedID == 0 {
		switch f.View {
		case model.ViewAll, model.ViewUnread, model.ViewStarred, model.ViewArchived:
			c, err := p.Counts(ctx)
			return map[model.View]int{
				model.ViewAll: c.All, model.ViewUnread: c.Unread,
				model.ViewStarred: c.Starred, model.ViewArchived: c.Archived,
			}[f.View], err
		}
	}
	return p.counts.remembered(ctx, f, func() (int, error) { return p.countQueue(ctx, f) })
}

// commonShare: a searched word in more than this share of the stories is
// counted from its index entries. The planner would rather read every
// search vector and test it, which it costs as cheap, but each one is
// fetched from out of line: 5.5 s for a word in 80% of 1.1 M stories,
// against 1.4 s from the index. For rarer words its own plan is the
// quicker (0.3 s against 0.9 s for a word in 6%).
const commonShare = 0.25

// countQueue counts a filter's queue (QueueLen without the counters).
func (p *Postgres) countQueue(ctx context.Context, f model.Filter) (int, error) {
	if err := p.pgSearchReady(ctx, f); err != nil {
		return 0, err
	}
	q := pgFilterQuery(f)
	if q == "" {
		return p.countWhere(ctx, f, "TRUE")
	}
	est, stories, known, err := p.estimateMatches(ctx, q)
	if err != nil {
		return 0, err
	}
	cond, args, err := p.whereEstimated(ctx, f, q, est, stories, known)
	if errors.Is(err, errNoMatch) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	if est < 0 || est <= commonShare*stories {
		return p.count(ctx, cond, args)
	}
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	defer tx.Rollback()
	// Only for this count: no reading of every vector, which the planner
	// picks as a scan of the table or a merge over its key.
	if _, err := tx.ExecContext(ctx, `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_mergejoin', 'off', true)`); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return p.countIn(ctx, pgTx{tx}, cond, args)
}

func (p *Postgres) Counts(ctx context.Context) (model.Counts, error) {
	var c model.Counts
	err := p.db.QueryRowContext(ctx, `SELECT COALESCE(SUM(n_stories - n_archived), 0),
		COALESCE(SUM(n_unread), 0), COALESCE(SUM(n_starred), 0), COALESCE(SUM(n_archived), 0)
		FROM user_feeds`).Scan(&c.All, &c.Unread, &c.Starred, &c.Archived)
	if err != nil {
		return model.Counts{}, fmt.Errorf("store: counts: %w", err)
	}
	return c, nil
}

func (p *Postgres) QueueIndex(ctx context.Context, f model.Filter, id int64) (int, error) {
	cond, args, err := p.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return -1, nil
	}
	if err != nil {
		return -1, err
	}
	var pub int64
	err = p.db.QueryRowContext(ctx, `SELECT s.published FROM user_stories s WHERE s.id = ? AND `+cond,
		planEachRun(append([]any{id}, args...))...).Scan(&pub)
	if errors.Is(err, sql.ErrNoRows) {
		return -1, nil
	}
	if err != nil {
		return -1, fmt.Errorf("store: queue index: %w", err)
	}
	var n int
	if err := p.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM user_stories s WHERE `+cond+`
		AND (s.published > ? OR (s.published = ? AND s.id > ?))`,
		planEachRun(append(args, pub, pub, id))...).Scan(&n); err != nil {
		return -1, fmt.Errorf("store: queue index: %w", err)
	}
	return n, nil
}

// Triage ---------------------------------------------------------------

func (p *Postgres) SetTriage(ctx context.Context, id int64, t model.Triage) error {
	return p.changeTriage(ctx, id, "set triage", model.TriageChange{Read: &t.Read, Starred: &t.Starred, Archived: &t.Archived})
}

func (p *Postgres) ChangeTriage(ctx context.Context, id int64, c model.TriageChange) error {
	if c.Empty() {
		return nil
	}
	return p.changeTriage(ctx, id, "change triage", c)
}

// pgChangeTriageSQL applies a change to the user's flags on a story in one
// statement: the story row is share-locked so it cannot go away meanwhile,
// the user's triage row locked, then rewritten (or deleted when all flags
// are off) and the change announced, only when a flag moved. Its arguments
// are pgChangeTriageArgs; it returns whether the story exists.
const pgChangeTriageSQL = `WITH s AS (SELECT id, feed_id FROM stories WHERE id = ? FOR SHARE),
	o AS (SELECT read, starred, archived FROM triage WHERE user_name = ? AND story_id = ? FOR UPDATE),
	n AS (SELECT s.id, s.feed_id,
			COALESCE(CAST(? AS integer), o.read, 0) AS read,
			COALESCE(CAST(? AS integer), o.starred, 0) AS starred,
			COALESCE(CAST(? AS integer), o.archived, 0) AS archived,
			COALESCE(o.read, 0) AS was_read, COALESCE(o.starred, 0) AS was_starred, COALESCE(o.archived, 0) AS was_archived
		FROM s LEFT JOIN o ON true),
	moved AS (SELECT * FROM n WHERE (read, starred, archived) <> (was_read, was_starred, was_archived)),
	gone AS (DELETE FROM triage WHERE user_name = ? AND story_id = ?
		AND EXISTS (SELECT 1 FROM moved WHERE read = 0 AND starred = 0 AND archived = 0)),
	kept AS (INSERT INTO triage (user_name, story_id, feed_id, read, starred, archived)
		SELECT ?, id, feed_id, read, starred, archived FROM moved WHERE read + starred + archived > 0
		ON CONFLICT (user_name, story_id)
		DO UPDATE SET read = EXCLUDED.read, starred = EXCLUDED.starred, archived = EXCLUDED.archived),
	told AS (SELECT pg_notify(?, ?) FROM moved)
	SELECT (SELECT COUNT(*) FROM s), (SELECT COUNT(*) FROM told)`

// pgChangeTriageArgs are pgChangeTriageSQL's arguments: a flag the change
// leaves alone is NULL.
func (p *Postgres) pgChangeTriageArgs(id int64, c model.TriageChange) []any {
	flag := func(b *bool) any {
		if b == nil {
			return nil
		}
		return dbBool(*b)
	}
	return []any{id, p.user, id, flag(c.Read), flag(c.Starred), flag(c.Archived), p.user, id, p.user,
		ChanFlags, p.flagsPayload(id)}
}

// changeTriage applies c to the user's flags on story id, in one
// statement (pgChangeTriageSQL).
func (p *Postgres) changeTriage(ctx context.Context, id int64, what string, c model.TriageChange) error {
	var found, told int
	if err := p.db.writeRow(ctx, pgChangeTriageSQL, p.pgChangeTriageArgs(id, c), &found, &told); err != nil {
		return fmt.Errorf("store: %s: %w", what, err)
	}
	if found == 0 {
		return fmt.Errorf("store: %s: story %d: %w", what, id, ErrNotFound)
	}
	return nil
}

func (p *Postgres) MarkRead(ctx context.Context, f model.Filter) ([]int64, error) {
	return p.setWhere(ctx, f, "read", `s.read = 0`)
}

func (p *Postgres) ArchiveRead(ctx context.Context, f model.Filter) ([]int64, error) {
	return p.setWhere(ctx, f, "archived", `s.read = 1 AND s.starred = 0 AND s.archived = 0`)
}

func (p *Postgres) setWhere(ctx context.Context, f model.Filter, flag, extra string) ([]int64, error) {
	cond, args, err := p.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []int64
	err = p.db.write(ctx, func(tx pgTx) error {
		ids = nil
		// The user's row of each story gains the flag (a new row
		// carries the rest of the user's flags, all off).
		rows, err := tx.QueryContext(ctx, `INSERT INTO triage AS tr (user_name, story_id, feed_id, read, starred, archived)
			SELECT ?, s.id, s.feed_id, s.read, s.starred, s.archived FROM user_stories s WHERE `+cond+` AND `+pgFlagConds.Replace(extra)+`
			ORDER BY s.id
			ON CONFLICT (user_name, story_id) DO UPDATE SET `+flag+` = 1
			RETURNING tr.story_id`, append([]any{p.user}, args...)...)
		if err != nil {
			return err
		}
		if ids, err = scanIDs(rows); err != nil || len(ids) == 0 {
			return err
		}
		if _, err = tx.ExecContext(ctx, `UPDATE triage SET `+flag+` = 1 WHERE user_name = ? AND story_id = ANY(?)`, p.user, ids); err != nil {
			return err
		}
		return p.notifyFlags(ctx, tx, -1)
	})
	if err != nil {
		return nil, fmt.Errorf("store: set %s: %w", flag, err)
	}
	slices.Sort(ids)
	return ids, nil
}

func (p *Postgres) UnmarkRead(ctx context.Context, ids []int64) error {
	return p.clearFlag(ctx, ids, "read")
}

func (p *Postgres) Unarchive(ctx context.Context, ids []int64) error {
	return p.clearFlag(ctx, ids, "archived")
}

func (p *Postgres) clearFlag(ctx context.Context, ids []int64, flag string) error {
	if len(ids) == 0 {
		return nil
	}
	err := p.db.write(ctx, func(tx pgTx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE triage SET `+flag+` = 0
			WHERE user_name = ? AND `+flag+` = 1 AND story_id = ANY(?)`, p.user, ids); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM triage WHERE user_name = ? AND story_id = ANY(?)
			AND read = 0 AND starred = 0 AND archived = 0`, p.user, ids); err != nil {
			return err
		}
		return p.notifyFlags(ctx, tx, -1)
	})
	if err != nil {
		return fmt.Errorf("store: clear %s: %w", flag, err)
	}
	return nil
}

func (p *Postgres) CountUnread(ctx context.Context, f model.Filter) (int, error) {
	return p.countWhere(ctx, f, `s.read = 0`)
}

func (p *Postgres) CountArchivable(ctx context.Context, f model.Filter) (int, error) {
	return p.countWhere(ctx, f, `s.read = 1 AND s.starred = 0 AND s.archived = 0`)
}

func (p *Postgres) countWhere(ctx context.Context, f model.Filter, extra string) (int, error) {
	cond, args, err := p.where(ctx, f)
	if errors.Is(err, errNoMatch) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return p.count(ctx, cond+` AND `+pgFlagConds.Replace(extra), args)
}

// count counts the user's stories that meet cond.
func (p *Postgres) count(ctx context.Context, cond string, args []any) (int, error) {
	return p.countIn(ctx, p.db, cond, planEachRun(args))
}

func (p *Postgres) countIn(ctx context.Context, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, cond string, args []any) (int, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM user_stories s WHERE `+cond, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count: %w", err)
	}
	return n, nil
}

// Notes and tags -------------------------------------------------------

func (p *Postgres) SetNote(ctx context.Context, id int64, note string) error {
	note = cleanNote(note)
	err := p.db.write(ctx, func(tx pgTx) error {
		res, err := tx.ExecContext(ctx, `UPDATE stories SET note = ?, note_author = ? WHERE id = ?`, note, p.user, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "story", id); err != nil {
			return err
		}
		return p.notifyNotes(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: set note: %w", err)
	}
	return nil
}

// notifyNotes tells open readers that story id's tags or note changed,
// and who changed them, when tx commits.
func (p *Postgres) notifyNotes(ctx context.Context, tx pgTx, id int64) error {
	return pgNotifyTx(ctx, tx, ChanNotes, p.notesPayload(id))
}

// notesPayload is the ChanNotes payload of story id's tags or note changed
// by this user.
func (p *Postgres) notesPayload(id int64) string { return strconv.FormatInt(id, 10) + " " + p.user }

// pgStoryLocked locks story id against removal while its tags change;
// ErrNotFound when there is none.
func pgStoryLocked(ctx context.Context, tx pgTx, id int64) error {
	var one int
	err := tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ? FOR SHARE`, id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("story %d: %w", id, ErrNotFound)
	}
	return err
}

func (p *Postgres) SetTags(ctx context.Context, id int64, tags []string) error {
	tags = NormalizeTags(tags)
	err := p.db.write(ctx, func(tx pgTx) error {
		if err := pgStoryLocked(ctx, tx, id); err != nil {
			return err
		}
		// Tags that stay keep their author; new ones are the user's.
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_tags WHERE story_id = ? AND NOT (tag = ANY(?))`,
			id, nonNil(tags)); err != nil {
			return err
		}
		if len(tags) > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_tags (story_id, tag, author) SELECT ?, unnest(CAST(? AS text[])), ?
				ON CONFLICT DO NOTHING`, id, tags, p.user); err != nil {
				return err
			}
		}
		return p.notifyNotes(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: set tags: %w", err)
	}
	return nil
}

func (p *Postgres) ChangeTags(ctx context.Context, id int64, add, remove []string) error {
	add, remove = NormalizeTags(add), NormalizeTags(remove)
	if len(add) == 0 && len(remove) == 0 {
		return nil
	}
	if !overlap(add, remove) {
		return p.changeTagsAtOnce(ctx, id, add, remove)
	}
	// A tag both taken off and put on is put on again by this user, as
	// the two statements in that order make it; one statement cannot
	// delete and insert the same row.
	err := p.db.write(ctx, func(tx pgTx) error {
		if err := pgStoryLocked(ctx, tx, id); err != nil {
			return err
		}
		if len(remove) > 0 {
			if _, err := tx.ExecContext(ctx, `DELETE FROM story_tags WHERE story_id = ? AND tag = ANY(?)`, id, remove); err != nil {
				return err
			}
		}
		if len(add) > 0 {
			if _, err := tx.ExecContext(ctx, `INSERT INTO story_tags (story_id, tag, author) SELECT ?, unnest(CAST(? AS text[])), ?
				ON CONFLICT (story_id, tag) DO NOTHING`, id, add, p.user); err != nil {
				return err
			}
		}
		return p.notifyNotes(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: change tags: %w", err)
	}
	return nil
}

// changeTagsAtOnce is ChangeTags in one statement, when no tag is both
// added and removed.
func (p *Postgres) changeTagsAtOnce(ctx context.Context, id int64, add, remove []string) error {
	var found, told int
	err := p.db.writeRow(ctx, `WITH s AS (SELECT id FROM stories WHERE id = ? FOR SHARE),
			gone AS (DELETE FROM story_tags WHERE story_id IN (SELECT id FROM s) AND tag = ANY(?)),
			added AS (INSERT INTO story_tags (story_id, tag, author)
				SELECT s.id, a.tag, ? FROM s, unnest(CAST(? AS text[])) AS a(tag)
				ON CONFLICT (story_id, tag) DO NOTHING),
			told AS (SELECT pg_notify(?, ?) FROM s)
		SELECT (SELECT COUNT(*) FROM s), (SELECT COUNT(*) FROM told)`,
		[]any{id, nonNil(remove), p.user, nonNil(add), ChanNotes, p.notesPayload(id)}, &found, &told)
	if err != nil {
		return fmt.Errorf("store: change tags: %w", err)
	}
	if found == 0 {
		return fmt.Errorf("store: change tags: story %d: %w", id, ErrNotFound)
	}
	return nil
}

// overlap says whether the sorted lists a and b share an element.
func overlap(a, b []string) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

func (p *Postgres) Tags(ctx context.Context) ([]model.TagCount, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT tag, COUNT(*) FROM story_tags GROUP BY tag ORDER BY tag COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	defer rows.Close()
	var out []model.TagCount
	for rows.Next() {
		var tc model.TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, fmt.Errorf("store: tags: %w", err)
		}
		out = append(out, tc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tags: %w", err)
	}
	return out, nil
}

// Saved searches -------------------------------------------------------

func (p *Postgres) SaveSearch(ctx context.Context, name, query string) error {
	name, query, err := cleanSearch(name, query)
	if err != nil {
		return fmt.Errorf("store: save search: %w", err)
	}
	err = p.db.write(ctx, func(tx pgTx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO searches (name, query, created) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET query = excluded.query`, name, query, time.Now().UnixMicro())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save search: %w", err)
	}
	return nil
}

func (p *Postgres) DeleteSearch(ctx context.Context, name string) error {
	err := p.db.write(ctx, func(tx pgTx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM searches WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("saved search %q: %w", name, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete search: %w", err)
	}
	return nil
}

func (p *Postgres) Searches(ctx context.Context) ([]model.SavedSearch, error) {
	out, err := p.savedSearches(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		n, err := p.QueueLen(ctx, model.Filter{View: model.ViewUnread, Search: out[i].Query})
		if err != nil {
			return nil, fmt.Errorf("store: saved search %q: %w", out[i].Name, err)
		}
		out[i].Unread = n
	}
	return out, nil
}

func (p *Postgres) savedSearches(ctx context.Context) ([]model.SavedSearch, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT name, query FROM searches ORDER BY created, name COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", err)
	}
	defer rows.Close()
	var out []model.SavedSearch
	for rows.Next() {
		var ss model.SavedSearch
		if err := rows.Scan(&ss.Name, &ss.Query); err != nil {
			return nil, fmt.Errorf("store: saved searches: %w", err)
		}
		out = append(out, ss)
	}
	return out, rows.Err()
}

func (p *Postgres) ImportSearches(ctx context.Context, ss []model.SavedSearch) (int, error) {
	added := 0
	err := p.db.write(ctx, func(tx pgTx) error {
		added = 0
		now := time.Now().UnixMicro()
		for i, x := range ss {
			name, query, err := cleanSearch(x.Name, x.Query)
			if err != nil {
				return fmt.Errorf("%q: %w", x.Name, err)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO searches (name, query, created) VALUES (?, ?, ?)
				ON CONFLICT (name) DO NOTHING`, name, query, now+int64(i))
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: import searches: %w", err)
	}
	return added, nil
}

func (p *Postgres) ExportSearches(ctx context.Context) (string, error) {
	ss, err := p.savedSearches(ctx)
	if err != nil {
		return "", err
	}
	return searchesTable(ss), nil
}

// FeedsAfter pages through the subscribed feeds by id, as the poller's
// rounds read them.
func (p *Postgres) FeedsAfter(ctx context.Context, after int64, limit int) ([]model.Feed, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT `+feedColumns+` FROM user_feeds
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
	return feeds, rows.Err()
}

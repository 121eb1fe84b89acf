package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/cluster"
)

// keysPerQuery keeps IN lists well under SQLite's bound-parameter limit.
const keysPerQuery = 500

// ContentHashes returns the stored content hash of each of keys that the
// feed already has.
func (s *SQLite) ContentHashes(ctx context.Context, feedID int64, keys []string) (map[string]string, error) {
	out := make(map[string]string, len(keys))
	// A feed with no stories yet (its first poll) has no hashes, and its
	// counter says so for less than the look-up: a query of 50 keys took
	// 0.28 ms, 0.28 s of a first round of 1,000 feeds, spent while the
	// poll holds a CPU slot (feeds/poller.go).
	var stored int
	err := s.db.QueryRowContext(ctx, `SELECT n_stories FROM feeds WHERE id = ?`, feedID).Scan(&stored)
	if err == nil && stored == 0 {
		return out, nil
	}
	for start := 0; start < len(keys); start += keysPerQuery {
		chunk := keys[start:min(len(keys), start+keysPerQuery)]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, feedID)
		for _, k := range chunk {
			args = append(args, k)
		}
		q := `SELECT key, content_hash FROM stories WHERE feed_id = ? AND key IN (?` +
			strings.Repeat(", ?", len(chunk)-1) + `)`
		if err := collectHashes(ctx, s.db, q, args, out); err != nil {
			return nil, fmt.Errorf("store: content hashes: %w", err)
		}
	}
	return out, nil
}

func collectHashes(ctx context.Context, db *sql.DB, q string, args []any, out map[string]string) error {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k, h string
		if err := rows.Scan(&k, &h); err != nil {
			return err
		}
		out[k] = h
	}
	return rows.Err()
}

// encodedStory is a story ready for its INSERT or UPDATE, prepared before
// the write lock is taken.
type encodedStory struct {
	model.Story
	hash          string
	published     int64
	firstSeen     int64
	undated       bool   // the feed gave no date: Published is the first-seen time
	quotes, stats string // JSON, for PostgreSQL only (encodeHighlights)
	packed        []byte // for SQLite only (packHighlights)
	headline      *model.HeadlineFigure
	sketch        cluster.Sketch // the story's fingerprint (clusters.go)
}

func encodeStory(st model.Story, hash string, now time.Time) (encodedStory, error) {
	e := encodedStory{Story: st, hash: hash, headline: model.Headline(st.Stats)}
	if e.FirstSeen.IsZero() {
		e.FirstSeen = now
	}
	if e.Published.IsZero() {
		e.Published = e.FirstSeen
	}
	e.undated = e.Published.Equal(e.FirstSeen)
	e.published, e.firstSeen = e.Published.UnixMicro(), e.FirstSeen.UnixMicro()
	if e.Key == "" {
		e.Key = fallbackKey(st)
	}
	return e, nil
}

// encodeHighlights fills in e's highlights as JSON, which PostgreSQL keeps
// beside its rows; SQLite keeps only the rows (highlights_home.go).
func encodeHighlights(e *encodedStory) error {
	q, err := json.Marshal(nonNil(e.Quotes))
	if err != nil {
		return err
	}
	sts, err := json.Marshal(nonNil(e.Stats))
	if err != nil {
		return err
	}
	e.quotes, e.stats = string(q), string(sts)
	return nil
}

// fallbackKey identifies a story whose caller gave no key the way the model
// says keys are made: the link, else a hash of title and date.
func fallbackKey(st model.Story) string {
	if st.Link != "" {
		return st.Link
	}
	h := sha256.Sum256([]byte(st.Title + "\x00" + st.Published.UTC().Format(time.RFC3339Nano)))
	return "sha256:" + hex.EncodeToString(h[:])
}

// nonNil makes a nil slice encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func headlineArgs(h *model.HeadlineFigure) (cat, val, text any) {
	if h == nil {
		return nil, nil, nil
	}
	return string(h.Category), h.Value, h.Text
}

// UpsertStories saves a feed's stories atomically: in one transaction,
// which it may share with other feeds' writes (see group.go). A key not yet in
// the feed is inserted, with the story's Triage (normally zero). A known key
// whose hash differs is updated in place: text, highlights, title, link,
// author and date change, its triage state and first-seen time do not, and
// its date is kept when the feed gives none (Published equal to FirstSeen,
// the poller's way of saying so), so an undated story that changes does not
// jump to the top of the queue. An unchanged hash writes nothing. Stories
// stored earlier and absent from this batch are left alone. When a key
// appears twice in the batch the first one wins. stories[i].FeedID is
// ignored in favour of feedID.
func (s *SQLite) UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error) {
	var res model.SaveResult
	enc, err := prepareStories(stories, hashes, time.Now())
	if err != nil {
		return res, err
	}
	if len(enc) == 0 { // an empty feed: no write lock for nothing
		return res, nil
	}
	for i := range enc { // before the write lock, which waits for nothing else
		enc[i].packed = packHighlights(enc[i].Quotes, enc[i].Stats, enc[i].Body)
	}
	if clusterStories {
		s.warmClusters(ctx)
	}
	err = s.submit(ctx, len(enc), func(ctx context.Context, g *groupTx) error {
		res = model.SaveResult{}
		return g.upsertStories(ctx, feedID, enc, &res)
	})
	if err != nil {
		return model.SaveResult{}, fmt.Errorf("store: saving stories: %w", err)
	}
	return res, nil
}

// upsertStories writes one feed's stories in g's transaction, counting them
// into res; their search index, quote and figure rows wait for the indexer.
func (g *groupTx) upsertStories(ctx context.Context, feedID int64, enc []encodedStory, res *model.SaveResult) error {
	var one int
	feedExists, err := g.stmt(ctx, `SELECT 1 FROM feeds WHERE id = ?`)
	if err != nil {
		return err
	}
	err = feedExists.QueryRowContext(ctx, feedID).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("feed %d: %w", feedID, ErrNotFound)
	}
	if err != nil {
		return err
	}
	u, err := g.upserter(ctx)
	if err != nil {
		return err
	}
	var counts tally
	for i := range enc {
		created, changed, err := u.upsert(ctx, feedID, &enc[i])
		if err != nil {
			return fmt.Errorf("story %q: %w", enc[i].Key, err)
		}
		switch {
		case created:
			res.New++
			counts.add(enc[i].Triage, +1)
		case changed:
			res.Updated++
		}
	}
	if err := u.flush(ctx, g); err != nil {
		return err
	}
	if counts.zero() {
		return nil
	}
	apply, err := g.stmt(ctx, applyTallySQL)
	if err != nil {
		return err
	}
	_, err = apply.ExecContext(ctx, counts.args(feedID)...)
	return err
}

// upserter holds the story statements of one transaction, prepared once
// because a transaction can hold thousands of stories (Populate, a group of
// first polls).
type upserter struct {
	lookup, insStory, updStory, updText *sql.Stmt
	// A saved story waits in search_pending for its search index entry,
	// and with its highlights packed in index_pending for its quote and
	// figure rows; the indexer writes both later, many stories at a time
	// (index_pending.go). A story changed after that loses them and waits
	// again.
	insPending, isPending, insSearch, ftsDel, delQuotes, delFigures *sql.Stmt
	clusters                                                        *clusterTx
	// deferred: this group's new stories wait in cluster_pending for the
	// indexer to cluster them (clusters_pending.go).
	deferred bool
	pending  int // stories that wait for the indexer
	// The other rows of the new stories saved since the last flush: their
	// texts (id, body), their places in the indexer's queues (id; id,
	// highlights). Written many rows a statement at the end of each feed:
	// four one-row statements a story were a tenth of the writer's time.
	texts, searches, highlights, unclustered []any
}

func newUpserter(ctx context.Context, g *groupTx) (*upserter, error) {
	u := &upserter{}
	for _, p := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&u.lookup, `SELECT id, content_hash FROM stories WHERE feed_id = ? AND key = ?`},
		{&u.insStory, `INSERT INTO stories (feed_id, key, link, title, author, published, first_seen,
			words, content_hash, quote_count, headline_category, headline_value, headline_text,
			read, starred, archived, cluster_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (feed_id, key) DO NOTHING`},
		{&u.updStory, `UPDATE stories SET link = ?, title = ?, author = ?,
			published = CASE WHEN ? = 1 THEN published ELSE ? END,
			words = ?, content_hash = ?, quote_count = ?,
			headline_category = ?, headline_value = ?, headline_text = ?
			WHERE id = ?`},
		{&u.updText, `UPDATE story_texts SET body = ? WHERE story_id = ?`},
		{&u.insPending, `INSERT INTO index_pending (story_id, highlights) VALUES (?, ?)
			ON CONFLICT (story_id) DO UPDATE SET highlights = excluded.highlights`},
		{&u.isPending, `SELECT COUNT(*) FROM index_pending WHERE story_id = ?`},
		{&u.insSearch, `INSERT OR IGNORE INTO search_pending (story_id) VALUES (?)`},
		{&u.ftsDel, ftsDeleteSQL},
		{&u.delQuotes, delQuotesSQL},
		{&u.delFigures, delFiguresSQL},
	} {
		st, err := g.stmt(ctx, p.sql)
		if err != nil {
			return nil, err
		}
		*p.dst = st
	}
	return u, nil
}

func (u *upserter) upsert(ctx context.Context, feedID int64, e *encodedStory) (created, changed bool, err error) {
	cat, val, text := headlineArgs(e.headline)
	// Insert first: the poller sends only new and changed stories, and new
	// ones are most of them (all of a first poll), so trying the INSERT
	// saves them a lookup; a key already there inserts nothing.
	var id int64
	var matchID, clusterID int64
	if !u.deferred && clusterStories {
		// In the write lock, but only between bursts (clusters_pending.go).
		e.sketch = cluster.Fingerprint(e.Title, e.Body)
		matchID, clusterID = u.clusters.match(e.sketch, e.published)
	}
	// An Exec, then its row id and its count of changes: as a query with
	// RETURNING id, a result set of one row per story, the insert took
	// 1.31 s of a first round's CPU (1,000 feeds x 50 items), as an Exec
	// 0.82 s. A key already there changes no row.
	ins, err := u.insStory.ExecContext(ctx, feedID, e.Key, e.Link, e.Title, e.Author, e.published, e.firstSeen,
		e.Words, e.hash, model.AttributedQuotes(e.Quotes), cat, val, text,
		dbBool(e.Read), dbBool(e.Starred), dbBool(e.Archived), nullID(clusterID))
	if err != nil {
		return false, false, err
	}
	if n, err := ins.RowsAffected(); err != nil {
		return false, false, err
	} else if n == 1 {
		if id, err = ins.LastInsertId(); err != nil {
			return false, false, err
		}
		if u.deferred {
			u.unclustered = append(u.unclustered, id)
		} else if err := u.clusters.saved(ctx, id, e, matchID, clusterID); err != nil {
			return false, false, err
		}
		u.texts = append(u.texts, id, e.Body)
		u.searches = append(u.searches, id)
		u.highlights = append(u.highlights, id, e.packed)
		u.pending++
		return true, false, nil
	}
	var oldHash string
	if err := u.lookup.QueryRowContext(ctx, feedID, e.Key).Scan(&id, &oldHash); err != nil {
		return false, false, err
	}
	if oldHash == e.hash {
		return false, false, nil
	}
	if _, err := u.updStory.ExecContext(ctx, e.Link, e.Title, e.Author, dbBool(e.undated), e.published,
		e.Words, e.hash, model.AttributedQuotes(e.Quotes), cat, val, text, id); err != nil {
		return false, false, err
	}
	if _, err := u.updText.ExecContext(ctx, e.Body, id); err != nil {
		return false, false, err
	}
	if err := u.awaitAgain(ctx, id, e); err != nil {
		return false, false, err
	}
	return false, true, nil
}

// flush writes the rows of the new stories saved since the last flush.
func (u *upserter) flush(ctx context.Context, g *groupTx) error {
	// The stories are new, so none is in the queues yet.
	for _, w := range []struct {
		insert string
		width  int
		args   *[]any
	}{
		{`INSERT INTO story_texts (story_id, body) VALUES (?, ?)`, 2, &u.texts},
		{`INSERT INTO search_pending (story_id) VALUES (?)`, 1, &u.searches},
		{`INSERT INTO index_pending (story_id, highlights) VALUES (?, ?)`, 2, &u.highlights},
		{`INSERT INTO cluster_pending (story_id) VALUES (?)`, 1, &u.unclustered},
	} {
		err := g.insertMany(ctx, w.insert, w.width, *w.args)
		clear(*w.args) // the bodies may go
		*w.args = (*w.args)[:0]
		if err != nil {
			return err
		}
	}
	return u.clusters.flush(ctx)
}

// awaitAgain puts a changed story back in the indexer's queues, with its
// new packed highlights (new stories join them in flush). One the indexer
// had already seen first loses its search entry and its quote and figure
// rows, which the indexer writes again.
func (u *upserter) awaitAgain(ctx context.Context, id int64, e *encodedStory) error {
	// Deleting an entry the index does not hold yet does nothing.
	if _, err := u.ftsDel.ExecContext(ctx, id); err != nil {
		return err
	}
	var waiting int
	if err := u.isPending.QueryRowContext(ctx, id).Scan(&waiting); err != nil {
		return err
	}
	if waiting == 0 {
		for _, st := range []*sql.Stmt{u.delQuotes, u.delFigures} {
			if _, err := st.ExecContext(ctx, id); err != nil {
				return err
			}
		}
	}
	if _, err := u.insSearch.ExecContext(ctx, id); err != nil {
		return err
	}
	if _, err := u.insPending.ExecContext(ctx, id, e.packed); err != nil {
		return err
	}
	u.pending++
	return nil
}

// Story loads one story with its body and highlights.
func (s *SQLite) Story(ctx context.Context, id int64) (model.Story, error) {
	var (
		st                   model.Story
		published, first     sql.NullInt64
		read, starred, archd int
		packed               []byte
	)
	err := s.db.QueryRowContext(ctx, `SELECT s.id, s.feed_id, COALESCE(NULLIF(f.user_title, ''), NULLIF(f.title, ''), f.url),
			s.key, s.link, s.title, s.author, s.published, s.first_seen, s.words,
			s.read, s.starred, s.archived, COALESCE(t.body, ''), s.note,
			(SELECT p.highlights FROM index_pending p WHERE p.story_id = s.id)
		FROM stories s
		JOIN feeds f ON f.id = s.feed_id
		LEFT JOIN story_texts t ON t.story_id = s.id
		WHERE s.id = ?`, id).Scan(&st.ID, &st.FeedID, &st.FeedTitle,
		&st.Key, &st.Link, &st.Title, &st.Author, &published, &first, &st.Words,
		&read, &starred, &archd, &st.Body, &st.Note, &packed)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, err)
	}
	st.Published, st.FirstSeen = goTime(published), goTime(first)
	st.Triage = goTriage(read, starred, archd)
	if st.Quotes, st.Stats, err = storyHighlights(ctx, s.db, id, st.Body, packed); err != nil {
		return model.Story{}, fmt.Errorf("store: story %d %w", id, err)
	}
	tags, err := storyTags(ctx, s.db, []int64{id})
	if err != nil {
		return model.Story{}, fmt.Errorf("store: story %d tags: %w", id, err)
	}
	st.Tags = tags[id]
	return st, nil
}

package store

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
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
	headline      *model.HeadlineFigure
	sketch        cluster.Sketch // the story's fingerprint (clusters.go)
}

func encodeStory(st model.Story, hash string, now time.Time) (encodedStory, error) {
	e := encodedStory{Story: st, hash: hash, headline: model.Headline(st.Stats)}
	if clusterStories {
		e.sketch = cluster.Fingerprint(st.Title, st.Body)
	}
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
// into res; their search index rows wait in the upserter for the end of the
// transaction.
func (g *groupTx) upsertStories(ctx context.Context, feedID int64, enc []encodedStory, res *model.SaveResult) error {
	var one int
	err := g.tx.QueryRowContext(ctx, `SELECT 1 FROM feeds WHERE id = ?`, feedID).Scan(&one)
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
	return counts.apply(ctx, g.tx, feedID)
}

// upserter holds the story statements of one transaction, prepared once
// because a transaction can hold thousands of stories (Populate, a group of
// first polls).
type upserter struct {
	lookup, insStory, insText, updStory, updText, ftsIns, ftsDel *sql.Stmt
	insQuotes, insFigures, delQuotes, delFigures                 *sql.Stmt
	insQuotesMany, insFiguresMany                                *sql.Stmt // rowsPerInsert rows each
	clusters                                                     *clusterTx
	// The search index is written after all the stories: FTS5 flushes its
	// pending terms to disk at every statement savepoint, and the story
	// INSERTs open one each, so interleaving the two made many tiny index
	// segments and doubled the time of large batches.
	toIndex []indexJob
	// The quote and figure rows wait for the end too, and go in sorted by
	// their secondary index (figures_category, quotes_surname): a story's
	// ten figures land on ten pages far apart in that index, and a group's
	// six thousand, written in the index's order, touch each page once.
	quoteRows  []quoteRow
	figureRows []figureRow
}

type quoteRow struct {
	id                          int64
	n                           int
	speaker, key, surname, role any
	text                        string
	start, end                  int
}

type figureRow struct {
	id                    int64
	n                     int
	category              string
	value                 float64
	lower, upper          any
	unit, qualifier, text string
	vague                 int
	start, end            int
}

type indexJob struct {
	id          int64
	replace     bool
	title, body string
}

func newUpserter(ctx context.Context, tx *sql.Tx) (*upserter, error) {
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
			ON CONFLICT (feed_id, key) DO NOTHING RETURNING id`},
		{&u.insText, `INSERT INTO story_texts (story_id, body) VALUES (?, ?)`},
		{&u.updStory, `UPDATE stories SET link = ?, title = ?, author = ?,
			published = CASE WHEN ? = 1 THEN published ELSE ? END,
			words = ?, content_hash = ?, quote_count = ?,
			headline_category = ?, headline_value = ?, headline_text = ?
			WHERE id = ?`},
		{&u.updText, `UPDATE story_texts SET body = ? WHERE story_id = ?`},
		{&u.ftsIns, ftsInsertSQL},
		{&u.ftsDel, ftsDeleteSQL},
		{&u.insQuotes, insQuoteSQL},
		{&u.insFigures, insFigureSQL},
		{&u.insQuotesMany, valuesRepeated(insQuoteSQL, rowsPerInsert)},
		{&u.insFiguresMany, valuesRepeated(insFigureSQL, rowsPerInsert)},
		{&u.delQuotes, delQuotesSQL},
		{&u.delFigures, delFiguresSQL},
	} {
		st, err := tx.PrepareContext(ctx, p.sql)
		if err != nil {
			u.close()
			return nil, err
		}
		*p.dst = st
	}
	return u, nil
}

func (u *upserter) close() {
	for _, st := range []*sql.Stmt{u.lookup, u.insStory, u.insText, u.updStory, u.updText, u.ftsIns, u.ftsDel,
		u.insQuotes, u.insFigures, u.delQuotes, u.delFigures, u.insQuotesMany, u.insFiguresMany} {
		if st != nil {
			st.Close()
		}
	}
	if u.clusters != nil {
		u.clusters.close()
	}
}

func (u *upserter) upsert(ctx context.Context, feedID int64, e *encodedStory) (created, changed bool, err error) {
	cat, val, text := headlineArgs(e.headline)
	// Insert first: the poller sends only new and changed stories, and new
	// ones are most of them (all of a first poll), so trying the INSERT
	// saves them a lookup; a key already there inserts nothing.
	var id int64
	matchID, clusterID := u.clusters.match(e.sketch, e.published)
	err = u.insStory.QueryRowContext(ctx, feedID, e.Key, e.Link, e.Title, e.Author, e.published, e.firstSeen,
		e.Words, e.hash, model.AttributedQuotes(e.Quotes), cat, val, text,
		dbBool(e.Read), dbBool(e.Starred), dbBool(e.Archived), nullID(clusterID)).Scan(&id)
	switch {
	case err == nil:
		if err := u.clusters.saved(ctx, id, e, matchID, clusterID); err != nil {
			return false, false, err
		}
		if _, err := u.insText.ExecContext(ctx, id, e.Body); err != nil {
			return false, false, err
		}
		if err := u.highlights(ctx, id, e, false); err != nil {
			return false, false, err
		}
		u.toIndex = append(u.toIndex, indexJob{id: id, title: e.Title, body: e.Body})
		return true, false, nil
	case !errors.Is(err, sql.ErrNoRows):
		return false, false, err
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
	if err := u.highlights(ctx, id, e, true); err != nil {
		return false, false, err
	}
	u.toIndex = append(u.toIndex, indexJob{id: id, replace: true, title: e.Title, body: e.Body})
	return false, true, nil
}

// highlights writes the quote and figure rows of story id (replacing its
// old ones when replace), the rows json_each makes of the JSON story_texts
// keeps (see highlights.go).
func (u *upserter) highlights(ctx context.Context, id int64, e *encodedStory, replace bool) error {
	if replace {
		if _, err := u.delQuotes.ExecContext(ctx, id); err != nil {
			return err
		}
		if _, err := u.delFigures.ExecContext(ctx, id); err != nil {
			return err
		}
	}
	if replace {
		// Rows of an earlier version of the story in this group, not yet
		// written: the version now saved replaces them.
		u.quoteRows = slices.DeleteFunc(u.quoteRows, func(r quoteRow) bool { return r.id == id })
		u.figureRows = slices.DeleteFunc(u.figureRows, func(r figureRow) bool { return r.id == id })
	}
	for n := range e.Quotes {
		q := &e.Quotes[n]
		sp, key, surname, role, text := quoteArgs(q)
		u.quoteRows = append(u.quoteRows, quoteRow{id, n, sp, key, surname, role, text, q.Start, q.End})
	}
	for n := range e.Stats {
		f := &e.Stats[n]
		u.figureRows = append(u.figureRows, figureRow{id, n, jsonText(string(f.Category)), f.Value,
			nullFloat(f.Lower), nullFloat(f.Upper), jsonText(f.Unit), jsonText(f.Qualifier), jsonText(f.Text),
			dbBool(f.Vague), f.Start, f.End})
	}
	return nil
}

// writeHighlights writes the quote and figure rows of the stories upserted
// so far, in the order of their secondary indexes, rowsPerInsert rows to a
// statement.
func (u *upserter) writeHighlights(ctx context.Context) error {
	slices.SortFunc(u.figureRows, func(a, b figureRow) int {
		return cmp.Or(strings.Compare(a.category, b.category), cmp.Compare(a.value, b.value),
			cmp.Compare(a.id, b.id), cmp.Compare(a.n, b.n))
	})
	args := make([]any, 0, rowsPerInsert*12)
	err := insertRows(ctx, u.insFigures, u.insFiguresMany, len(u.figureRows), func(i int) {
		r := &u.figureRows[i]
		args = append(args, r.id, r.n, r.category, r.value, r.lower, r.upper,
			r.unit, r.qualifier, r.vague, r.text, r.start, r.end)
	}, &args)
	if err != nil {
		return fmt.Errorf("figures: %w", err)
	}
	u.figureRows = u.figureRows[:0]
	surname := func(r quoteRow) string { s, _ := r.surname.(string); return s }
	slices.SortFunc(u.quoteRows, func(a, b quoteRow) int {
		return cmp.Or(strings.Compare(surname(a), surname(b)), cmp.Compare(a.id, b.id), cmp.Compare(a.n, b.n))
	})
	err = insertRows(ctx, u.insQuotes, u.insQuotesMany, len(u.quoteRows), func(i int) {
		r := &u.quoteRows[i]
		args = append(args, r.id, r.n, r.speaker, r.key, r.surname, r.role, r.text, r.start, r.end)
	}, &args)
	if err != nil {
		return fmt.Errorf("quotes: %w", err)
	}
	u.quoteRows = u.quoteRows[:0]
	return nil
}

// rowsPerInsert is how many rows one INSERT of quotes or figures carries:
// a polling round writes half a million of them, and a statement per row
// spent a third of the time binding and stepping rather than inserting.
const rowsPerInsert = 32

// insertRows runs many (rowsPerInsert rows) for each full batch of n rows
// and one (a row) for the rest; add(i) appends row i's values to *args.
func insertRows(ctx context.Context, one, many *sql.Stmt, n int, add func(i int), args *[]any) error {
	i := 0
	for ; i+rowsPerInsert <= n; i += rowsPerInsert {
		*args = (*args)[:0]
		for j := i; j < i+rowsPerInsert; j++ {
			add(j)
		}
		if _, err := many.ExecContext(ctx, *args...); err != nil {
			return err
		}
	}
	for ; i < n; i++ {
		*args = (*args)[:0]
		add(i)
		if _, err := one.ExecContext(ctx, *args...); err != nil {
			return err
		}
	}
	return nil
}

// index writes the quote, figure and search index rows of the stories
// upserted so far.
func (u *upserter) index(ctx context.Context) error {
	if err := u.writeHighlights(ctx); err != nil {
		return err
	}
	for _, j := range u.toIndex {
		if j.replace {
			if _, err := u.ftsDel.ExecContext(ctx, j.id); err != nil {
				return fmt.Errorf("search index: %w", err)
			}
		}
		if _, err := u.ftsIns.ExecContext(ctx, j.id, j.title, j.body); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
	}
	u.toIndex = u.toIndex[:0]
	return nil
}

// Story loads one story with its body and highlights.
func (s *SQLite) Story(ctx context.Context, id int64) (model.Story, error) {
	var (
		st                   model.Story
		published, first     sql.NullInt64
		read, starred, archd int
	)
	err := s.db.QueryRowContext(ctx, `SELECT s.id, s.feed_id, COALESCE(NULLIF(f.user_title, ''), NULLIF(f.title, ''), f.url),
			s.key, s.link, s.title, s.author, s.published, s.first_seen, s.words,
			s.read, s.starred, s.archived, COALESCE(t.body, ''), s.note
		FROM stories s
		JOIN feeds f ON f.id = s.feed_id
		LEFT JOIN story_texts t ON t.story_id = s.id
		WHERE s.id = ?`, id).Scan(&st.ID, &st.FeedID, &st.FeedTitle,
		&st.Key, &st.Link, &st.Title, &st.Author, &published, &first, &st.Words,
		&read, &starred, &archd, &st.Body, &st.Note)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Story{}, fmt.Errorf("store: story %d: %w", id, err)
	}
	st.Published, st.FirstSeen = goTime(published), goTime(first)
	st.Triage = goTriage(read, starred, archd)
	if st.Quotes, st.Stats, err = storyHighlights(ctx, s.db, id); err != nil {
		return model.Story{}, fmt.Errorf("store: story %d %w", id, err)
	}
	tags, err := storyTags(ctx, s.db, []int64{id})
	if err != nil {
		return model.Story{}, fmt.Errorf("store: story %d tags: %w", id, err)
	}
	st.Tags = tags[id]
	return st, nil
}

package store

// This file holds what is specific to PostgreSQL, the team store: the
// driver (pgx), placeholders, migrations with a schema_version table and the
// full-text search on a tsvector column. The methods (postgres_store.go)
// speak the same SQL as SQLite's wherever it is the same; the business rules
// are shared (rules.go). There is no single writer here: PostgreSQL lets
// concurrent writers commit on their own, and a transaction that loses a
// deadlock or a serialization race is run again (pgDB.write).

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" driver

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"sitrep/model"
)

// IsPostgresURL says whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgresURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// OpenAny opens the store --db names: PostgreSQL for a postgres:// URL, a
// SQLite file otherwise.
func OpenAny(db string) (Store, error) { return OpenAnyAs(db, "") }

// OpenAnyAs is OpenAny for user: on PostgreSQL the triage is that user's
// ("" for DefaultUser); a SQLite file has one reader and ignores it.
func OpenAnyAs(db, user string) (Store, error) {
	if IsPostgresURL(db) {
		return OpenPostgresAs(db, user)
	}
	return Open(db)
}

// RedactURL is a --db value fit to print: a URL's password hidden.
func RedactURL(db string) string {
	if !IsPostgresURL(db) {
		return db
	}
	if u, err := url.Parse(db); err == nil {
		return u.Redacted()
	}
	return "postgres://…"
}

// Postgres is the Store kept in a PostgreSQL database, shared by a team.
// Stories, feeds, extraction, tags and notes are the team's; read, starred
// and archived are each user's own (the triage table), seen through the
// views user_stories and user_feeds, which take the user from the
// connection's sitrep.user setting.
type Postgres struct {
	db   pgDB
	user string
	// session tells this store's own flag notifications from those of the
	// same user's other readers (ChanFlags).
	session string
	// dsn is what the store was opened with, for the LISTEN connection.
	dsn string
	// counts remembers the queue lengths of searches (search_counts.go).
	counts searchCounts
	// rows writes the quote and figure rows of saved stories in the
	// background (pg_rows_pending.go), and the search vectors a burst
	// of saves left waiting (pg_search_pending.go).
	rows *pgRowsWriter
	// burst follows this process's saves for the vectors' deferral.
	burst pgSearchBurst
	// backlog remembers when a search last found a burst's vectors
	// waiting (pgVectorsReady).
	backlog pgBacklog
	// guesses remembers the planner's guesses of searches (pg_guesses.go).
	guesses pgGuesses
}

var _ Store = (*Postgres)(nil)

// OpenPostgres connects to the database at url (postgres://…) as the
// default user (DefaultUser) and brings its schema up to date.
func OpenPostgres(dsn string) (*Postgres, error) { return OpenPostgresAs(dsn, "") }

// OpenPostgresAs connects as user ("" for DefaultUser): the read, starred
// and archived flags it reads and writes are that user's.
func OpenPostgresAs(dsn, user string) (*Postgres, error) {
	if user = strings.TrimSpace(user); user == "" {
		user = DefaultUser()
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", RedactURL(dsn), err)
	}
	cfg.RuntimeParams["sitrep.user"] = user
	// No parallel workers: a reader's queries want their first rows, and
	// a parallel walk of the queue made every worker check as many stories
	// as the page needs and start late (a search's page at 1.1 M stories:
	// 590 ms with two workers, 117 ms alone).
	cfg.RuntimeParams["max_parallel_workers_per_gather"] = "0"
	// No JIT compilation: a plan whose cost passes jit_above_cost (a
	// search's estimate, a count over a million stories) made the server
	// load LLVM into the connection, 70-90 ms the first time, and compile
	// the query again at every run. sitrep's queries want their first rows
	// in milliseconds, not a faster scan of millions.
	cfg.RuntimeParams["jit"] = "off"
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: connecting to PostgreSQL: %w", err)
	}
	p := &Postgres{db: pgDB{db}, user: user, session: newSession(), dsn: dsn}
	// Not under the connection's timeout: a migration that copies a
	// table (7) takes minutes at a million stories.
	if err := p.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	p.counts.openPostgres(p.db)
	p.startRowsWriter()
	return p, nil
}

// Close closes the connections.
func (p *Postgres) Close() error {
	p.rows.close()
	p.counts.close()
	return p.db.Close()
}

// Analyze refreshes the planner's statistics after a large import
// (sitrep migrate). Until autovacuum gets to them, the statistics are those
// of the tables before the import, and a search after copying 200,000
// stories took 35 s instead of 25 ms: the planner still thought every word
// rare or common as in the empty tables.
func (p *Postgres) Analyze(ctx context.Context) error {
	if _, err := p.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return fmt.Errorf("store: analyze: %w", err)
	}
	return nil
}

// rebind turns the ? placeholders the shared SQL uses into PostgreSQL's $1,
// $2, …, leaving quoted strings and identifiers alone.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// pgDB and pgTx are the database and a transaction, taking ? placeholders.
type pgDB struct{ *sql.DB }

func (d pgDB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, rebind(q), args...)
}

func (d pgDB) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, rebind(q), args...)
}

func (d pgDB) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return d.DB.ExecContext(ctx, rebind(q), args...)
}

type pgTx struct{ *sql.Tx }

func (t pgTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, rebind(q), args...)
}

func (t pgTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, rebind(q), args...)
}

func (t pgTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.Tx.ExecContext(ctx, rebind(q), args...)
}

// write runs fn in a transaction of its own, committed when fn returns nil.
// Writers do not wait for each other in Go: PostgreSQL locks rows. A
// transaction that loses a deadlock or a serialization race is run again,
// a few times.
func (d pgDB) write(ctx context.Context, fn func(tx pgTx) error) error {
	return withRetries(func() error { return d.writeOnce(ctx, fn) })
}

func (d pgDB) writeOnce(ctx context.Context, fn func(tx pgTx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(pgTx{tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// writeRow runs one statement that writes, on its own (its own
// transaction, one round trip), scans its row into dest, and retries as
// write does. For the reader's own edits (a star, a tag): on a server busy
// with a polling round each round trip of a transaction of several
// statements waits its turn for a processor again.
func (d pgDB) writeRow(ctx context.Context, q string, args []any, dest ...any) error {
	return withRetries(func() error { return d.QueryRowContext(ctx, q, args...).Scan(dest...) })
}

// withRetries runs a write, and again, up to five times in all, while it
// loses a deadlock or a serialization race (retryable).
func withRetries(write func() error) error {
	for try := 0; ; try++ {
		err := write()
		if err == nil || try == 4 || !retryable(err) {
			return err
		}
		time.Sleep(time.Duration(try+1) * 5 * time.Millisecond)
	}
}

// retryable: deadlock_detected, serialization_failure.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

// pgMigrations bring a PostgreSQL database from version i to i+1, as
// migrations do for SQLite; the version is kept in schema_version. The
// first one is the schema SQLite reached in its seven: PostgreSQL came
// later and has no older databases to carry along. Append, never edit.
var pgMigrations = [][]string{
	{ // 1: the whole schema of SQLite's migrations 1-7, and search.
		// The text search configuration: English stems as FTS5's porter
		// tokenizer makes them, and no stop words (FTS5 has none, so "the"
		// is searchable on both). Diacritics and punctuation are taken out
		// in Go first (pgSearchText), as FTS5's unicode61 tokenizer does.
		`CREATE TEXT SEARCH DICTIONARY sitrep_stem (TEMPLATE = snowball, Language = english)`,
		`CREATE TEXT SEARCH CONFIGURATION sitrep (COPY = simple)`,
		`ALTER TEXT SEARCH CONFIGURATION sitrep ALTER MAPPING FOR asciiword, word, numword,
			asciihword, hword, hword_asciipart, hword_part, hword_numpart WITH sitrep_stem`,
		// instr as SQLite has it, so feed: is the same SQL on both.
		`CREATE FUNCTION instr(haystack text, needle text) RETURNS integer
			LANGUAGE sql IMMUTABLE STRICT AS 'SELECT strpos(haystack, needle)'`,
		`CREATE TABLE feeds (
			id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			url           TEXT    NOT NULL UNIQUE,
			title         TEXT    NOT NULL DEFAULT '',
			site_url      TEXT    NOT NULL DEFAULT '',
			tags          TEXT    NOT NULL DEFAULT '[]',
			full_text     INTEGER NOT NULL DEFAULT 0,
			etag          TEXT    NOT NULL DEFAULT '',
			last_modified TEXT    NOT NULL DEFAULT '',
			last_poll     BIGINT,
			next_poll     BIGINT,
			last_error    TEXT    NOT NULL DEFAULT '',
			error_count   INTEGER NOT NULL DEFAULT 0,
			n_stories     INTEGER NOT NULL DEFAULT 0,
			n_unread      INTEGER NOT NULL DEFAULT 0,
			n_starred     INTEGER NOT NULL DEFAULT 0,
			n_archived    INTEGER NOT NULL DEFAULT 0,
			update_hint   BIGINT  NOT NULL DEFAULT 0,
			user_title    TEXT    NOT NULL DEFAULT '',
			removed       INTEGER NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE stories (
			id                BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
			feed_id           BIGINT  NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
			published         BIGINT  NOT NULL,
			read              INTEGER NOT NULL DEFAULT 0,
			starred           INTEGER NOT NULL DEFAULT 0,
			archived          INTEGER NOT NULL DEFAULT 0,
			title             TEXT    NOT NULL DEFAULT '',
			link              TEXT    NOT NULL DEFAULT '',
			quote_count       INTEGER NOT NULL DEFAULT 0,
			headline_category TEXT,
			headline_value    DOUBLE PRECISION,
			headline_text     TEXT,
			key               TEXT    NOT NULL,
			author            TEXT    NOT NULL DEFAULT '',
			first_seen        BIGINT  NOT NULL,
			words             INTEGER NOT NULL DEFAULT 0,
			content_hash      TEXT    NOT NULL DEFAULT '',
			note              TEXT    NOT NULL DEFAULT '',
			cluster_id        BIGINT,
			UNIQUE (feed_id, key)
		)`,
		`CREATE TABLE story_texts (
			story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
			body     TEXT NOT NULL DEFAULT '',
			quotes   TEXT NOT NULL DEFAULT '[]',
			stats    TEXT NOT NULL DEFAULT '[]',
			search   tsvector NOT NULL DEFAULT ''
		)`,
		`CREATE INDEX story_texts_search ON story_texts USING GIN (search)`,
		`CREATE INDEX stories_all ON stories (published, id) WHERE archived = 0`,
		`CREATE INDEX stories_archived ON stories (published, id) WHERE archived = 1`,
		`CREATE INDEX stories_unread ON stories (published, id) WHERE read = 0 AND archived = 0`,
		`CREATE INDEX stories_starred ON stories (published, id) WHERE starred = 1`,
		`CREATE INDEX stories_by_feed ON stories (feed_id, archived, published, id)`,
		`CREATE INDEX stories_cluster ON stories (cluster_id) WHERE cluster_id IS NOT NULL`,
		`CREATE TABLE story_tags (
			story_id BIGINT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
			tag      TEXT   NOT NULL,
			PRIMARY KEY (story_id, tag)
		)`,
		`CREATE INDEX story_tags_tag ON story_tags (tag, story_id)`,
		`CREATE TABLE quotes (
			story_id    BIGINT  NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
			n           INTEGER NOT NULL,
			speaker     TEXT,
			speaker_key TEXT,
			surname     TEXT,
			role        TEXT,
			text        TEXT    NOT NULL,
			start       INTEGER NOT NULL,
			"end"       INTEGER NOT NULL,
			PRIMARY KEY (story_id, n)
		)`,
		`CREATE INDEX quotes_surname ON quotes (surname, story_id) WHERE surname IS NOT NULL`,
		`CREATE TABLE figures (
			story_id  BIGINT  NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
			n         INTEGER NOT NULL,
			category  TEXT    NOT NULL,
			value     DOUBLE PRECISION NOT NULL,
			lower     DOUBLE PRECISION,
			upper     DOUBLE PRECISION,
			unit      TEXT    NOT NULL DEFAULT '',
			qualifier TEXT    NOT NULL DEFAULT '',
			vague     INTEGER NOT NULL DEFAULT 0,
			text      TEXT    NOT NULL,
			start     INTEGER NOT NULL,
			"end"     INTEGER NOT NULL,
			PRIMARY KEY (story_id, n)
		)`,
		`CREATE INDEX figures_category ON figures (category, value, story_id)`,
		`CREATE TABLE searches (
			name    TEXT   NOT NULL PRIMARY KEY,
			query   TEXT   NOT NULL,
			created BIGINT NOT NULL
		)`,
	},
	pgTriageSchema, // 2: per-person triage, authors of notes and tags (pg_triage.go)
	pgLeaseSchema,  // 3: feed leases and team pollers (pg_lease.go)
	{ // 4: a user's starred and archived stories are found from their
		// triage rows (pgFlagConds), not by reading every row of the user;
		// the queue walks every story newest first (stories_all's predicate,
		// the story's own archived column, is never set on PostgreSQL, so
		// the planner could not use it and sorted the table instead).
		`CREATE INDEX triage_starred ON triage (user_name, story_id) WHERE starred = 1`,
		`CREATE INDEX triage_archived ON triage (user_name, story_id) WHERE archived = 1`,
		`CREATE INDEX stories_published ON stories (published, id)`,
	},
	{ // 5: the planner knows how rare a searched word is. With the default
		// statistics it took a word absent from every story for one in two
		// hundred, walked all the stories newest first looking for 50
		// matches, and took 20 s at 250,000 stories; with a longer list of
		// common words it reads a rare word's few matches from the index
		// (0.2 ms) and still walks for a common one.
		`ALTER TABLE story_texts ALTER COLUMN search SET STATISTICS 2000`,
		`ANALYZE story_texts`,
	},
	{ // 6: a number every write moves after it commits, so that a reader
		// knows its remembered queue lengths still hold (search_counts.go).
		// A sequence: taking a number never waits for another writer.
		// Unused since the server's snapshot became that version; kept, as
		// an older sitrep of the team still moves it.
		`CREATE SEQUENCE changes`,
	},
	{ // 7: the search vector in a narrow table of its own, stored out of
		// line and uncompressed (in the row again since migration 11).
		// Beside the 4 KB body, each row of story_texts took a page:
		// finding the stories of a word in 6% of a million read 57,000
		// pages (2.8 s), and checking one story's vector meant fetching
		// and decompressing it (60 µs). Here a row is a few dozen bytes and
		// a check reads the vector as it is. Copying a million vectors
		// takes a few minutes, once.
		`CREATE TABLE story_search (
			story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
			search   tsvector NOT NULL DEFAULT ''
		)`,
		`ALTER TABLE story_search ALTER COLUMN search SET STORAGE EXTERNAL`,
		`ALTER TABLE story_search ALTER COLUMN search SET STATISTICS 2000`,
		`INSERT INTO story_search (story_id, search) SELECT story_id, search FROM story_texts`,
		`CREATE INDEX story_search_gin ON story_search USING GIN (search)`,
		`DROP INDEX story_texts_search`,
		`ALTER TABLE story_texts DROP COLUMN search`,
		`ANALYZE story_search`,
	},
	{ // 8: a story has a few quotes and a few figures. ANALYZE's sample
		// guessed 152,000 stories with quotes among 1.1 M (74 quotes each),
		// so the Speakers view of the newest 5,000 stories read all 11 M
		// quotes (1.8 s) rather than each story's own (0.19 s). A share of
		// distinct stories about one row in seven keeps the guess near.
		`ALTER TABLE quotes ALTER COLUMN story_id SET (n_distinct = -0.15)`,
		`ALTER TABLE figures ALTER COLUMN story_id SET (n_distinct = -0.15)`,
		`ANALYZE quotes`,
		`ANALYZE figures`,
	},
	{ // 9: new stories wait here for their quote and figure rows
		// (pg_rows_pending.go).
		`CREATE TABLE rows_pending (
			story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE
		)`,
	},
	pgLeanerWrites,  // 10: less work for each saved story
	pgInlineVectors, // 11: search vectors in their rows
	{ // 12: in a burst of saves, new stories wait here for their search
		// vectors (pg_search_pending.go).
		`CREATE TABLE search_pending (
			story_id BIGINT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE
		)`,
	},
}

// pgLeanerWrites is migration 10: what each new story cost the server and
// bought nothing, found in a profile of a polling round at 1.7 M stories.
var pgLeanerWrites = []string{
	// The story's own flags are never set on PostgreSQL (triage holds
	// them since migration 2), so these four indexes only cost a B-tree
	// insertion each (two of them 91 MB at 1.7 M stories) and were never
	// read: stories_published serves the queue.
	`DROP INDEX IF EXISTS stories_all`,
	`DROP INDEX IF EXISTS stories_unread`,
	`DROP INDEX IF EXISTS stories_starred`,
	`DROP INDEX IF EXISTS stories_archived`,
	// No query filters on a story's text or its JSON: without statistics
	// ANALYZE no longer reads and decompresses 30,000 bodies for nothing.
	`ALTER TABLE story_texts ALTER COLUMN body SET STATISTICS 0`,
	`ALTER TABLE story_texts ALTER COLUMN quotes SET STATISTICS 0`,
	`ALTER TABLE story_texts ALTER COLUMN stats SET STATISTICS 0`,
	// LZ4 compresses a body several times faster than PostgreSQL's own
	// pglz, and reads it back faster; a server built without it (or older
	// than 14) keeps pglz.
	`DO $$ BEGIN
		EXECUTE 'ALTER TABLE story_texts ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN quotes SET COMPRESSION lz4, ALTER COLUMN stats SET COMPRESSION lz4';
	EXCEPTION WHEN OTHERS THEN NULL;
	END $$`,
}

// pgInlineVectors is migration 11: the search vectors move into their
// rows (STORAGE MAIN) from the TOAST table migration 7 put them in. A
// search of a word too common for its index walks the queue and checks
// each story's vector: out of line that read 8 pages a story (the row, the
// TOAST index, two chunks), in the row 4, and a walk over 5,000 stories
// for a word in one story of ten took 10 ms instead of 21. Counting the
// same word's matches took 0.9-1.1 s instead of 5.4-7.0 s, since the
// bitmap, too large for work_mem, checks every row of its pages. Vectors
// hardly compress (2.5 KB either way), so a page holds three rows. The
// USING expression makes PostgreSQL rewrite the table, which moves the
// vectors already there: 2.5 minutes for 1.5 M stories here. The queue's
// searches on that database, median of 15 each: Aleppo 8.2 ms before, 3.1
// after; Goma 6.9, 2.8; ceasefire 5.6, 2.9; "humanitarian corridor" 5.5,
// 2.5; words rare or common enough for their index alone 1-3 ms as before.
var pgInlineVectors = []string{
	// One statement: a type change alone would set the storage back to
	// the type's own (EXTENDED, which put them out of line again), and
	// its rewrite comes after every part of the statement has been applied.
	`ALTER TABLE story_search ALTER COLUMN search TYPE tsvector USING search || ''::tsvector,
		ALTER COLUMN search SET STORAGE MAIN`,
	`ANALYZE story_search`,
}

// migrate applies the migrations the database has not seen, each in one
// transaction with its version, under an advisory lock so that two sitreps
// starting at once on a new database do not both apply one.
func (p *Postgres) migrate(ctx context.Context) error {
	return p.db.write(ctx, func(tx pgTx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7123400011)`); err != nil {
			return fmt.Errorf("store: migrating: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("store: migrating: %w", err)
		}
		var v int
		err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (0)`); err != nil {
				return fmt.Errorf("store: migrating: %w", err)
			}
		case err != nil:
			return fmt.Errorf("store: reading schema version: %w", err)
		}
		if v > len(pgMigrations) {
			return fmt.Errorf("store: database schema version %d is newer than this sitrep knows (%d)", v, len(pgMigrations))
		}
		for ; v < len(pgMigrations); v++ {
			for _, stmt := range pgMigrations[v] {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("store: migration %d: %w", v+1, err)
				}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, v+1); err != nil {
				return fmt.Errorf("store: migration %d: %w", v+1, err)
			}
		}
		return nil
	})
}

// foldMarks takes diacritics off (Alép → Alep), as FTS5's
// remove_diacritics does. A transformer keeps state: one per call.
func foldMarks() transform.Transformer {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// pgSearchText is text as the tsvector and tsquery see it: lower case,
// without diacritics, every run of letters and digits a word and
// everything else a space, the way FTS5's unicode61 tokenizer splits it.
func pgSearchText(s string) string {
	folded := s
	if !isASCII(s) {
		if f, _, err := transform.String(foldMarks(), s); err == nil {
			folded = f
		}
	}
	return strings.Join(strings.FieldsFunc(strings.ToLower(folded), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	}), " ")
}

// pgTSVector is the SQL that indexes a story's title and body (two
// arguments, made by pgSearchText).
const pgTSVector = `to_tsvector('sitrep', ?) || to_tsvector('sitrep', ?)`

// pgTSVectorOf is pgTSVector of two SQL expressions.
func pgTSVectorOf(title, body string) string {
	return `to_tsvector('sitrep', ` + title + `) || to_tsvector('sitrep', ` + body + `)`
}

// pgTerm is one term as a tsquery: its words in a row (<->), the last one
// a prefix for word*. "" when it has no word.
func pgTerm(t SearchTerm) string {
	words := strings.Fields(pgSearchText(t.Text))
	if len(words) == 0 {
		return ""
	}
	if t.Prefix {
		words[len(words)-1] += ":*"
	}
	if len(words) == 1 {
		return words[0]
	}
	return "(" + strings.Join(words, " <-> ") + ")"
}

func pgJoin(ts []SearchTerm, sep string) string {
	var out []string
	for _, t := range ts {
		if q := pgTerm(t); q != "" {
			out = append(out, q)
		}
	}
	return strings.Join(out, sep)
}

// pgQuery is the tsquery of a search's words, with FTS5's meaning (see
// ftsMatch): the terms of a group all, any group, none of Not.
func pgQuery(sq Search) string {
	var groups []string
	for _, g := range sq.Groups {
		if q := pgJoin(g, " & "); q != "" {
			groups = append(groups, "("+q+")")
		}
	}
	if len(groups) == 0 {
		return ""
	}
	q := strings.Join(groups, " | ")
	if not := pgJoin(sq.Not, " | "); not != "" {
		q = "(" + q + ") & !(" + not + ")"
	}
	return q
}

// pgWords finds a search's words in story_texts.search.
func pgWords(s Search) (string, []any) {
	if q := pgQuery(s); q != "" {
		return `s.id IN (SELECT story_id FROM story_search WHERE search @@ to_tsquery('sitrep', ?))`, []any{q}
	}
	if len(s.Not) > 0 && s.narrows() {
		if not := pgJoin(s.Not, " | "); not != "" {
			return `s.id NOT IN (SELECT story_id FROM story_search WHERE search @@ to_tsquery('sitrep', ?))`, []any{not}
		}
	}
	return "", nil
}

// planEachRun puts before args the pgx setting that plans the query for
// these arguments. pgx prepares each statement once per connection, and
// after five runs PostgreSQL may keep a generic plan that ignores them: a
// searched word's frequency, or a LIMIT and OFFSET given as parameters.
// That plan sorted every story for a page of 50 (0.4 s at 200,000 stories
// against 1 ms). Only the searches and counts of the queue take it (a page
// without a search is written to keep a plan, pgQueuePage): planning every
// statement every run (plan_cache_mode force_custom_plan) tripled the time
// of saving a story, whose plan never changes.
func planEachRun(args []any) []any { return append([]any{pgx.QueryExecModeExec}, args...) }

// pgWhere is the condition selecting a filter's stories on PostgreSQL.
func pgWhere(f model.Filter) (string, []any, error) { return pgWhereWith(pgWords, f) }

func pgWhereWith(words textSearch, f model.Filter) (string, []any, error) {
	cond, args, err := whereWith(words, f)
	return pgFlagConds.Replace(cond), args, err
}

// fewMatches bounds how many stories a searched word may match for the
// queue to take them from the index as a list of ids; rareShare is the
// share of the stories below which the planner's guess of a word's matches
// may be a guess for a word its statistics do not know (it guesses such a
// word to be in half a per cent of the stories).
const (
	fewMatches = 5000
	rareShare  = 0.02
)

// estimateMatches is the planner's guess of how many stories the text
// query q matches, -1 when it gives none, how many stories there are, and
// whether the guess is one to trust: every word of q is among the common
// words ANALYZE keeps (story_search's most_common_elems), and none is a
// prefix. A word missing there is rarer than all of them, and the planner
// then guesses its frequency. Whether the words are known is asked only
// when it changes what the guess decides (knownMatters); otherwise it is
// reported false.
func (p *Postgres) estimateMatches(ctx context.Context, q string) (est, stories float64, known bool, err error) {
	if g, ok := p.guesses.get(q, time.Now()); ok {
		return g.est, g.stories, g.known, nil
	}
	est, stories, known, err = p.askPlanner(ctx, q)
	if err == nil {
		p.guesses.put(q, pgGuess{est: est, stories: stories, known: known, at: time.Now()})
	}
	return est, stories, known, err
}

// askPlanner is estimateMatches asking the server. One EXPLAIN gives both
// the guess and the number of stories: the plans of the matches and of
// the whole table side by side. A reader's first search of its words took
// 27-58 ms at the start of a polling round with two statements, the second
// (the known words) planned at 1.2 ms.
func (p *Postgres) askPlanner(ctx context.Context, q string) (est, stories float64, known bool, err error) {
	var plan string
	if err := p.db.QueryRowContext(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM story_search WHERE search @@ to_tsquery('sitrep', ?)
		UNION ALL SELECT 1 FROM story_search`, planEachRun([]any{q})...).Scan(&plan); err != nil {
		return 0, 0, false, fmt.Errorf("store: search: %w", err)
	}
	var guess []struct {
		Plan struct {
			Plans []struct {
				Rows float64 `json:"Plan Rows"`
			}
		}
	}
	if json.Unmarshal([]byte(plan), &guess) != nil || len(guess) == 0 || len(guess[0].Plan.Plans) != 2 {
		stories, _, err := p.knownWords(ctx, q)
		return -1, stories, false, err
	}
	est, stories = guess[0].Plan.Plans[0].Rows, guess[0].Plan.Plans[1].Rows
	if knownMatters(est, stories) {
		_, known, err = p.knownWords(ctx, q)
	}
	return est, stories, known, err
}

// knownMatters reports whether a guess of est matches among stories
// decides differently when its words are known (manyMatches).
func knownMatters(est, stories float64) bool {
	return manyMatches(est, stories, true) != manyMatches(est, stories, false)
}

// knownWords is how many stories there are and whether every word of the
// text query q is one ANALYZE keeps (pgKnownWordsSQL).
func (p *Postgres) knownWords(ctx context.Context, q string) (stories float64, known bool, err error) {
	if err := p.db.QueryRowContext(ctx, pgKnownWordsSQL, q).Scan(&stories, &known); err != nil {
		return 0, false, fmt.Errorf("store: search: %w", err)
	}
	return stories, known, nil
}

// pgKnownWordsSQL gives how many stories there are and whether every
// lexeme of the text query (the argument) is one of story_search's common
// elements, none of them a prefix (:*). The query's text form quotes each
// lexeme: 'humanitarian' <-> 'corridor'.
const pgKnownWordsSQL = `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'story_search'::regclass),
	COALESCE((SELECT bool_and(m[2] IS NULL AND m[1] = ANY(st.elems))
		FROM regexp_matches(CAST(to_tsquery('sitrep', ?) AS text), '''([^'']*)''(:\*)?', 'g') AS m,
			(SELECT CAST(CAST(most_common_elems AS text) AS text[]) AS elems FROM pg_stats
				WHERE schemaname = current_schema() AND tablename = 'story_search' AND attname = 'search') st), false)`

// where is pgWhere for the queue's queries, with a searched word's
// matches looked up first when it may be rare. The planner guesses a
// word's frequency from its statistics, and a word rarer than every word
// they keep (a place name, say) is guessed to be in one story in two
// hundred: it then walks every story newest first looking for 50 matches,
// 4 s at a million stories, 80 s with ten readers at once. So when the
// planner expects few stories, they are read from the index
// first (at most fewMatches+1) and the condition is that list of ids; when
// it expects many (over rareShare), its guess comes from the words it
// keeps and is right, and walking newest first finds a page at once; so
// does it when the list is over fewMatches, a share of at least
// fewMatches/stories.
func (p *Postgres) where(ctx context.Context, f model.Filter) (string, []any, error) {
	cond, args, _, err := p.pageWhere(ctx, f, 0)
	return cond, args, err
}

// pgFilterQuery is the text query of filter f's searched words, "" when
// it searches for none.
func pgFilterQuery(f model.Filter) string {
	if strings.TrimSpace(f.Search) == "" {
		return ""
	}
	return pgQuery(ParseSearch(f.Search))
}

// pageWhere is where for a queue page that reaches reach stories deep
// (offset and limit; 0 for a read that is not a page), and whether the
// page may keep its plan. A search
// for words the planner expects in many stories walks them newest first
// until the page is found: the plan is the same for any such word, so it
// is kept while the walk is expected to stay short (pgWalkKept). Planning
// a search's page took 0.75 ms of its 1.9 ms on the server (1 M stories,
// idle), and a reader's search during a polling round had a p99 of 76 ms.
// Its test of the words cannot use the index (ts_match_vq, not @@), so
// that a plan made for no word in particular walks too rather than read
// every match and sort them.
func (p *Postgres) pageWhere(ctx context.Context, f model.Filter, reach int) (cond string, args []any, keep bool, err error) {
	if err := p.pgSearchReady(ctx, f); err != nil {
		return "", nil, false, err
	}
	q := pgFilterQuery(f)
	if q == "" {
		cond, args, err = pgWhere(f)
		return cond, args, pgPlanOnce(f), err
	}
	est, stories, known, err := p.estimateMatches(ctx, q)
	if err != nil {
		return "", nil, false, err
	}
	if reach > 0 && manyMatches(est, stories, known) && float64(reach)*stories <= pgWalkKept*est {
		cond, args, err = pgWhereWith(pgWalkedWords, f)
		return cond, args, true, err
	}
	cond, args, err = p.whereEstimated(ctx, f, q, est, stories, known)
	return cond, args, false, err
}

// pgWalkKept is how many stories a page that keeps its plan may expect to
// walk: each costs a look-up of its vector, about 3 µs, so 30 ms at most.
const pgWalkKept = 10000

// pgWalkedWords is pgWords for a walk newest first: a story's vector is
// looked up and tested, and the test is a function the planner cannot
// answer from the index. The text query is made once per run, in a
// subquery: as a plain argument a plan made for no word in particular
// would parse it for each story, cost more than one made for the word,
// and PostgreSQL would go on planning each run.
func pgWalkedWords(s Search) (string, []any) {
	q := pgQuery(s)
	if q == "" {
		return pgWords(s)
	}
	return `EXISTS (SELECT 1 FROM story_search w WHERE w.story_id = s.id AND ts_match_vq(w.search, (SELECT to_tsquery('sitrep', ?))))`, []any{q}
}

// manyMatches reports whether the planner's guess est of a search's
// matches among stories is that of a common word, one it knows or one
// guessed in more than rareShare of the stories, and over fewMatches.
func manyMatches(est, stories float64, known bool) bool {
	return est > max(fewMatches, rareShare*stories) || (known && est > fewMatches)
}

// whereEstimated is where for a filter whose words, the text query q,
// the planner guesses est of the stories match.
func (p *Postgres) whereEstimated(ctx context.Context, f model.Filter, q string, est, stories float64, known bool) (string, []any, error) {
	// Reading the list costs with the matches, and for a phrase each one
	// with its vector read and checked: "humanitarian corridor", guessed
	// in 2% of 2 M stories from its two common words, took 0.1 s there to
	// find the list too long, and 0.2-0.6 s during a polling round. A
	// guess made of known words is trusted.
	if est < 0 || manyMatches(est, stories, known) {
		return pgWhere(f)
	}
	rows, err := p.db.QueryContext(ctx, `SELECT story_id FROM story_search WHERE search @@ to_tsquery('sitrep', ?) LIMIT ?`,
		q, fewMatches+1)
	if err != nil {
		return "", nil, fmt.Errorf("store: search: %w", err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return "", nil, fmt.Errorf("store: search: %w", err)
	}
	if len(ids) > fewMatches {
		return pgWhere(f)
	}
	return pgWhereWith(func(s Search) (string, []any) {
		if pgQuery(s) == "" {
			return pgWords(s)
		}
		return `s.id = ANY(?)`, []any{nonNil(ids)}
	}, f)
}

// pgFlagConds rewrites the shared SQL's tests of the user's flags, which on
// PostgreSQL are columns of user_stories made by a LEFT JOIN and COALESCE,
// into (NOT) EXISTS over the user's triage rows. The planner cannot see
// through COALESCE: it guessed that one story in two hundred is not
// archived, so it sorted the whole table for every queue page (0.1 s at
// 50,000 stories) instead of walking stories_published newest first and looking
// each story up in triage's primary key; with EXISTS it estimates from
// triage's own statistics. The shared SQL writes each test in exactly these
// forms (whereWith, the is: operator, MarkRead, ArchiveRead).
var pgFlagConds = strings.NewReplacer(
	`s.read = 0`, `NOT `+pgFlagSet("read"),
	`s.read = 1`, pgFlagSet("read"),
	`s.starred = 0`, `NOT `+pgFlagSet("starred"),
	`s.starred = 1`, pgFlagSet("starred"),
	`s.archived = 0`, `NOT `+pgFlagSet("archived"),
	`s.archived = 1`, pgFlagSet("archived"),
)

// pgFlagSet is the test that the user has set flag on story s.
func pgFlagSet(flag string) string {
	return `EXISTS (SELECT 1 FROM triage tf WHERE tf.story_id = s.id
		AND tf.user_name = current_setting('sitrep.user', true) AND tf.` + flag + ` = 1)`
}

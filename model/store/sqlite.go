package store

// This file holds everything that is specific to SQLite: the driver, the
// connection pragmas and the FTS5 full-text index. The rest of the package
// speaks SQL that a PostgreSQL backend could reuse (ON CONFLICT, correlated
// subqueries, LIMIT/OFFSET, 0/1 flags).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver, pure Go
)

// SQLite is the Store kept in one SQLite database file.
type SQLite struct {
	db *sql.DB
	// writeSem is the write lock (see lockWrite), a channel so that the
	// poller's writes can wait for it or for their group at once.
	writeSem chan struct{}
	// hold keeps the groups and the indexer from the write lock while the
	// checkpointer copies a long log, and while the reader's own writes
	// wait for it; closed when the last of its holders lets go
	// (checkpoint.go, tx.go).
	holdMu  sync.Mutex
	hold    chan struct{}
	holders int
	// pending are the writes waiting for a group transaction (group.go).
	pendMu  sync.Mutex
	pending []*groupOp
	// lockedAt is when the write lock was taken, written only by its holder;
	// busy (nanoseconds) and groups (transactions) add up the writer's work.
	lockedAt time.Time
	busy     atomic.Int64
	groups   atomic.Int64
	// clusterIdx finds near-duplicates of new stories (clusters.go).
	clusterIdx clusterIndex
	// clustered signals that the indexer clustered waiting stories
	// (Clustered).
	clustered chan struct{}
	// ckpt copies the write-ahead log into the file beside the writer
	// (checkpoint.go); nil for an in-memory database.
	ckpt *worker
	// writer is the connection of the group transactions (beginGroup),
	// held while the store is open; guarded by the write lock.
	writer *sql.Conn
	// counts remembers the queue lengths of searches (search_counts.go).
	counts searchCounts
	// stmts are the writer's statements, prepared once (groupTx.stmt).
	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt
	// ix writes the rows of saved stories in the background
	// (index_pending.go); nil for an in-memory database, whose reads
	// index what waits themselves.
	ix *indexer
}

var _ Store = (*SQLite)(nil)

// pragmas run on every new connection. WAL lets the reader query while the
// poller writes; synchronous=NORMAL is durable across application crashes
// in WAL mode and avoids an fsync per commit; foreign keys make RemoveFeed's
// cascade work; busy_timeout waits for another process's writer instead of
// failing; wal_autocheckpoint(0) leaves checkpoints to the checkpointer
// (checkpoint.go), and journal_size_limit gives back the disk of a log
// grown in a burst when it starts over.
var pragmas = []string{
	"busy_timeout(5000)",
	"foreign_keys(1)",
	"journal_mode(WAL)",
	"synchronous(NORMAL)",
	"temp_store(MEMORY)",
	"wal_autocheckpoint(0)",
	"journal_size_limit(67108864)",
}

// maxConns bounds the pool: each connection keeps its own page cache, and the
// reader and the poller need only a few at a time. Two, once taken, are
// held for the store's life: the writer's and the search counts'
// (search_counts.go).
const maxConns = 5

// Open opens the database at path, creating it and its directory if needed,
// and brings its schema up to date.
func Open(path string) (*SQLite, error) {
	if path == "" {
		return nil, errors.New("store: empty database path")
	}
	// The data directory ($XDG_DATA_HOME/sitrep) may not exist on a first run.
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	// Write transactions take the write lock at BEGIN so two writers never
	// deadlock upgrading read locks; reads do not use transactions.
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	s, err := open(db)
	if err != nil {
		return nil, err
	}
	s.startCheckpointer()
	s.startIndexer()
	s.counts.openSQLite(db)
	return s, nil
}

// OpenMemory opens a private in-memory database, for tests of packages that
// use a Store. It holds one connection, because each SQLite connection to
// ":memory:" would see its own empty database.
func OpenMemory() (*SQLite, error) {
	db, err := sql.Open("sqlite", "file::memory:?_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	return open(db)
}

func open(db *sql.DB) (*SQLite, error) {
	if err := migrate(context.Background(), db, migrations); err != nil {
		db.Close()
		return nil, err
	}
	return newSQLite(db), nil
}

// newSQLite wraps an open, migrated database.
func newSQLite(db *sql.DB) *SQLite {
	return &SQLite{db: db, writeSem: make(chan struct{}, 1), clustered: make(chan struct{}, 1)}
}

// Close closes the database.
func (s *SQLite) Close() error {
	s.ix.close()
	s.closeStmts()
	s.counts.close()
	s.ckpt.close()
	if s.writer != nil {
		s.writer.Close()
		s.writer = nil
	}
	return s.db.Close()
}

// The schema version lives in SQLite's user_version header field: no table
// to create before the first migration, and atomic with the migration's
// transaction.
const schemaVersionSQL = `PRAGMA user_version`

// setSchemaVersionSQL sets the version; PRAGMA takes no bound parameters, and
// v is an int, not user input.
func setSchemaVersionSQL(v int) string { return fmt.Sprintf(`PRAGMA user_version = %d`, v) }

// ftsSchema is the full-text index over story titles and bodies. It is
// contentless (the text already lives in story_texts, no need to hold 400 MB
// twice) with contentless_delete so rows can be replaced by rowid, which is
// the story id. porter stems English ("killing" finds "killed");
// remove_diacritics lets "Alep" find "Alép".
const ftsSchema = `CREATE VIRTUAL TABLE story_fts USING fts5(
	title, body,
	content = '', contentless_delete = 1,
	tokenize = 'porter unicode61 remove_diacritics 2'
)`

// ftsMergeSetting lets FTS5 gather 16 index segments on a level before it
// merges them (the default is 4). Every poll commits a small segment, and
// merging them four by four cost a quarter of saving a feed's stories;
// searches read a few more segments, which costs less than a millisecond.
const ftsMergeSetting = `INSERT INTO story_fts (story_fts, rank) VALUES ('automerge', 16)`

// The statements that keep story_fts in step with stories; the upsert and
// remove transactions run them.
const (
	ftsInsertSQL     = `INSERT INTO story_fts (rowid, title, body) VALUES (?, ?, ?)`
	ftsDeleteSQL     = `DELETE FROM story_fts WHERE rowid = ?`
	ftsDeleteFeedSQL = `DELETE FROM story_fts WHERE rowid IN (SELECT id FROM stories WHERE feed_id = ?)`
)

// searchCond is the WHERE condition that keeps the stories matching an FTS5
// query made by ftsQuery; its one argument is that query.
const searchCond = `s.id IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)`

// ftsQuery turns what the reader typed into an FTS5 query that cannot be a
// syntax error (see ftsMatch).
func ftsQuery(input string) string { return ftsMatch(ParseSearch(input)) }

// ftsMatch is the FTS5 query of a search's words (see ParseSearch for what
// is understood): every word is a quoted string, phrases stay phrases, a
// trailing * makes a prefix; OR and NOT (or -word) become FTS5's own
// operators. It returns "" when no word is left to look for.
func ftsMatch(sq Search) string {
	var groups []string
	for _, g := range sq.Groups {
		groups = append(groups, ftsJoin(g, " "))
	}
	if len(groups) == 0 {
		return ""
	}
	q := groups[0]
	if len(groups) > 1 {
		q = "(" + strings.Join(groups, ") OR (") + ")"
	}
	if len(sq.Not) > 0 {
		q = "(" + q + ") NOT (" + ftsJoin(sq.Not, " OR ") + ")"
	}
	return q
}

// ftsJoin quotes terms as FTS5 strings joined by sep.
func ftsJoin(ts []SearchTerm, sep string) string {
	out := make([]string, len(ts))
	for i, t := range ts {
		q := `"` + strings.ReplaceAll(t.Text, `"`, `""`) + `"`
		if t.Prefix {
			q += "*"
		}
		out[i] = q
	}
	return strings.Join(out, sep)
}

package store

// One test suite for both backends, as restic tests its backends: a store
// test takes an opener and eachBackend runs it on SQLite always, and on
// PostgreSQL when SITREP_TEST_PG names a database (postgres://…), each test
// in a schema of its own, dropped afterwards. Without SITREP_TEST_PG the
// PostgreSQL runs skip, and the package says so once.

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sitrep/model/store/pgtest"
	"sync"
	"testing"
)

// testDB is what tests ask of a backend's database directly (with ?
// placeholders on both).
type testDB interface {
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
}

// testStore is a Store under test with its database.
type testStore struct {
	Store
	db      testDB
	backend string
	// reopen opens another Store on the same database (a second reader,
	// or sitrep started again).
	reopen func(t *testing.T) *testStore
	// as opens another Store on the same database for another user
	// (PostgreSQL only; nil on SQLite, which has one reader).
	as func(t *testing.T, user string) *testStore
}

// indexed writes the rows of every story that waits for them (SQLite's
// index_pending.go, PostgreSQL's pg_rows_pending.go), for a test that
// reads the rows themselves.
func (s *testStore) indexed(t *testing.T) {
	t.Helper()
	if c, ok := s.Store.(interface {
		CatchUp(context.Context) (int, error)
	}); ok {
		if _, err := c.CatchUp(ctx); err != nil {
			t.Fatalf("CatchUp: %v", err)
		}
	}
}

// opener opens a new, empty store.
type opener func(t *testing.T) *testStore

// pgEnv names the PostgreSQL database the suite runs on too.
const pgEnv = "SITREP_TEST_PG"

var pgSkipOnce sync.Once

// eachBackend runs fn on every backend, as subtests named after them.
func eachBackend(t *testing.T, fn func(t *testing.T, open opener)) {
	t.Helper()
	t.Run("sqlite", func(t *testing.T) { fn(t, openSQLiteStore) })
	t.Run("postgres", func(t *testing.T) {
		if os.Getenv(pgEnv) == "" {
			pgSkipOnce.Do(func() {
				fmt.Fprintf(os.Stderr, "store: PostgreSQL runs skipped: set %s=postgres://user:pass@host/db to run the store tests on PostgreSQL too\n", pgEnv)
			})
			t.SkipNow()
		}
		fn(t, openPGStore)
	})
}

func openSQLiteStore(t *testing.T) *testStore {
	t.Helper()
	s, path := openTemp(t)
	return sqliteTestStore(s, path)
}

func sqliteTestStore(s *SQLite, path string) *testStore {
	return &testStore{Store: s, db: s.db, backend: "sqlite", reopen: func(t *testing.T) *testStore {
		t.Helper()
		s, err := Open(path)
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { s.Close() })
		return sqliteTestStore(s, path)
	}}
}

// openPGStore opens a store on SITREP_TEST_PG in a new schema of its own.
func openPGStore(t *testing.T) *testStore {
	return pgTestStore(t, pgtest.Scratch(t, "sitrep_test", "PostgreSQL only: set "+pgEnv))
}

func pgTestStore(t *testing.T, dsn string) *testStore { return pgTestStoreAs(t, dsn, "") }

func pgTestStoreAs(t *testing.T, dsn, user string) *testStore {
	t.Helper()
	p, err := OpenPostgresAs(dsn, user)
	if err != nil {
		t.Fatalf("OpenPostgres: %v", err)
	}
	t.Cleanup(func() { p.Close() })
	return &testStore{Store: p, db: p.db, backend: "postgres", reopen: func(t *testing.T) *testStore {
		return pgTestStoreAs(t, dsn, user)
	}, as: func(t *testing.T, user string) *testStore {
		return pgTestStoreAs(t, dsn, user)
	}}
}

// tempPath is a file name in the test's own directory.
func tempPath(t *testing.T, name string) string { return filepath.Join(t.TempDir(), name) }

// TestRebind: ? becomes $n outside quotes only.
func TestRebind(t *testing.T) {
	got := rebind(`SELECT '?', "a?" FROM x WHERE a = ? AND b IN (?, ?)`)
	want := `SELECT '?', "a?" FROM x WHERE a = $1 AND b IN ($2, $3)`
	if got != want {
		t.Errorf("rebind = %s, want %s", got, want)
	}
}

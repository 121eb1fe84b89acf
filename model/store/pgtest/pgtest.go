// Package pgtest gives tests a PostgreSQL database of their own: a
// scratch schema on SITREP_TEST_PG, dropped when the test ends. The store
// suite, the command tests and the terminal tests share it.
package pgtest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for the admin connection
)

// Env names the variable that holds the test server's URL.
const Env = "SITREP_TEST_PG"

var schemas atomic.Int64

// Scratch is a database URL on $SITREP_TEST_PG whose search_path is a new
// schema named after prefix, dropped after the test. Without the variable
// the test is skipped, with skipWhy as its one line.
func Scratch(t testing.TB, prefix, skipWhy string) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skip(skipWhy)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	t.Cleanup(func() { admin.Close() })
	schema := fmt.Sprintf("%s_%d_%d", prefix, os.Getpid(), schemas.Add(1))
	// A schema left by a run killed before its cleanup goes first.
	if _, err := admin.Exec(`DROP SCHEMA IF EXISTS ` + schema + ` CASCADE`); err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	t.Cleanup(func() { admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`) })
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

package store

// The queue length of a search or a tag is a count over the matching
// stories: up to 2 s for a common word at a million stories on SQLite, 6 s
// on PostgreSQL, and the reader asks it again for every window it loads
// while paging. It is remembered while the database is unchanged. On
// SQLite, PRAGMA data_version, read on a connection of the cache's own
// (which never writes), moves whenever another connection of this process
// or of another commits; on PostgreSQL the version is the server's
// snapshot, which moves whenever a transaction that wrote ends
// (pgSnapshotVersion).

import (
	"context"
	"database/sql"
	"hash/fnv"
	"sync"
	"time"

	"sitrep/model"
)

// searchCountsTTL bounds how long a count is kept even so: since: and
// before: spans move with the clock.
const searchCountsTTL = 10 * time.Second

// maxSearchCounts bounds the filters remembered.
const maxSearchCounts = 64

type searchCounts struct {
	mu sync.Mutex
	// readVersion reads the database's version; nil: nothing is
	// remembered (an in-memory database).
	readVersion func(context.Context) (int64, error)
	conn        *sql.Conn // SQLite's connection for data_version
	version     int64
	counts      map[model.Filter]countAt
}

type countAt struct {
	n  int
	at time.Time
}

// openSQLite reads data_version on a connection of the cache's own,
// taken at the first count (commands that count nothing never open it);
// without one nothing is remembered.
func (c *searchCounts) openSQLite(db *sql.DB) {
	c.readVersion = func(ctx context.Context) (v int64, err error) {
		if c.conn == nil { // c.mu is held
			if c.conn, err = db.Conn(ctx); err != nil {
				return 0, err
			}
		}
		return v, c.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
	}
}

// openPostgres reads the server's snapshot (pgSnapshotVersion).
func (c *searchCounts) openPostgres(db pgDB) {
	c.readVersion = func(ctx context.Context) (int64, error) {
		var snapshot string
		if err := db.QueryRowContext(ctx, `SELECT CAST(pg_current_snapshot() AS text)`).Scan(&snapshot); err != nil {
			return 0, err
		}
		return pgSnapshotVersion(snapshot), nil
	}
}

// pgSnapshotVersion is a PostgreSQL snapshot (xmin:xmax:in-progress ids)
// as a version. Two snapshots are equal only if no transaction with a
// transaction id, which every write takes, ended between them: xmax is one
// past the newest that ended, and the list holds those older that still
// run. It replaces a sequence every write moved after its commit, which
// cost each star, tag and saved feed a second round trip (1,485 of 12,700
// statements in 20 s of ten readers). The hash (FNV-1a) fits the int64
// SQLite's data_version is.
func pgSnapshotVersion(snapshot string) int64 {
	h := fnv.New64a()
	h.Write([]byte(snapshot))
	return int64(h.Sum64())
}

func (c *searchCounts) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.readVersion = nil
	if c.conn != nil {
		c.conn.Close()
		c.conn = nil
	}
}

// current reads the database's version, forgetting every count when it
// moved. It reports false when counts cannot be remembered.
func (c *searchCounts) current(ctx context.Context) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.readVersion == nil {
		return 0, false
	}
	v, err := c.readVersion(ctx)
	if err != nil {
		return 0, false
	}
	if v != c.version || c.counts == nil {
		c.version, c.counts = v, map[model.Filter]countAt{}
	}
	return v, true
}

func (c *searchCounts) get(f model.Filter, version int64) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.counts[f]
	if !ok || version != c.version || time.Since(e.at) > searchCountsTTL {
		return 0, false
	}
	return e.n, true
}

// put remembers n, counted at version (a count begun before a change is
// not kept under the new version).
func (c *searchCounts) put(f model.Filter, version int64, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if version != c.version || c.counts == nil {
		return
	}
	if len(c.counts) >= maxSearchCounts {
		clear(c.counts)
	}
	c.counts[f] = countAt{n, time.Now()}
}

// remembered is count(), remembered under the version read before it.
func (c *searchCounts) remembered(ctx context.Context, f model.Filter, count func() (int, error)) (int, error) {
	version, remember := c.current(ctx)
	if n, ok := c.get(f, version); remember && ok {
		return n, nil
	}
	n, err := count()
	if err == nil && remember {
		c.put(f, version, n)
	}
	return n, err
}

package store

// The queue length of a search or a tag is a count over the matching
// stories: up to 2 s for a common word at a million stories, and the
// reader asks it again for every window it loads while paging. It is
// remembered while the database is unchanged: PRAGMA data_version, read on
// a connection of the cache's own (which never writes), moves whenever
// another connection of this process or of another commits.

import (
	"context"
	"database/sql"
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
	mu      sync.Mutex
	conn    *sql.Conn // nil: nothing is remembered (an in-memory database)
	version int64
	counts  map[model.Filter]countAt
}

type countAt struct {
	n  int
	at time.Time
}

// open takes the cache's connection; without one the cache stays off.
func (c *searchCounts) open(db *sql.DB) {
	conn, err := db.Conn(context.Background())
	if err == nil {
		c.conn = conn
	}
}

func (c *searchCounts) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
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
	if c.conn == nil {
		return 0, false
	}
	var v int64
	if err := c.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v); err != nil {
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

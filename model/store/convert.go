package store

import (
	"database/sql"
	"time"

	"sitrep/model"
)

// Times are stored as unix microseconds in UTC: integers compare and index
// cheaply in any SQL database, and microseconds are PostgreSQL's timestamp
// precision, so a later backend round-trips the same values. The zero time
// (never polled) is NULL.

func dbTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

func goTime(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.UnixMicro(n.Int64).UTC()
}

// dbBool is how flags are stored: 0 or 1, which SQLite and PostgreSQL
// (smallint) both compare the same way.
func dbBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

// goTriage reads the three stored flags back.
func goTriage(read, starred, archived int) model.Triage {
	return model.Triage{Read: read != 0, Starred: starred != 0, Archived: archived != 0}
}

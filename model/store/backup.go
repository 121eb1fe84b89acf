package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// Backup writes a consistent copy of the database to path with SQLite's
// VACUUM INTO: a read transaction, so the reader and the poller go on
// writing meanwhile and the copy is the database as of one moment. path
// must not exist.
func (s *SQLite) Backup(ctx context.Context, path string) error {
	if path == "" {
		return errors.New("store: backup: empty path")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store: backup: %s already exists", path)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("store: backup: %w", err)
	}
	return nil
}

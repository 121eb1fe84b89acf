package store

import (
	"context"
	"database/sql"
	"fmt"
)

// mustAffect turns an UPDATE that matched no row into ErrNotFound.
func mustAffect(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(what, id)
	}
	return nil
}

// notFound is the error of a write that found no what with that id.
func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
}

// write runs fn in one write transaction, committed when fn returns nil.
func (s *SQLite) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.lockOwn(ctx); err != nil {
		return err
	}
	defer s.unlockWrite()
	s.groups.Add(1)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

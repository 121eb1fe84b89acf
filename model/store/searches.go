package store

// Saved searches (issue 9): a query of the search language under a name.
// They live in the database, beside the tags and notes, so that S never
// rewrites the reader's hand-written config.toml and two readers on one
// database see the same list; config.toml's [searches] table brings them
// in (ImportSearches adds the names the database lacks) and
// `sitrep export-searches` writes that table back out.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/sanitize"
)

// searchesSchema is migration 7.
var searchesSchema = []string{
	`CREATE TABLE searches (
		name    TEXT   NOT NULL PRIMARY KEY,
		query   TEXT   NOT NULL,
		created BIGINT NOT NULL -- unix microseconds; the list is in this order
	)`,
}

// Longest name and query a saved search keeps.
const (
	maxSearchName  = 60
	maxSearchQuery = 400
)

// cleanSearch is a name and query as they are kept: one clean line each.
func cleanSearch(name, query string) (string, string, error) {
	name, query = sanitize.Line(name), sanitize.Line(query)
	if name == "" {
		return "", "", errors.New("a saved search needs a name")
	}
	if strings.TrimSpace(query) == "" {
		return "", "", errors.New("a saved search needs a query")
	}
	if len([]rune(name)) > maxSearchName {
		name = string([]rune(name)[:maxSearchName])
	}
	if len(query) > maxSearchQuery {
		return "", "", fmt.Errorf("query longer than %d bytes", maxSearchQuery)
	}
	return name, query, nil
}

// SaveSearch keeps query under name, replacing the query of a search of
// that name (which keeps its place in the list).
func (s *SQLite) SaveSearch(ctx context.Context, name, query string) error {
	name, query, err := cleanSearch(name, query)
	if err != nil {
		return fmt.Errorf("store: save search: %w", err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO searches (name, query, created) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET query = excluded.query`, name, query, time.Now().UnixMicro())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save search: %w", err)
	}
	return nil
}

// DeleteSearch forgets a saved search; ErrNotFound when there is none of
// that name.
func (s *SQLite) DeleteSearch(ctx context.Context, name string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM searches WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("saved search %q: %w", name, ErrNotFound)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: delete search: %w", err)
	}
	return nil
}

// Searches lists the saved searches in the order they were first saved,
// each with the number of unread stories it finds.
func (s *SQLite) Searches(ctx context.Context) ([]model.SavedSearch, error) {
	out, err := s.savedSearches(ctx)
	if err != nil {
		return nil, err
	}
	for i := range out {
		n, err := s.QueueLen(ctx, model.Filter{View: model.ViewUnread, Search: out[i].Query})
		if err != nil {
			return nil, fmt.Errorf("store: saved search %q: %w", out[i].Name, err)
		}
		out[i].Unread = n
	}
	return out, nil
}

func (s *SQLite) savedSearches(ctx context.Context) ([]model.SavedSearch, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, query FROM searches ORDER BY created, name`)
	if err != nil {
		return nil, fmt.Errorf("store: saved searches: %w", err)
	}
	defer rows.Close()
	var out []model.SavedSearch
	for rows.Next() {
		var ss model.SavedSearch
		if err := rows.Scan(&ss.Name, &ss.Query); err != nil {
			return nil, fmt.Errorf("store: saved searches: %w", err)
		}
		out = append(out, ss)
	}
	return out, rows.Err()
}

// ImportSearches adds the searches whose names the database lacks (a
// name already there keeps its query: the reader may have changed it with
// S since) and returns how many it added.
func (s *SQLite) ImportSearches(ctx context.Context, ss []model.SavedSearch) (int, error) {
	added := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		added = 0
		now := time.Now().UnixMicro()
		for i, x := range ss {
			name, query, err := cleanSearch(x.Name, x.Query)
			if err != nil {
				return fmt.Errorf("%q: %w", x.Name, err)
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO searches (name, query, created) VALUES (?, ?, ?)
				ON CONFLICT (name) DO NOTHING`, name, query, now+int64(i))
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: import searches: %w", err)
	}
	return added, nil
}

// ExportSearches writes the saved searches as config.toml's [searches]
// table, `"name" = "query"`, one a line, in the list's order.
func (s *SQLite) ExportSearches(ctx context.Context) (string, error) {
	ss, err := s.savedSearches(ctx)
	if err != nil {
		return "", err
	}
	return searchesTable(ss), nil
}

// searchesTable is ss as config.toml's [searches] table.
func searchesTable(ss []model.SavedSearch) string {
	var b strings.Builder
	b.WriteString("[searches]\n")
	for _, x := range ss {
		b.WriteString(tomlString(x.Name) + " = " + tomlString(x.Query) + "\n")
	}
	return b.String()
}

// tomlString is s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

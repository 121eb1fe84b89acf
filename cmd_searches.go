package main

import (
	"context"
	"fmt"
	"io"

	"sitrep/model"
	"sitrep/model/config"
	"sitrep/model/store"
)

// Saved searches travel with the config: config.toml's [searches] table is
// added to the database at start (names the database has keep their
// query), and export-searches prints the database's list as that table.

// importConfigSearches adds config.toml's saved searches the database lacks.
func importConfigSearches(ctx context.Context, st store.Store, cfg config.Config) error {
	if len(cfg.Searches) == 0 {
		return nil
	}
	ss := make([]model.SavedSearch, len(cfg.Searches))
	for i, s := range cfg.Searches {
		ss[i] = model.SavedSearch{Name: s.Name, Query: s.Query}
	}
	if _, err := st.ImportSearches(ctx, ss); err != nil {
		return fmt.Errorf("config [searches]: %w", err)
	}
	return nil
}

// runExportSearches prints the saved searches as config.toml's [searches].
func runExportSearches(ctx context.Context, st store.Store, stdout io.Writer) error {
	out, err := st.ExportSearches(ctx)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, out)
	return err
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"sitrep/model"
	"sitrep/model/export"
	"sitrep/model/store"
)

// runExport writes the stories of a view (starred by default) with their
// quotes, figures and sources, for a report; --view everything (all and
// archived) with --format json is a copy import-json reads back whole.
func runExport(ctx context.Context, st store.Store, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitrep export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "md", "md (Markdown, for reports), json (JSON lines, the extract contract; import-json reads it back), csv (one row per figure) or csl-json (citations for Zotero)")
	view := fs.String("view", "starred", "which stories: starred, all, unread, archived or everything (all and archived)")
	search := fs.String("search", "", `only stories matching this search, as in the reader's / (words, speaker:"Ian Bremmer", cat:killed>100, ...)`)
	if err := fs.Parse(args); err != nil {
		return err
	}
	views := map[string]model.View{"starred": model.ViewStarred, "all": model.ViewAll, "unread": model.ViewUnread, "archived": model.ViewArchived, "everything": model.ViewAll}
	v, ok := views[*view]
	if !ok {
		return fmt.Errorf("export: unknown view %q (starred, all, unread, archived or everything)", *view)
	}
	n, err := export.Write(ctx, st, stdout, export.Options{
		Filter:   model.Filter{View: v, Search: *search},
		Format:   *format,
		Now:      time.Now(),
		Archived: *view == "everything",
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stderr, "exported %s\n", plural(n, "story", "stories"))
	return nil
}

// runImportJSON is `sitrep import-json FILE...`: the stories of JSON
// exports put back with their triage, tags and notes, merged into what is
// there ("-" is standard input).
func runImportJSON(ctx context.Context, st export.Target, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("import-json needs FILE... (what sitrep export --format json wrote; - for standard input)")
	}
	for _, name := range args {
		var r io.Reader = stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			r = f
		}
		s, err := export.ReadJSON(ctx, st, r)
		fmt.Fprintf(stdout, "%s: %s read, %d new, %d merged, %d unchanged, %s subscribed",
			name, plural(s.Stories, "story", "stories"), s.New, s.Merged, s.Unchanged, plural(s.Feeds, "feed", "feeds"))
		if s.NotesKept > 0 {
			fmt.Fprintf(stdout, "; %s kept the database's note over the file's", plural(s.NotesKept, "story", "stories"))
		}
		fmt.Fprintln(stdout)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

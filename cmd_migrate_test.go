package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/store"
)

// TestMigrate: a SQLite file's feeds, stories, tags, notes and triage go
// to PostgreSQL as one user's; the counts are printed and checked, another
// user's triage is untouched, and a second run copies nothing.
func TestMigrate(t *testing.T) {
	dsn := pgScratch(t)
	file := filepath.Join(t.TempDir(), "mine.db")
	src, err := store.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	f1, _, _ := src.AddFeed(ctx, "https://a.example/feed")
	f2, _, _ := src.AddFeed(ctx, "https://b.example/feed")
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	var stories []model.Story
	for i, title := range []string{"Aleppo: 51,000 displaced", "Convoy reaches Madaya", "Talks stall"} {
		stories = append(stories, model.Story{Key: title, Title: title, Body: title + ". More text here.", Published: day.Add(time.Duration(i) * time.Hour)})
	}
	if _, err := src.UpsertStories(ctx, f1.ID, stories[:2], []string{"h1", "h2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.UpsertStories(ctx, f2.ID, stories[2:], []string{"h3"}); err != nil {
		t.Fatal(err)
	}
	ids, _ := src.StoryIDs(ctx, f1.ID, []string{stories[0].Key, stories[1].Key})
	a, b := ids[stories[0].Key], ids[stories[1].Key]
	src.SetTriage(ctx, a, model.Triage{Read: true, Starred: true})
	src.SetTriage(ctx, b, model.Triage{Read: true, Archived: true})
	src.SetTags(ctx, a, []string{"syria", "aid"})
	src.SetNote(ctx, a, "check toll with OCHA")
	src.Close()

	code, out, errs := runT(t, "", "migrate", "--from", file, "--to", dsn, "--user", "maria")
	if code != 0 || !strings.Contains(out, "2 feeds (2 new), 3 stories (3 new); 2 read, 1 starred, 1 archived; 1 tagged, 1 noted") ||
		!strings.Contains(out, "checked:") || strings.Contains(out, ":sitrep_ci@") {
		t.Fatalf("migrate: %d\n%s%s", code, out, errs)
	}
	maria, err := store.OpenPostgresAs(dsn, "maria")
	if err != nil {
		t.Fatal(err)
	}
	defer maria.Close()
	if c, _ := maria.Counts(ctx); c != (model.Counts{All: 2, Unread: 1, Starred: 1, Archived: 1}) {
		t.Errorf("maria's counts on PostgreSQL = %+v", c)
	}
	ali, err := store.OpenPostgresAs(dsn, "ali")
	if err != nil {
		t.Fatal(err)
	}
	defer ali.Close()
	if c, _ := ali.Counts(ctx); c != (model.Counts{All: 3, Unread: 3}) {
		t.Errorf("ali's counts on PostgreSQL = %+v, want all 3 unread", c)
	}
	code, out, errs = runT(t, "", "migrate", "--from", file, "--to", dsn, "--user", "maria")
	if code != 0 || !strings.Contains(out, "2 feeds (0 new), 3 stories (0 new)") {
		t.Fatalf("second migrate: %d\n%s%s", code, out, errs)
	}
	if c, _ := maria.Counts(ctx); c != (model.Counts{All: 2, Unread: 1, Starred: 1, Archived: 1}) {
		t.Errorf("maria's counts after a second migrate = %+v", c)
	}
	if code, _, errs := runT(t, "", "migrate", "--from", filepath.Join(t.TempDir(), "none.db"), "--to", dsn); code == 0 {
		t.Errorf("migrate from a missing file: exit 0 (%s)", errs)
	}
}

package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"sitrep/model"
)

// snapshot is everything a reader sees, to compare before and after reopening.
type snapshot struct {
	Feeds   []model.Feed
	Counts  model.Counts
	Queues  map[model.View][]model.StoryHeader
	Stories []model.Story
}

func takeSnapshot(t *testing.T, s *SQLite) snapshot {
	t.Helper()
	var snap snapshot
	var err error
	if snap.Feeds, err = s.Feeds(ctx); err != nil {
		t.Fatal(err)
	}
	if snap.Counts, err = s.Counts(ctx); err != nil {
		t.Fatal(err)
	}
	snap.Queues = map[model.View][]model.StoryHeader{}
	for _, v := range []model.View{model.ViewAll, model.ViewUnread, model.ViewStarred, model.ViewArchived} {
		if snap.Queues[v], err = s.Queue(ctx, model.Filter{View: v}, 0, 1000); err != nil {
			t.Fatal(err)
		}
	}
	for _, h := range append(snap.Queues[model.ViewAll], snap.Queues[model.ViewArchived]...) {
		st, err := s.Story(ctx, h.ID)
		if err != nil {
			t.Fatal(err)
		}
		snap.Stories = append(snap.Stories, st)
	}
	return snap
}

func TestPersistence(t *testing.T) {
	s, _, _, _ := queueFixture(t)
	path := filepath.Join(t.TempDir(), "copy.db")
	// Reopen through a fresh file written by this store, closed cleanly.
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		t.Fatal(err)
	}
	before := takeSnapshot(t, s)
	if before.Counts == (model.Counts{}) || len(before.Stories) != 6 {
		t.Fatalf("fixture too small: %+v, %d stories", before.Counts, len(before.Stories))
	}

	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	after := takeSnapshot(t, r)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("after reopening:\n%+v\nbefore:\n%+v", after, before)
	}
	// The search index came along too.
	if n, _ := r.QueueLen(ctx, model.Filter{Search: "bremmer"}); n != 4 {
		t.Errorf("search after reopening found %d, want 4", n)
	}
	r.Close()
}

func TestReopenSameFile(t *testing.T) {
	s, path := openTemp(t)
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "kept", base))
	id := idByKey(t, s, "x")
	s.SetTriage(ctx, id, model.Triage{Starred: true, Read: true})
	before := takeSnapshot(t, s)
	s.Close()

	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if after := takeSnapshot(t, r); !reflect.DeepEqual(before, after) {
		t.Errorf("after reopening:\n%+v\nbefore:\n%+v", after, before)
	}
	var mode string
	r.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var fk int
	r.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if fk != 1 {
		t.Errorf("foreign_keys = %d, want 1", fk)
	}
}

func userVersion(t *testing.T, db *sql.DB) int {
	t.Helper()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrations(t *testing.T) {
	s, path := openTemp(t)
	if v := userVersion(t, s.db); v != len(migrations) {
		t.Fatalf("new database at version %d, want %d", v, len(migrations))
	}
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "before the migration", base))
	s.SetTriage(ctx, idByKey(t, s, "x"), model.Triage{Starred: true})
	before := takeSnapshot(t, s)
	s.Close()

	// A later release adds a column and fills it; the existing database
	// gets exactly that step on open, its data untouched.
	next := append(append([][]string{}, migrations...), []string{
		`ALTER TABLE feeds ADD COLUMN colour TEXT NOT NULL DEFAULT ''`,
		`UPDATE feeds SET colour = 'red'`,
		recountSQL,
	})
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := migrate(ctx, r.db, next); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if v := userVersion(t, r.db); v != len(next) {
		t.Errorf("version %d after migrating, want %d", v, len(next))
	}
	var colour string
	r.db.QueryRow(`SELECT colour FROM feeds`).Scan(&colour)
	if colour != "red" {
		t.Errorf("new column = %q, want red", colour)
	}
	if after := takeSnapshot(t, r); !reflect.DeepEqual(before, after) {
		t.Errorf("data changed by migration:\n%+v\nbefore:\n%+v", after, before)
	}
	// Applied migrations are not applied again (the ALTER would fail).
	if err := migrate(ctx, r.db, next); err != nil {
		t.Errorf("second migrate: %v", err)
	}

	// This release refuses a database from the later one rather than
	// misreading it.
	r.Close()
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer database: err = %v, want a 'newer' error", err)
	}
}

func TestFailedMigrationRollsBack(t *testing.T) {
	s, _ := openTemp(t)
	bad := append(append([][]string{}, migrations...), []string{
		`CREATE TABLE half (x)`,
		`THIS IS NOT SQL`,
	})
	if err := migrate(ctx, s.db, bad); err == nil {
		t.Fatal("no error from a bad migration")
	}
	if v := userVersion(t, s.db); v != len(migrations) {
		t.Errorf("version %d after a failed migration, want %d", v, len(migrations))
	}
	var n int
	s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'`).Scan(&n)
	if n != 0 {
		t.Error("half of the failed migration was kept")
	}
}

func TestRecountMatchesCounters(t *testing.T) {
	s, _, _, _ := queueFixture(t)
	before := takeSnapshot(t, s)
	if _, err := s.db.ExecContext(ctx, recountSQL); err != nil {
		t.Fatal(err)
	}
	if after := takeSnapshot(t, s); !reflect.DeepEqual(before.Feeds, after.Feeds) {
		t.Errorf("recount changed the counters:\n%+v\nwas\n%+v", after.Feeds, before.Feeds)
	}
}

func TestOpenMemory(t *testing.T) {
	s, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("m", "in memory", base))
	if n, _ := s.QueueLen(ctx, model.Filter{Search: "memory"}); n != 1 {
		t.Errorf("search in memory db found %d, want 1", n)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte("these are not the pages you are looking for\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path); err == nil {
		s.Close()
		t.Error("Open of a text file: no error")
	}
	if _, err := Open(""); err == nil {
		t.Error("Open(\"\"): no error")
	}
}

// TestUpgradeFromFirstSchema opens a database written by the first schema
// version: Open applies the later migrations and the data stays.
func TestUpgradeFromFirstSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, migrations[:1]); err != nil {
		t.Fatal(err)
	}
	// The feed row as version 1 wrote it (today's AddFeed reads columns
	// that later versions added); the story as version 1 wrote it too
	// (oldUpsert).
	if _, err := db.Exec(`INSERT INTO feeds (id, url, title) VALUES (1, 'https://a.example/feed', 'Old Desk')`); err != nil {
		t.Fatal(err)
	}
	oldUpsert(t, db, 1, story("x", "written by version 1", base))
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s.db); v != len(migrations) {
		t.Errorf("version %d after Open, want %d", v, len(migrations))
	}
	var automerge int
	s.db.QueryRowContext(ctx, `SELECT v FROM story_fts_config WHERE k = 'automerge'`).Scan(&automerge)
	if automerge != 16 {
		t.Errorf("automerge = %d, want 16 from migration 2", automerge)
	}
	after := takeSnapshot(t, s)
	if len(after.Feeds) != 1 || after.Feeds[0].URL != "https://a.example/feed" || after.Feeds[0].Title != "Old Desk" ||
		after.Feeds[0].Total != 1 || after.Feeds[0].Unread != 1 || after.Feeds[0].UpdateHint != 0 {
		t.Errorf("feeds after the upgrade: %+v", after.Feeds)
	}
	if len(after.Stories) != 1 || after.Stories[0].Title != "written by version 1" || after.Counts.All != 1 {
		t.Errorf("stories after the upgrade: %+v, counts %+v", after.Stories, after.Counts)
	}
	if n, _ := s.QueueLen(ctx, model.Filter{Search: "written"}); n != 1 {
		t.Errorf("search after the upgrade found %d, want 1", n)
	}
}

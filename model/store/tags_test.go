package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

func TestNormalizeTags(t *testing.T) {
	long := strings.Repeat("é", 70)
	got := NormalizeTags([]string{"  Aleppo ", "UN", "un", "", "   ", "human  rights", "a\x1b[31mb", long})
	want := []string{"ab", "aleppo", "human-rights", "un", strings.Repeat("é", MaxTagRunes)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NormalizeTags = %q, want %q", got, want)
	}
	if got := NormalizeTags(nil); len(got) != 0 {
		t.Errorf("NormalizeTags(nil) = %q", got)
	}
}

func TestTagsAndNoteRoundTrip(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		upsert(t, s, f.ID, story("x", "one", base), story("y", "two", base.Add(time.Hour)))
		x, y := idByKey(t, s, "x"), idByKey(t, s, "y")

		if err := s.SetTags(ctx, x, []string{"UN", "Aleppo", "un"}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetNote(ctx, x, "  check the \x1b]0;evil\x07figure  "); err != nil {
			t.Fatal(err)
		}
		st, err := s.Story(ctx, x)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(st.Tags, []string{"aleppo", "un"}) || st.Note != "check the figure" {
			t.Errorf("story tags %q note %q", st.Tags, st.Note)
		}
		hs, err := s.Queue(ctx, model.Filter{}, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 2 || hs[0].ID != y || hs[0].Tags != nil || hs[0].HasNote ||
			!reflect.DeepEqual(hs[1].Tags, []string{"aleppo", "un"}) || !hs[1].HasNote {
			t.Errorf("queue headers: %+v", hs)
		}
		// Replace the set; clear the note.
		if err := s.SetTags(ctx, x, []string{"idlib"}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetNote(ctx, x, ""); err != nil {
			t.Fatal(err)
		}
		st, _ = s.Story(ctx, x)
		if !reflect.DeepEqual(st.Tags, []string{"idlib"}) || st.Note != "" {
			t.Errorf("after replace: tags %q note %q", st.Tags, st.Note)
		}
		if err := s.SetTags(ctx, x, nil); err != nil {
			t.Fatal(err)
		}
		if st, _ = s.Story(ctx, x); st.Tags != nil {
			t.Errorf("after clearing: tags %q", st.Tags)
		}
		// Unknown stories.
		if err := s.SetTags(ctx, 9999, []string{"a"}); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetTags of a missing story: %v", err)
		}
		if err := s.SetNote(ctx, 9999, "a"); !errors.Is(err, ErrNotFound) {
			t.Errorf("SetNote of a missing story: %v", err)
		}
		checkCounters(t, s)
	})
}

func TestFilterByTag(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		g := addFeed(t, s, "https://b.example/feed")
		var all []model.Story
		for i := range 30 {
			all = append(all, story(string(rune('a'+i%26))+strings.Repeat("z", i/26), "story", base.Add(time.Duration(i)*time.Minute)))
		}
		upsert(t, s, f.ID, all[:20]...)
		upsert(t, s, g.ID, all[20:]...)
		var tagged []int64 // newest first
		for i := 29; i >= 0; i-- {
			if i%3 == 0 {
				id := idByKey(t, s, all[i].Key)
				tagged = append(tagged, id)
				if err := s.SetTags(ctx, id, []string{"Aleppo"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		flt := model.Filter{Tag: "ALEPPO "}
		if n, _ := s.QueueLen(ctx, flt); n != len(tagged) {
			t.Errorf("QueueLen by tag = %d, want %d", n, len(tagged))
		}
		got := append(queueIDs(t, s, flt, 0, 4), queueIDs(t, s, flt, 4, 100)...)
		if !reflect.DeepEqual(got, tagged) {
			t.Errorf("paged queue by tag = %v, want %v", got, tagged)
		}
		// With a view: star one tagged story and archive another.
		s.SetTriage(ctx, tagged[0], model.Triage{Starred: true})
		s.SetTriage(ctx, tagged[1], model.Triage{Archived: true})
		if ids := queueIDs(t, s, model.Filter{View: model.ViewStarred, Tag: "aleppo"}, 0, 100); !reflect.DeepEqual(ids, tagged[:1]) {
			t.Errorf("starred+tag = %v", ids)
		}
		if ids := queueIDs(t, s, model.Filter{View: model.ViewArchived, Tag: "aleppo"}, 0, 100); !reflect.DeepEqual(ids, tagged[1:2]) {
			t.Errorf("archived+tag = %v", ids)
		}
		if n, _ := s.QueueLen(ctx, model.Filter{Tag: "aleppo"}); n != len(tagged)-1 {
			t.Errorf("all+tag without the archived one = %d", n)
		}
		if n, _ := s.QueueLen(ctx, model.Filter{View: model.ViewFeed, FeedID: g.ID, Tag: "aleppo"}); n != 2 {
			t.Errorf("feed+tag = %d, want 2 (27, 21; 24 is archived)", n)
		}
		// With a search; and a tag nobody has.
		if n, _ := s.QueueLen(ctx, model.Filter{Tag: "aleppo", Search: "Bremmer"}); n != len(tagged)-1 {
			t.Errorf("search+tag = %d", n)
		}
		if n, _ := s.QueueLen(ctx, model.Filter{Tag: "aleppo", Search: "nowhere"}); n != 0 {
			t.Errorf("search+tag with no match = %d", n)
		}
		if ids := queueIDs(t, s, model.Filter{Tag: "nobody"}, 0, 10); len(ids) != 0 {
			t.Errorf("unknown tag = %v", ids)
		}
		if ids := queueIDs(t, s, model.Filter{Tag: "   "}, 0, 10); len(ids) != 0 {
			t.Errorf("blank tag = %v", ids)
		}
		// Counts are unchanged by tags.
		c, _ := s.Counts(ctx)
		if c.All != 29 || c.Archived != 1 || c.Starred != 1 {
			t.Errorf("counts %+v", c)
		}
		tcs, err := s.Tags(ctx)
		if err != nil || !reflect.DeepEqual(tcs, []model.TagCount{{Tag: "aleppo", Count: len(tagged)}}) {
			t.Errorf("Tags = %+v, %v", tcs, err)
		}
		// Removing a feed takes its stories' tags with it.
		if err := s.RemoveFeed(ctx, g.URL); err != nil {
			t.Fatal(err)
		}
		var n int
		s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM story_tags`).Scan(&n)
		if n != 7 { // 18, 15, ..., 0
			t.Errorf("%d tag rows after removing a feed, want 7", n)
		}
		checkCounters(t, s)
	})
}

func TestTagsCascade(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		upsert(t, s, f.ID, story("x", "one", base))
		x := idByKey(t, s, "x")
		s.SetTags(ctx, x, []string{"a", "b"})
		// The foreign key alone removes them too.
		if _, err := s.db.ExecContext(ctx, `DELETE FROM stories WHERE id = ?`, x); err != nil {
			t.Fatal(err)
		}
		var n int
		s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM story_tags`).Scan(&n)
		if n != 0 {
			t.Errorf("%d tag rows left by the cascade", n)
		}
	})
}

func TestTagsPersist(t *testing.T) {
	s, path := openTemp(t)
	f := addFeed(t, s, "https://a.example/feed")
	upsert(t, s, f.ID, story("x", "one", base))
	x := idByKey(t, s, "x")
	s.SetTags(ctx, x, []string{"un"})
	s.SetNote(ctx, x, "keep")
	// A re-poll with changed content keeps them.
	changed := story("x", "one, updated", base)
	upsert(t, s, f.ID, changed)
	s.Close()
	r, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	st, err := r.Story(ctx, x)
	if err != nil || st.Note != "keep" || !reflect.DeepEqual(st.Tags, []string{"un"}) || st.Title != "one, updated" {
		t.Errorf("after reopen: %q %q %q %v", st.Title, st.Note, st.Tags, err)
	}
}

// TestUpgradeFromVersion3 opens a database of schema 3: migration 4 adds
// tags and notes and keeps the stories.
func TestUpgradeFromVersion3(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, migrations[:3]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO feeds (id, url, title) VALUES (1, 'https://a.example/feed', 'Old Desk')`); err != nil {
		t.Fatal(err)
	}
	oldUpsert(t, db, 1, story("x", "written by version 3", base))
	if _, err := db.Exec(`UPDATE stories SET starred = 1, read = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(recountSQL); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v := userVersion(t, s.db); v != len(migrations) || v < 4 {
		t.Errorf("version %d after Open, want %d", v, len(migrations))
	}
	x := idByKey(t, s, "x")
	st, err := s.Story(ctx, x)
	if err != nil || st.Title != "written by version 3" || !st.Starred || st.Note != "" || st.Tags != nil {
		t.Errorf("story after the upgrade: %+v %v", st, err)
	}
	if err := s.SetTags(ctx, x, []string{"old"}); err != nil {
		t.Fatal(err)
	}
	if ids := queueIDs(t, s, model.Filter{View: model.ViewStarred, Tag: "old"}, 0, 10); len(ids) != 1 {
		t.Errorf("tag filter after the upgrade: %v", ids)
	}
	if n, _ := s.QueueLen(ctx, model.Filter{Search: "written"}); n != 1 {
		t.Errorf("search after the upgrade found %d", n)
	}
}

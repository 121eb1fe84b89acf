package store

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sitrep/model"
)

// TestTriageIsPerUser: two users on one PostgreSQL share stories, tags and
// notes (with their author) but not read, starred or archived, and each
// has counts of their own. On SQLite, one reader, the same steps are one
// person's.
func TestTriageIsPerUser(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		maria := open(t)
		f := addFeed(t, maria, "https://a.example/feed")
		upsert(t, maria, f.ID, story("k1", "Aleppo: 51,000 displaced", base),
			story("k2", "Convoy reaches Madaya", base.Add(1)), story("k3", "Talks stall", base.Add(2)))
		k1, k2 := idByKey(t, maria, "k1"), idByKey(t, maria, "k2")
		if err := maria.ChangeTriage(ctx, k1, model.TriageChange{Starred: boolp(true), Read: boolp(true)}); err != nil {
			t.Fatal(err)
		}
		if ids, err := maria.ArchiveRead(ctx, model.Filter{View: model.ViewAll}); err != nil || len(ids) != 0 {
			t.Fatalf("ArchiveRead = %v, %v; k1 is starred, nothing to archive", ids, err)
		}
		if _, err := maria.MarkRead(ctx, model.Filter{View: model.ViewAll, FeedID: f.ID}); err != nil {
			t.Fatal(err)
		}
		if err := maria.ChangeTags(ctx, k2, []string{"syria"}, nil); err != nil {
			t.Fatal(err)
		}
		if err := maria.SetNote(ctx, k2, "check toll with OCHA"); err != nil {
			t.Fatal(err)
		}
		checkCounters(t, maria)
		if c, _ := maria.Counts(ctx); c != (model.Counts{All: 3, Unread: 0, Starred: 1}) {
			t.Errorf("maria's counts = %+v", c)
		}
		if maria.as == nil {
			return // SQLite: one reader, nothing more to see
		}

		ali := maria.as(t, "ali")
		if c, _ := ali.Counts(ctx); c != (model.Counts{All: 3, Unread: 3}) {
			t.Errorf("ali's counts = %+v, want 3 unread, none starred", c)
		}
		if ids := queueIDs(t, ali, model.Filter{View: model.ViewStarred}, 0, 10); len(ids) != 0 {
			t.Errorf("ali sees maria's stars: %v", ids)
		}
		st, err := ali.Story(ctx, k1)
		if err != nil {
			t.Fatal(err)
		}
		if st.Triage != (model.Triage{}) {
			t.Errorf("ali sees k1 as %+v", st.Triage)
		}
		// Shared: the tag and the note, with who wrote it.
		st2, err := ali.Story(ctx, k2)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(st2.Tags, []string{"syria"}) || st2.Note != "check toll with OCHA" {
			t.Errorf("ali sees k2 tags %v note %q", st2.Tags, st2.Note)
		}
		if st2.NoteAuthor != maria.Store.(*Postgres).User() {
			t.Errorf("k2's NoteAuthor = %q", st2.NoteAuthor)
		}
		p := ali.Store.(*Postgres)
		if who, _ := p.NoteAuthor(ctx, k2); who != maria.Store.(*Postgres).User() {
			t.Errorf("note author = %q, want %q", who, maria.Store.(*Postgres).User())
		}
		// Ali's triage is his: starring k2 does not touch maria's.
		if err := ali.ChangeTriage(ctx, k2, model.TriageChange{Starred: boolp(true)}); err != nil {
			t.Fatal(err)
		}
		if err := ali.ChangeTags(ctx, k2, []string{"aid"}, nil); err != nil {
			t.Fatal(err)
		}
		if who, _ := p.TagAuthors(ctx, k2); who["aid"] != "ali" || who["syria"] != maria.Store.(*Postgres).User() {
			t.Errorf("tag authors = %v", who)
		}
		// The story as a reader loads it carries them, for "#aid (ali)".
		if st, err := maria.Story(ctx, k2); err != nil || st.TagAuthors["aid"] != "ali" || st.TagAuthors["syria"] != maria.Store.(*Postgres).User() {
			t.Errorf("maria's k2: tag authors %v, %v", st.TagAuthors, err)
		}
		if ids := queueIDs(t, maria, model.Filter{View: model.ViewStarred}, 0, 10); !slices.Equal(ids, []int64{k1}) {
			t.Errorf("maria's starred = %v, want [%d]", ids, k1)
		}
		if ids := queueIDs(t, ali, model.Filter{View: model.ViewStarred}, 0, 10); !slices.Equal(ids, []int64{k2}) {
			t.Errorf("ali's starred = %v, want [%d]", ids, k2)
		}
		if c, _ := ali.Counts(ctx); c != (model.Counts{All: 3, Unread: 3, Starred: 1}) {
			t.Errorf("ali's counts = %+v", c)
		}
		feeds, err := ali.Feeds(ctx)
		if err != nil || len(feeds) != 1 || feeds[0].Unread != 3 || feeds[0].Total != 3 {
			t.Errorf("ali's feeds = %+v, %v", feeds, err)
		}
		checkCounters(t, ali)
		checkCounters(t, maria)
		// Undo of a bulk action is the user's own too.
		ids, err := ali.MarkRead(ctx, model.Filter{View: model.ViewAll})
		if err != nil || len(ids) != 3 {
			t.Fatalf("ali's MarkRead = %v, %v", ids, err)
		}
		if err := ali.UnmarkRead(ctx, ids); err != nil {
			t.Fatal(err)
		}
		if c, _ := maria.Counts(ctx); c.Unread != 0 {
			t.Errorf("ali's undo changed maria's unread: %+v", c)
		}
		if c, _ := ali.Counts(ctx); c.Unread != 3 {
			t.Errorf("ali's unread after undo = %+v", c)
		}
		// A story starred by ali alone is kept when the feed goes.
		if _, _, _, kept, err := maria.KeptCounts(ctx, f.ID); err != nil || kept != 2 {
			t.Errorf("kept = %d, %v; want k1 (maria's star) and k2 (tags, note, ali's star)", kept, err)
		}
	})
}

func boolp(b bool) *bool { return &b }

// TestPGWhereTestsFlagsInTriage: on PostgreSQL no queue condition tests the
// user's flags through user_stories' COALESCE columns, which the planner
// cannot estimate (it sorted every story for each page): every view and
// every is: operator, negated too, tests them with (NOT) EXISTS over
// triage. A pure test of the SQL; the store suite checks the results.
func TestPGWhereTestsFlagsInTriage(t *testing.T) {
	flagColumn := regexp.MustCompile(`s\.(read|starred|archived)\s*=`)
	var filters []model.Filter
	for _, v := range []model.View{model.ViewAll, model.ViewUnread, model.ViewStarred, model.ViewArchived, model.ViewFeed} {
		filters = append(filters, model.Filter{View: v, FeedID: 3})
		for _, op := range []string{"is:read", "is:unread", "is:starred", "is:archived", "-is:read", "-is:starred", "-is:archived", "is:noted aleppo"} {
			filters = append(filters, model.Filter{View: v, FeedID: 3, Search: op})
		}
	}
	for _, f := range filters {
		cond, _, err := pgWhere(f)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		if m := flagColumn.FindString(cond); m != "" {
			t.Errorf("%+v: condition tests %q through user_stories:\n%s", f, m, cond)
		}
		if !strings.Contains(cond, "FROM triage tf") {
			t.Errorf("%+v: no test of the user's triage rows:\n%s", f, cond)
		}
	}
}

// TestEditsOfOneStatement: a star and a tag are each one statement on
// PostgreSQL (pgChangeTriageSQL, changeTagsAtOnce); they keep the meaning
// of the transactions they replaced, on both backends.
func TestEditsOfOneStatement(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://one.example/feed")
		upsert(t, s, f.ID, story("k1", "Aleppo", base))
		id := idByKey(t, s, "k1")
		missing := id + 1000
		if err := s.ChangeTriage(ctx, missing, model.TriageChange{Starred: boolp(true)}); !errors.Is(err, ErrNotFound) {
			t.Errorf("star a missing story: %v, want ErrNotFound", err)
		}
		if err := s.ChangeTags(ctx, missing, []string{"syria"}, nil); !errors.Is(err, ErrNotFound) {
			t.Errorf("tag a missing story: %v, want ErrNotFound", err)
		}
		// A change leaves the flags it does not name as they were.
		if err := s.ChangeTriage(ctx, id, model.TriageChange{Read: boolp(true)}); err != nil {
			t.Fatal(err)
		}
		if err := s.ChangeTriage(ctx, id, model.TriageChange{Starred: boolp(true)}); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Story(ctx, id); st.Triage != (model.Triage{Read: true, Starred: true}) {
			t.Errorf("after read, then star: %+v", st.Triage)
		}
		checkCounters(t, s)
		if err := s.SetTriage(ctx, id, model.Triage{}); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Story(ctx, id); st.Triage != (model.Triage{}) {
			t.Errorf("after clearing: %+v", st.Triage)
		}
		checkCounters(t, s)
		if err := s.ChangeTags(ctx, id, []string{"aid", "syria"}, nil); err != nil {
			t.Fatal(err)
		}
		if err := s.ChangeTags(ctx, id, []string{"un"}, []string{"aid"}); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Story(ctx, id); !slices.Equal(st.Tags, []string{"syria", "un"}) {
			t.Errorf("tags %v, want syria and un", st.Tags)
		}
		if s.as == nil {
			return
		}
		p := s.Store.(*Postgres)
		var rows int
		if err := p.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM triage WHERE story_id = ?`, id).Scan(&rows); err != nil || rows != 0 {
			t.Errorf("a story with every flag off keeps %d triage rows (%v), want none", rows, err)
		}
		// A tag taken off and put on again in one change is this user's.
		ali := s.as(t, "ali")
		if err := ali.ChangeTags(ctx, id, []string{"syria"}, []string{"syria"}); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.Story(ctx, id); st.TagAuthors["syria"] != "ali" || st.TagAuthors["un"] != p.User() {
			t.Errorf("tag authors %v, want syria by ali, un by %s", st.TagAuthors, p.User())
		}
	})
}

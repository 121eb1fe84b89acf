package export

import (
	"sort"
	"strings"
	"testing"
	"time"

	"sitrep/model"
	"sitrep/model/store"
)

func archivedStory() model.Story {
	return model.Story{
		Key: "archived", Link: "https://example.org/a", Title: "Read and put away",
		Published: base.Add(-3 * time.Hour), Body: "Old news, 3 killed.", Words: 4,
		Triage: model.Triage{Read: true, Archived: true},
		Tags:   []string{"old"}, Note: "seen",
	}
}

func emptyStore(t *testing.T) *store.SQLite {
	t.Helper()
	s, err := store.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// sortedLines is an export's lines in a fixed order, so two exports
// compare whatever order stories of the same time came in.
func sortedLines(out string) []string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(lines)
	return lines
}

func importText(t *testing.T, st Target, text string) ImportStats {
	t.Helper()
	stats, err := ReadJSON(ctx, st, strings.NewReader(text))
	if err != nil {
		t.Fatalf("ReadJSON: %v", err)
	}
	return stats
}

// TestImportJSONRoundTrip: export, import into a fresh database, export
// again: the same lines, triage, tags and notes included; importing the
// same file a second time changes nothing.
func TestImportJSONRoundTrip(t *testing.T) {
	src := openStore(t, syria(t), hostile(t), plain(), unstarred(), archivedStory())
	for _, tc := range []struct {
		name     string
		archived bool
		want     int
	}{{"view all", false, 4}, {"everything", true, 5}} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Filter: model.Filter{View: model.ViewAll}, Format: "json", Archived: tc.archived}
			first, n := export(t, src, opts)
			if n != tc.want {
				t.Fatalf("exported %d stories, want %d", n, tc.want)
			}
			dst := emptyStore(t)
			stats := importText(t, dst, first)
			if stats.New != tc.want || stats.Feeds != 1 {
				t.Errorf("first import: %+v, want %d new in 1 feed", stats, tc.want)
			}
			second, _ := export(t, dst, opts)
			if a, b := sortedLines(first), sortedLines(second); strings.Join(a, "\n") != strings.Join(b, "\n") {
				t.Fatalf("export after import differs:\nbefore:\n%s\nafter:\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
			}
			counts, _ := dst.Counts(ctx)
			again := importText(t, dst, first)
			if again.New != 0 || again.Merged != 0 || again.Feeds != 0 || again.Unchanged != tc.want {
				t.Errorf("second import: %+v, want all %d unchanged", again, tc.want)
			}
			third, _ := export(t, dst, opts)
			if third != second {
				t.Errorf("a second import changed the export:\n%s\n---\n%s", second, third)
			}
			if counts2, _ := dst.Counts(ctx); counts2 != counts {
				t.Errorf("counts after a second import %+v, before %+v", counts2, counts)
			}
		})
	}
}

// TestImportJSONMerges: a story already in the database keeps its own
// state and gains what the file adds, never losing a flag, tag or note.
func TestImportJSONMerges(t *testing.T) {
	src := openStore(t, syria(t))
	file, _ := export(t, src, Options{Filter: model.Filter{View: model.ViewAll}, Format: "json"})

	s := syria(t)
	s.Starred, s.Read = false, true
	s.Tags, s.Note = []string{"mine"}, "my own note"
	dst := openStore(t, s)
	stats := importText(t, dst, file)
	if stats.New != 0 || stats.Merged != 1 || stats.NotesKept != 1 {
		t.Errorf("import: %+v, want 1 merged with its note kept", stats)
	}
	hs, _ := dst.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
	if len(hs) != 1 {
		t.Fatalf("%d stories, want 1", len(hs))
	}
	got, _ := dst.Story(ctx, hs[0].ID)
	if !got.Starred || !got.Read || got.Note != "my own note" || strings.Join(got.Tags, ",") != "aleppo,mine,un" {
		t.Errorf("merged story: triage %+v tags %v note %q", got.Triage, got.Tags, got.Note)
	}
}

// TestImportJSONRefuses: lines without a feed, with a bad feed URL or no
// JSON at all are errors that name the line.
func TestImportJSONRefuses(t *testing.T) {
	for _, in := range []string{
		`{"title":"x","text":"y"}`,
		`{"title":"x","text":"y","feed_url":"file:///etc/passwd"}`,
		`not json`,
	} {
		if _, err := ReadJSON(ctx, emptyStore(t), strings.NewReader(in)); err == nil || !strings.Contains(err.Error(), "story 1") {
			t.Errorf("ReadJSON(%s) = %v, want an error naming story 1", in, err)
		}
	}
}

// TestImportJSONKeepsARemovedFeedRemoved: a feed unsubscribed with its
// kept stories stays unsubscribed when a file naming it is imported; the
// stories merge as ever.
func TestImportJSONKeepsARemovedFeedRemoved(t *testing.T) {
	s := syria(t)
	s.Starred = true // kept when its feed is removed
	dst := openStore(t, s)
	file, n := export(t, dst, Options{Filter: model.Filter{View: model.ViewAll}, Format: "json"})
	if n != 1 {
		t.Fatalf("exported %d stories, want 1", n)
	}
	feeds, _ := dst.Feeds(ctx)
	if len(feeds) != 1 {
		t.Fatalf("%d feeds, want 1", len(feeds))
	}
	if err := dst.Unsubscribe(ctx, feeds[0].ID, true); err != nil {
		t.Fatal(err)
	}
	stats := importText(t, dst, file)
	if stats.Feeds != 0 || stats.New != 0 {
		t.Errorf("import: %+v, want no feed subscribed and no new story", stats)
	}
	if after, _ := dst.Feeds(ctx); len(after) != 0 {
		t.Errorf("the removed feed is subscribed again: %+v", after)
	}
	// A feed never seen is still subscribed to.
	other := strings.Replace(file, feeds[0].URL, "https://other.example/feed.xml", 1)
	if stats := importText(t, dst, other); stats.Feeds != 1 || stats.New != 1 {
		t.Errorf("import naming a new feed: %+v, want it subscribed with its story", stats)
	}
}

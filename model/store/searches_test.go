package store

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"sitrep/model"
)

// TestSavedSearches: S keeps a query under a name; the list comes back in
// the order saved, each with the unread stories its query finds; saving a
// name again replaces its query in place; the export reads back as TOML
// and importing it adds only the names missing.
func TestSavedSearches(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://example.org/feed")
		sts := []model.Story{
			story("a", "Aleppo ceasefire talks", base),
			story("b", "Madaya convoy", base.Add(time.Hour)),
			story("c", "Aleppo shelling resumes", base.Add(2*time.Hour)),
		}
		if _, err := s.UpsertStories(ctx, f.ID, sts, []string{"1", "2", "3"}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSearch(ctx, "Aleppo", "aleppo"); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSearch(ctx, "Bremmer \x1b[31m", `speaker:"Ian Bremmer"`); err != nil {
			t.Fatal(err)
		}
		got, err := s.Searches(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []model.SavedSearch{{Name: "Aleppo", Query: "aleppo", Unread: 2}, {Name: "Bremmer", Query: `speaker:"Ian Bremmer"`, Unread: 3}}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Fatalf("Searches = %+v, want %+v", got, want)
		}
		// Reading one of Aleppo's stories lowers its count.
		q, _ := s.Queue(ctx, model.Filter{View: model.ViewUnread, Search: "aleppo"}, 0, 10)
		if err := s.SetTriage(ctx, q[0].ID, model.Triage{Read: true}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSearch(ctx, "Aleppo", "aleppo OR madaya"); err != nil {
			t.Fatal(err)
		}
		got, _ = s.Searches(ctx)
		if got[0].Name != "Aleppo" || got[0].Query != "aleppo OR madaya" || got[0].Unread != 2 {
			t.Errorf("after replacing: %+v", got[0])
		}
		if err := s.SaveSearch(ctx, "  ", "x"); err == nil {
			t.Error("a search with no name was saved")
		}
		if err := s.SaveSearch(ctx, "empty", " "); err == nil {
			t.Error("a search with no query was saved")
		}

		out, err := s.ExportSearches(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var cfg struct{ Searches map[string]string }
		if _, err := toml.Decode(out, &cfg); err != nil {
			t.Fatalf("export is not TOML: %v\n%s", err, out)
		}
		if cfg.Searches["Aleppo"] != "aleppo OR madaya" || cfg.Searches["Bremmer"] != `speaker:"Ian Bremmer"` {
			t.Errorf("export read back as %v\n%s", cfg.Searches, out)
		}

		if err := s.DeleteSearch(ctx, "Aleppo"); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSearch(ctx, "Aleppo"); err == nil || !strings.Contains(err.Error(), "not found") {
			t.Errorf("deleting twice: %v", err)
		}
		n, err := s.ImportSearches(ctx, []model.SavedSearch{{Name: "Aleppo", Query: "aleppo"}, {Name: "Bremmer", Query: "other"}})
		if err != nil || n != 1 {
			t.Fatalf("ImportSearches = %d, %v; want 1 added", n, err)
		}
		got, _ = s.Searches(ctx)
		if len(got) != 2 || got[0].Query != `speaker:"Ian Bremmer"` || got[1].Name != "Aleppo" {
			t.Errorf("after import: %+v (an imported name already there keeps its query)", got)
		}
	})
}

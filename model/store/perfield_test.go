package store

import (
	"slices"
	"testing"

	"sitrep/model"
)

// TestTwoReadersKeepEachOthersTriage: two readers on one database, each
// with the story as it was when it loaded (unstarred, unarchived): one
// archives it, the other stars it. Written per field, both decisions stay;
// the whole-tuple SetTriage lost the archive.
func TestTwoReadersKeepEachOthersTriage(t *testing.T) {
	_, path := openTemp(t)
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	f := addFeed(t, a, "https://example.org/feed")
	upsert(t, a, f.ID, story("k1", "One", base))
	id := idByKey(t, a, "k1")
	seen := model.Triage{} // what both screens show
	if err := a.ChangeTriage(ctx, id, model.ChangeOf(seen, model.Triage{Archived: true})); err != nil {
		t.Fatal(err)
	}
	if err := b.ChangeTriage(ctx, id, model.ChangeOf(seen, model.Triage{Starred: true})); err != nil {
		t.Fatal(err)
	}
	st, err := a.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if want := (model.Triage{Starred: true, Archived: true}); st.Triage != want {
		t.Fatalf("triage %+v, want %+v", st.Triage, want)
	}
	checkCounters(t, a)

	// Tags: each reader adds its own, one removes one it saw; the other's stay.
	if err := a.ChangeTags(ctx, id, []string{"aleppo", "ceasefire"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := b.ChangeTags(ctx, id, []string{"un"}, []string{"ceasefire"}); err != nil {
		t.Fatal(err)
	}
	st, _ = b.Story(ctx, id)
	if want := []string{"aleppo", "un"}; !slices.Equal(st.Tags, want) {
		t.Fatalf("tags %q, want %q", st.Tags, want)
	}
	if err := a.ChangeTriage(ctx, 1<<40, model.ChangeOf(seen, model.Triage{Read: true})); err == nil {
		t.Fatal("a missing story: no error")
	}
}

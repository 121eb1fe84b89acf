package ui

import (
	"context"
	"strings"
	"testing"

	"sitrep/model"
	"sitrep/model/store"
)

// authoredStore is a team's store as far as notes go: their author is
// known (on SQLite it is not).
type authoredStore struct{ store.Store }

func (s authoredStore) Story(ctx context.Context, id int64) (model.Story, error) {
	st, err := s.Store.Story(ctx, id)
	if st.Note != "" {
		st.NoteAuthor = "maria"
	}
	// The tag the test adds is maria's; the fixture's own have no author.
	st.TagAuthors = map[string]string{"ocha-check": "maria\x1b[31m"} // sanitised before drawing
	return st, err
}

// TestLiveEvent: another reader's tag and note on the story shown appear
// when the store says so, without a keypress, the note with its author.
func TestLiveEvent(t *testing.T) {
	s := authoredStore{fixtureStore(t)}
	m := newTestModel(t, s, 120, 32)
	id := m.previewID
	if id == 0 {
		t.Fatal("no story shown")
	}
	// Someone else writes to the shared store.
	if err := s.ChangeTags(context.Background(), id, []string{"ocha-check"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.SetNote(context.Background(), id, "check toll with OCHA"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(screen(m), "ocha-check") {
		t.Fatal("the tag shows before the reader heard of it")
	}
	live := make(chan LiveEvent, 1)
	m.opts.Live = live
	live <- LiveEvent{Story: id, Author: "maria"}
	close(live) // the wait re-armed after the event ends at once
	drain(t, m, waitLive(live))
	out := screen(m)
	if !strings.Contains(out, "ocha-check (maria") || !strings.Contains(out, "✎ maria: check") {
		t.Errorf("after the event the story pane shows no tag or no note by maria:\n%s", out)
	}
	if strings.Contains(out, "\x1b[31m") {
		t.Errorf("a tag author's escape reached the screen")
	}
}

package store

import (
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestSearchOperators: -word and NOT leave stories out, OR finds either,
// and what cannot be understood is said, never silently searched as
// something else.
func TestSearchOperators(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		texts := map[string]string{
			"gaza-killed":  "Strikes on Gaza killed 12 people overnight.",
			"gaza-aid":     "Aid trucks entered Gaza through Rafah.",
			"aleppo":       "Fighting around Aleppo displaced 51,000.",
			"madaya-aid":   "Aid reached Madaya after three months.",
			"or-and-words": "Either or neither, and so on.",
		}
		var batch []model.Story
		i := 0
		for key, body := range texts {
			st := story(key, key, base.Add(time.Duration(i)*time.Hour))
			st.Body, st.Quotes, st.Stats = body, nil, nil
			batch = append(batch, st)
			i++
		}
		upsert(t, s, f.ID, batch...)

		tests := []struct {
			query string
			want  []string
			note  string // a part of the note, "" for none
		}{
			{"Gaza killed", []string{"gaza-killed"}, ""},
			{"Gaza -killed", []string{"gaza-aid"}, ""},
			{"-killed Gaza", []string{"gaza-aid"}, ""},
			{"Gaza NOT killed", []string{"gaza-aid"}, ""},
			{"Gaza OR Aleppo", []string{"aleppo", "gaza-aid", "gaza-killed"}, ""},
			{"aid Gaza OR Madaya", []string{"gaza-aid", "madaya-aid"}, ""}, // FTS5: (aid Gaza) OR Madaya
			{"aid -Gaza -Rafah", []string{"madaya-aid"}, ""},
			{"Gaza AND aid", []string{"gaza-aid"}, ""},
			{"Gaza or aid", nil, ""}, // lower-case "or" is a word
			{"-killed", nil, "nothing to look for"},
			{"NOT killed", nil, "nothing to look for"},
			{"OR Gaza", nil, "OR needs a word before it"},
			{"Gaza OR", nil, "OR needs a word after it"},
			{"Gaza NOT", nil, "NOT needs a word after it"},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				hs, err := s.Queue(ctx, model.Filter{View: model.ViewAll, Search: tt.query}, 0, 100)
				if err != nil {
					t.Fatalf("Queue: %v (fts %q)", err, ftsQuery(tt.query))
				}
				var got []string
				for _, h := range hs {
					got = append(got, h.Title)
				}
				slices.Sort(got)
				if !slices.Equal(got, tt.want) {
					t.Errorf("found %v, want %v (fts %q)", got, tt.want, ftsQuery(tt.query))
				}
				notes := strings.Join(ParseSearch(tt.query).Notes, "; ")
				if tt.note == "" && notes != "" || !strings.Contains(notes, tt.note) {
					t.Errorf("notes %q, want %q", notes, tt.note)
				}
			})
		}
	})
}

// TestQueueIndex: where a story stands in a view, the same place Queue
// lists it at; -1 where the view does not show it.
func TestQueueIndex(t *testing.T) {
	eachBackend(t, func(t *testing.T, open opener) {
		s := open(t)
		f := addFeed(t, s, "https://a.example/feed")
		var batch []model.Story
		for i := 0; i < 30; i++ {
			// Pairs share a time, so the id breaks ties.
			batch = append(batch, story(string(rune('a'+i)), "t", base.Add(time.Duration(i/2)*time.Hour)))
		}
		upsert(t, s, f.ID, batch...)
		hs, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		s.SetTriage(ctx, hs[3].ID, model.Triage{Archived: true})
		hs, _ = s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 100)
		for i, h := range hs {
			if n, err := s.QueueIndex(ctx, model.Filter{View: model.ViewAll}, h.ID); err != nil || n != i {
				t.Fatalf("QueueIndex(%d) = %d, %v; want %d", h.ID, n, err, i)
			}
		}
		arch, _ := s.Queue(ctx, model.Filter{View: model.ViewArchived}, 0, 1)
		if n, _ := s.QueueIndex(ctx, model.Filter{View: model.ViewAll}, arch[0].ID); n != -1 {
			t.Fatalf("archived story at %d in All, want -1", n)
		}
	})
}

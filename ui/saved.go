package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// Saved searches: S names the search in force, and the sources pane lists
// the saved ones after the tags with their unread counts; choosing one runs
// its query in the state v chose.

// searchesLoadedMsg carries the saved searches for the sources pane.
type searchesLoadedMsg struct {
	saved []model.SavedSearch
	err   error
}

// searchSavedMsg says a search was saved under name (or why not).
type searchSavedMsg struct {
	name    string
	deleted bool // forgotten rather than saved
	err     error
}

func loadSearchesCmd(ctx context.Context, s Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		ss, err := s.Searches(ctx)
		out := ss[:0:0]
		for _, x := range ss {
			x.Name = sanitize.Line(x.Name)
			x.Query = sanitize.Line(x.Query)
			if x.Name != "" {
				out = append(out, x)
			}
		}
		return searchesLoadedMsg{saved: out, err: err}
	}
}

// saveSearch is S: a prompt for the name of the search in force.
func (m *Model) saveSearch() tea.Cmd {
	q := m.queue.filter.Search
	if q == "" {
		m.noteErr("no search to save: search with " + firstKey(m.keys.Search) + " first")
		return nil
	}
	name := ""
	cmd := m.search.openEdit(promptSaveSearch, 0, "")
	if s := m.sources.selectedSaved(); s != nil && s.Query == q {
		// The saved search shown: its name, which enter keeps, another
		// saves a copy under, and emptied forgets it.
		name = s.Name
		cmd = m.search.openEdit(promptSaveSearch, 0, name)
		m.search.in.Placeholder = "empty: forget this saved search"
	}
	return cmd
}

// savedSearchNamed writes the search in force under name; an empty name
// for a saved search (was) forgets it.
func (m *Model) savedSearchNamed(name, was string) tea.Cmd {
	q := m.queue.filter.Search
	s := m.opts.Store
	if name == "" && was != "" {
		return func() tea.Msg {
			ctx, cancel := context.WithTimeout(m.ctx, ioTimeout)
			defer cancel()
			return searchSavedMsg{name: was, deleted: true, err: s.DeleteSearch(ctx, was)}
		}
	}
	if name == "" || q == "" {
		m.note("not saved: a saved search needs a name")
		return nil
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(m.ctx, ioTimeout)
		defer cancel()
		return searchSavedMsg{name: name, err: s.SaveSearch(ctx, name, q)}
	}
}

func (m *Model) searchSaved(msg searchSavedMsg) tea.Cmd {
	if msg.err != nil {
		m.noteErr("saving the search: " + msg.err.Error())
		return nil
	}
	if msg.deleted {
		m.sources.moveTo(0) // its row goes: back to All, without its query
		show := m.sourceChanged()
		m.note("forgot the saved search “" + msg.name + "”")
		return tea.Batch(m.loadSearches(), show)
	}
	m.note("saved search “" + msg.name + "”: in the sources pane")
	return m.loadSearches()
}

// sourceSearch is the search a newly chosen source row runs: a saved
// search's query, else the search in force, unless that search came from
// the saved search the cursor just left.
func (m *Model) sourceSearch() string {
	q := m.queue.filter.Search
	if q != "" && q == m.sources.ranSaved {
		q = ""
	}
	m.sources.ranSaved = ""
	if s := m.sources.selectedSaved(); s != nil {
		q = s.Query
		m.sources.ranSaved = q
	}
	sq := store.ParseSearch(q)
	m.queue.searchNotes = sq.Notes
	m.reader.setMatches(sq.Terms())
	return q
}

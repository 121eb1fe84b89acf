package ui

import (
	"context"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// searchInput is the one-line prompt `/` opens in the bottom row, where the
// key help usually is. While it is open every key but enter and esc is
// text, so typing "q" or "s" cannot quit or star.
//
// The same prompt edits the tags (t) and the note (e) of a story: kind says
// which, and target is the story.
type searchInput struct {
	c      *common
	w      int
	in     textinput.Model
	active bool
	kind   promptKind
	target int64
	orig   string // what an edit prompt was prefilled with
}

// promptKind is what the bottom-row prompt is for.
type promptKind int

const (
	promptSearch promptKind = iota
	promptTags
	promptNote
	promptRename     // a feed's name, in the subscriptions pane
	promptSaveSearch // the name to save the search in force under (S)
)

// maxNote bounds a note typed or pasted in the prompt.
const maxNote = 2000

// editHint is the hint of the tags and note prompts.
const editHint = "enter save · esc cancel"

// hint is what the prompt says to the right of the text.
func (s *searchInput) hint() string {
	if s.kind == promptSearch {
		return searchHint
	}
	return editHint
}

// maxQuery bounds a query: a long paste should not become a long search.
const maxQuery = 200

// searchHint is what the prompt says to the right of the text.
const searchHint = "enter search · esc cancel"

func newSearchInput(c *common) *searchInput {
	in := textinput.New()
	in.Prompt = "/ "
	in.CharLimit = maxQuery
	// ctrl+v would run a clipboard program; the terminal's own paste
	// arrives as a tea.PasteMsg and still works.
	in.KeyMap.Paste.SetEnabled(false)
	s := &searchInput{c: c, in: in}
	s.restyle()
	return s
}

// restyle picks up rebuilt styles.
func (s *searchInput) restyle() { s.in.SetStyles(s.c.st.Search) }

func (s *searchInput) SetSize(w int) {
	s.w = w
	// The row is " ", the prompt, the text, a cell for the cursor, a
	// space, the hint and a space; a narrow row gives the hint's room to
	// the text.
	tw := w - 4 - ansi.StringWidth(s.in.Prompt) - ansi.StringWidth(s.hint())
	if tw < 12 {
		tw = w - 2 - ansi.StringWidth(s.in.Prompt)
	}
	s.in.SetWidth(max(1, tw))
}

// open shows an empty prompt; current is the search in force, which an
// empty enter clears.
func (s *searchInput) open(current string) tea.Cmd {
	s.active = true
	s.kind, s.target = promptSearch, 0
	s.in.Prompt, s.in.CharLimit = "/ ", maxQuery
	s.SetSize(s.w)
	s.in.Reset()
	s.in.Placeholder = "words to find"
	if current != "" {
		s.in.Placeholder = "enter alone clears “" + current + "”"
	}
	return s.in.Focus()
}

// openEdit shows the tags or note prompt for story id, prefilled with
// value and the cursor at its end.
func (s *searchInput) openEdit(kind promptKind, id int64, value string) tea.Cmd {
	s.active = true
	s.kind, s.target = kind, id
	switch kind {
	case promptTags:
		s.in.Prompt, s.in.CharLimit = "tags: ", maxNote
		s.in.Placeholder = "words separated by spaces"
	case promptRename:
		s.in.Prompt, s.in.CharLimit = "name: ", maxQuery
		s.in.Placeholder = "empty: the feed's own title"
	case promptSaveSearch:
		s.in.Prompt, s.in.CharLimit = "save search as: ", 60
		s.in.Placeholder = "a name for the sources pane"
	default:
		s.in.Prompt, s.in.CharLimit = "note: ", maxNote
		s.in.Placeholder = "a line of your own on this story"
	}
	s.SetSize(s.w)
	s.in.Reset()
	s.orig = sanitize.Line(value)
	s.in.SetValue(s.orig)
	s.in.CursorEnd()
	return s.in.Focus()
}

func (s *searchInput) close() {
	s.active = false
	s.in.Blur()
}

// update edits the text. The input drops control characters itself, but a
// paste can also carry bidi overrides, which the one sanitiser removes
// before the text is drawn.
func (s *searchInput) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.in, cmd = s.in.Update(msg)
	if v := s.in.Value(); !sanitize.IsSafe(v) {
		s.in.SetValue(sanitize.Text(v))
	}
	return cmd
}

// query is the text as one clean line: "  two   words " is "two words".
func (s *searchInput) query() string { return sanitize.Line(s.in.Value()) }

// View is the bottom row: the prompt, then the hint while there is room.
func (s *searchInput) View() string {
	line := " " + s.in.View()
	hint := s.c.st.Faint.Render(s.hint())
	if gap := s.w - ansi.StringWidth(line) - ansi.StringWidth(hint) - 1; gap >= 1 {
		line += strings.Repeat(" ", gap) + hint
	}
	return fit(line, s.w, s.c.sym.Ellipsis)
}

// searchKey handles a key while the prompt is open: enter searches, esc
// leaves the queue as it was, everything else edits the text.
func (m *Model) searchKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Open) && m.search.kind != promptSearch:
		kind, id, text, orig := m.search.kind, m.search.target, m.search.query(), m.search.orig
		m.search.close()
		if kind == promptTags {
			return m.saveTags(id, splitTags(text), true)
		}
		if kind == promptSaveSearch {
			return m.savedSearchNamed(text, orig)
		}
		if kind == promptRename {
			return m.feedWrite(func(ctx context.Context) error { return m.opts.Store.RenameFeed(ctx, id, text) },
				"renamed to “"+text+"”")
		}
		return m.saveNote(id, orig, text, true)
	case key.Matches(msg, m.keys.Open):
		q := m.search.query()
		m.search.close()
		cmd := m.setSearch(q)
		if q != "" && m.focus != focusQueue {
			// The matches are what the reader wants to see next; in the
			// single-pane layout they would be off screen.
			m.setFocus(focusQueue)
			return tea.Batch(cmd, m.relayout())
		}
		return cmd
	case key.Matches(msg, m.keys.Close):
		m.search.close()
		return nil
	}
	return m.search.update(msg)
}

// openSearch is `/`.
func (m *Model) openSearch() tea.Cmd {
	return m.search.open(m.queue.filter.Search)
}

// setSearch filters the queue by q within the view shown; "" clears the
// search and brings back the queue as it was before it. What the search
// could not understand (an OR with nothing after it, only words left out)
// is said in the status line.
func (m *Model) setSearch(q string) tea.Cmd {
	qp := m.queue
	if q == qp.filter.Search {
		return nil
	}
	if q == "" {
		return m.clearSearch()
	}
	if qp.filter.Search == "" {
		qp.before = qp.place()
	}
	sq := store.ParseSearch(q)
	qp.searchNotes = sq.Notes
	if len(sq.Notes) > 0 {
		m.noteWarn("search: " + strings.Join(sq.Notes, "; "))
	}
	m.reader.setMatches(sq.Terms())
	f := qp.filter
	f.Search = q
	qp.show(f)
	return m.reloadQueue()
}

// clearSearch is esc in the queue (or an empty search): the view without
// the search, the cursor staying on the story it was on among the matches
// (found wherever it stands in the whole view); with none chosen, back
// where it was before the search began.
func (m *Model) clearSearch() tea.Cmd {
	qp := m.queue
	if qp.filter.Search == "" {
		return nil
	}
	f := qp.filter
	f.Search = ""
	qp.searchNotes = nil
	m.reader.setMatches(nil)
	var keep int64
	if h := qp.selected(); h != nil {
		keep = h.ID
	}
	b := qp.before
	qp.before = nil
	if keep == 0 && b != nil && b.filter == f {
		qp.restore(*b)
		return m.reloadQueue()
	}
	if b != nil && b.filter == f {
		// Show the old place while the window around the story loads.
		qp.restore(*b)
	} else {
		qp.show(f)
	}
	return m.loadAround(keep)
}

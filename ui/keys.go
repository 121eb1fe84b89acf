package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap is every binding of the reader. Vim keys and arrows both work.
type KeyMap struct {
	Up, Down         key.Binding
	Top, Bottom      key.Binding
	PageDown, PageUp key.Binding
	ReadOn           key.Binding
	Open             key.Binding
	NextFocus        key.Binding
	PrevFocus        key.Binding
	Sources          key.Binding
	FocusSources     key.Binding
	FocusQueue       key.Binding
	FocusStory       key.Binding
	FocusHighlights  key.Binding
	NextUnread       key.Binding
	PrevUnread       key.Binding
	Star             key.Binding
	Read             key.Binding
	Archive          key.Binding
	MarkAllRead      key.Binding
	ArchiveRead      key.Binding
	CycleView        key.Binding
	Density          key.Binding
	Confirm          key.Binding
	Tag              key.Binding
	Note             key.Binding
	Undo             key.Binding
	PollNow          key.Binding
	PrevHighlight    key.Binding
	NextHighlight    key.Binding
	OpenLink         key.Binding
	Yank             key.Binding
	YankLink         key.Binding
	Search           key.Binding
	Help             key.Binding
	Close            key.Binding
	Quit             key.Binding
	QuitNow          key.Binding
}

// DefaultKeyMap is the key table of the issue.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:              key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:            key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Top:             key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:          key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		PageDown:        key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		ReadOn:          key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "read on")),
		PageUp:          key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b", "page up")),
		Open:            key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		NextFocus:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "focus")),
		PrevFocus:       key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "focus back")),
		Sources:         key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "sources pane")),
		FocusSources:    key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "focus sources")),
		FocusQueue:      key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "focus queue")),
		FocusStory:      key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "focus story")),
		FocusHighlights: key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "focus highlights")),
		NextUnread:      key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next unread")),
		PrevUnread:      key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "prev unread")),
		Star:            key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Read:            key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read")),
		Archive:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "archive")),
		MarkAllRead:     key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "mark view read")),
		ArchiveRead:     key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "archive read")),
		CycleView:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "all/unread/starred/archived")),
		Density:         key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "compact/full rows")),
		Confirm:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		Tag:             key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "tags")),
		Note:            key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "note")),
		Undo:            key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		PollNow:         key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "poll now")),
		PrevHighlight:   key.NewBinding(key.WithKeys("["), key.WithHelp("[", "prev highlight")),
		NextHighlight:   key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next highlight")),
		OpenLink:        key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open link")),
		Yank:            key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quote/figure + citation")),
		YankLink:        key.NewBinding(key.WithKeys("Y"), key.WithHelp("Y", "copy link")),
		Search:          key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Help:            key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Close:           key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close, clear search")),
		Quit:            key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		QuitNow:         key.NewBinding(key.WithKeys("Q", "ctrl+c"), key.WithHelp("Q", "quit from anywhere")),
	}
}

// focusHelp is the key help for one focus: it satisfies help.KeyMap so the
// one-line help and the full help both follow the focused pane. searching
// says a search filters the queue, so esc there clears it.
type focusHelp struct {
	k         KeyMap
	focus     focusID
	searching bool
}

// ShortHelp is the status-line help: what this pane does first, then the
// triage keys that work everywhere.
func (h focusHelp) ShortHelp() []key.Binding {
	k := h.k
	move := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "move"))
	switch h.focus {
	case focusSources:
		return []key.Binding{move, withHelp(k.Open, "show"), k.NextFocus, k.Help, k.Quit}
	case focusReader:
		scroll := key.NewBinding(key.WithKeys("j", "k"), key.WithHelp("j/k", "scroll"))
		return []key.Binding{scroll, k.ReadOn, withHelp(k.NextHighlight, "next highlight"), k.Star, k.Tag, k.Note, k.OpenLink, withHelp(k.Quit, "back to queue"), k.Help}
	case focusHighlights:
		return []key.Binding{move, withHelp(k.Open, "show in story"), k.NextFocus, k.Help, k.Quit}
	}
	if h.searching {
		// Say how to get the whole queue back before anything else.
		return []key.Binding{move, k.Open, withHelp(k.Close, "clear search"), k.Star, k.Read, k.Archive, k.Undo, k.Tag, k.Note, k.NextFocus, k.Help, k.Quit}
	}
	return []key.Binding{move, k.Open, k.Star, k.Read, k.Archive, k.Undo, k.Search, k.Tag, k.Note, k.NextFocus, k.Help, k.Quit}
}

// FullHelp is the `?` overlay: movement, triage, the rest.
func (h focusHelp) FullHelp() [][]key.Binding {
	k := h.k
	// The movement column says what moving means in the focused pane.
	switch h.focus {
	case focusReader:
		k.Up, k.Down = withHelp(k.Up, "scroll up"), withHelp(k.Down, "scroll down")
		k.Top, k.Bottom = withHelp(k.Top, "story top"), withHelp(k.Bottom, "story end")
	case focusHighlights:
		k.Up, k.Down = withHelp(k.Up, "prev quote/figure"), withHelp(k.Down, "next quote/figure")
		k.Open = withHelp(k.Open, "show in story")
	case focusSources:
		k.Open = withHelp(k.Open, "show its stories")
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageDown, k.PageUp, k.ReadOn, k.Open},
		{k.NextUnread, k.PrevUnread, k.Star, k.Read, k.Archive, k.MarkAllRead, k.ArchiveRead, k.Tag, k.Note, k.Undo},
		{k.NextFocus, k.PrevFocus, k.FocusSources, k.FocusQueue, k.FocusStory, k.FocusHighlights, k.Sources, k.CycleView, k.Density, k.PrevHighlight, k.NextHighlight},
		{k.Search, k.OpenLink, k.Yank, k.YankLink, k.PollNow, k.Help, k.Close, k.Quit, k.QuitNow},
	}
}

func withHelp(b key.Binding, desc string) key.Binding {
	h := b.Help()
	b.SetHelp(h.Key, desc)
	return b
}

// navKey is a movement key, as every pane understands it.
type navKey int

const (
	navNone navKey = iota
	navUp
	navDown
	navTop
	navBottom
	navPageDown
	navPageUp
	navOpen
)

// nav maps a key to the movement it means, so panes need not know the
// bindings.
func (k KeyMap) nav(msg tea.KeyPressMsg) navKey {
	switch {
	case key.Matches(msg, k.Up):
		return navUp
	case key.Matches(msg, k.Down):
		return navDown
	case key.Matches(msg, k.Top):
		return navTop
	case key.Matches(msg, k.Bottom):
		return navBottom
	case key.Matches(msg, k.PageDown):
		return navPageDown
	case key.Matches(msg, k.PageUp):
		return navPageUp
	case key.Matches(msg, k.Open):
		return navOpen
	}
	return navNone
}

// paneEvent is what a pane reports after a key, for the root to act on.
type paneEvent int

const (
	paneNone  paneEvent = iota
	paneMoved           // the selection changed
	paneOpen            // enter on the selection
)

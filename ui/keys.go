package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"sitrep/model/config"
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
	Subscriptions    key.Binding
	Speakers         key.Binding
	Figures          key.Binding
	Search           key.Binding
	SaveSearch       key.Binding
	Cluster          key.Binding
	Help             key.Binding
	Close            key.Binding
	Quit             key.Binding
	QuitNow          key.Binding
}

// DefaultKeyMap is the reader's keys; config.toml's [keys] remaps them
// (KeyMapFrom). README's key table is checked against it.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:              bind("up", "k", "up"),
		Down:            bind("down", "j", "down"),
		Top:             bind("top", "g", "home"),
		Bottom:          bind("bottom", "G", "end"),
		PageDown:        bind("page down", "pgdown"),
		ReadOn:          bind("read on: page the story, then next unread", "space"),
		PageUp:          bind("page up", "b", "pgup"),
		Open:            bind("open: mark read, focus the story", "enter"),
		NextFocus:       bind("next pane", "tab"),
		PrevFocus:       bind("previous pane", "shift+tab"),
		Sources:         bind("show/hide sources", "f"),
		FocusSources:    bind("focus sources", "1"),
		FocusQueue:      bind("focus queue", "2"),
		FocusStory:      bind("focus story", "3"),
		FocusHighlights: bind("focus highlights", "4"),
		NextUnread:      bind("next unread", "n"),
		PrevUnread:      bind("prev unread", "N"),
		Star:            bind("star/unstar", "s"),
		Read:            bind("read/unread", "r"),
		Archive:         bind("archive/unarchive", "a"),
		MarkAllRead:     bind("mark view read", "A"),
		ArchiveRead:     bind("archive read", "X"),
		CycleView:       bind("all/unread/starred/archived", "v"),
		Density:         bind("compact/full rows", "d"),
		Confirm:         bind("yes, to a question (A, X, remove a feed)", "y"),
		Tag:             bind("tag the story", "t"),
		Note:            bind("note on the story", "e"),
		Undo:            bind("undo", "u"),
		PollNow:         bind("poll now", "R"),
		PrevHighlight:   bind("prev highlight", "["),
		NextHighlight:   bind("next highlight", "]"),
		OpenLink:        bind("open link", "o"),
		Yank:            bind("copy quote/figure + citation", "y"),
		YankLink:        bind("copy link", "Y"),
		Subscriptions:   bind("subscriptions", "F"),
		Speakers:        bind("speakers across the view's stories", "W"),
		Figures:         bind("figures across the view's stories", "#"),
		Search:          bind("search", "/"),
		SaveSearch:      bind("save the search (listed in sources)", "S"),
		Cluster:         bind("the sources of a story (+N), and back", "z"),
		Help:            bind("help", "?"),
		Close:           bind("back to the queue, clear the search, close", "esc"),
		Quit:            bind("quit (in a pane: back to the queue)", "q"),
		QuitNow:         bind("quit from anywhere", "Q", "ctrl+c"),
	}
}

// bind is a binding whose help names every one of its keys, so the help
// and the README say exactly what works.
func bind(desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(keys, "/"), desc))
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
	upDown := firstKey(k.Down) + "/" + firstKey(k.Up)
	move := key.NewBinding(key.WithKeys(k.Down.Keys()...), key.WithHelp(upDown, "move"))
	// One key each, in words short enough for one line; ? lists them all.
	one := func(b key.Binding, desc string) key.Binding {
		b.SetHelp(firstKey(b), desc)
		return b
	}
	help, quit := one(k.Help, "help"), one(k.Quit, "quit")
	switch h.focus {
	case focusSources:
		return []key.Binding{move, one(k.Open, "show"), one(k.CycleView, "view"), one(k.Subscriptions, "subscriptions"), help, quit}
	case focusReader:
		scroll := key.NewBinding(key.WithKeys(k.Down.Keys()...), key.WithHelp(upDown, "scroll"))
		return []key.Binding{scroll, one(k.ReadOn, "read on"), one(k.NextHighlight, "next highlight"), one(k.Star, "star"),
			one(k.Yank, "copy quote"), one(k.Tag, "tags"), one(k.Note, "note"), one(k.OpenLink, "open link"), one(k.Quit, "back to queue"), help}
	case focusHighlights:
		return []key.Binding{move, one(k.Open, "show in story"), one(k.Yank, "copy with citation"), one(k.Quit, "back to queue"), help}
	}
	triage := []key.Binding{one(k.Star, "star"), one(k.Read, "read"), one(k.Archive, "archive"), one(k.Undo, "undo"),
		one(k.MarkAllRead, "mark view read"), one(k.CycleView, "view")}
	if h.searching {
		// Say how to get the whole queue back before anything else.
		return append(append([]key.Binding{move, one(k.Open, "open"), one(k.Close, "clear search")}, triage...), help, quit)
	}
	return append(append([]key.Binding{move, one(k.Open, "open")}, triage...), one(k.Search, "search"), one(k.Tag, "tags"), one(k.Note, "note"), help, quit)
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
		{k.Search, k.SaveSearch, k.Cluster, k.OpenLink, k.Yank, k.YankLink, k.PollNow, k.Subscriptions, k.Speakers, k.Figures, k.Help, k.Close, k.Quit, k.QuitNow},
	}
}

// firstKey is the first key of a binding, as a person types it.
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return "?"
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
	paneNone   paneEvent = iota
	paneMoved            // the selection changed
	paneOpen             // enter on the selection
	paneExpand           // a click on a cluster's "+N sources" badge
)

// action is one remappable binding: its name in config.toml's [keys].
type action struct {
	name string
	b    *key.Binding
}

// actions lists every binding by the name config.toml gives it.
func (k *KeyMap) actions() []action {
	return []action{
		{"up", &k.Up}, {"down", &k.Down}, {"top", &k.Top}, {"bottom", &k.Bottom},
		{"page_down", &k.PageDown}, {"page_up", &k.PageUp}, {"read_on", &k.ReadOn}, {"open", &k.Open},
		{"next_focus", &k.NextFocus}, {"prev_focus", &k.PrevFocus}, {"sources", &k.Sources},
		{"focus_sources", &k.FocusSources}, {"focus_queue", &k.FocusQueue},
		{"focus_story", &k.FocusStory}, {"focus_highlights", &k.FocusHighlights},
		{"next_unread", &k.NextUnread}, {"prev_unread", &k.PrevUnread},
		{"star", &k.Star}, {"read", &k.Read}, {"archive", &k.Archive},
		{"mark_all_read", &k.MarkAllRead}, {"archive_read", &k.ArchiveRead},
		{"cycle_view", &k.CycleView}, {"density", &k.Density}, {"confirm", &k.Confirm},
		{"tag", &k.Tag}, {"note", &k.Note}, {"undo", &k.Undo}, {"poll_now", &k.PollNow},
		{"prev_highlight", &k.PrevHighlight}, {"next_highlight", &k.NextHighlight},
		{"open_link", &k.OpenLink}, {"yank", &k.Yank}, {"yank_link", &k.YankLink},
		{"subscriptions", &k.Subscriptions}, {"speakers", &k.Speakers}, {"figures", &k.Figures},
		{"search", &k.Search}, {"save_search", &k.SaveSearch}, {"cluster", &k.Cluster}, {"help", &k.Help}, {"close", &k.Close},
		{"quit", &k.Quit}, {"quit_now", &k.QuitNow},
	}
}

// KeyMapFrom is the default key map with config.toml's [keys] applied. An
// unknown action, an unknown key, or a key given to two actions is an
// error that starts with the line that set it ("12: unknown action").
func KeyMapFrom(bindings []config.KeyBinding) (KeyMap, error) {
	k := DefaultKeyMap()
	acts := k.actions()
	byName := map[string]*key.Binding{}
	var names []string
	for _, a := range acts {
		byName[a.name] = a.b
		names = append(names, a.name)
	}
	lineOf := map[string]int{}
	for _, kb := range bindings {
		b := byName[kb.Action]
		if b == nil {
			return k, fmt.Errorf("%d: unknown action %q in [keys] (actions: %s)", kb.Line, kb.Action, strings.Join(names, ", "))
		}
		for _, s := range kb.Keys {
			if !validKey(s) {
				return k, fmt.Errorf("%d: %s: unknown key %q (a key is one character, or a name like enter, tab, space, esc, up, pgdown, home, f1, with ctrl+, alt+ or shift+ before it)", kb.Line, kb.Action, s)
			}
		}
		b.SetKeys(kb.Keys...)
		b.SetHelp(strings.Join(kb.Keys, "/"), b.Help().Desc)
		lineOf[kb.Action] = kb.Line
	}
	// A key may do one thing; confirm is asked only in its prompt.
	owner := map[string]string{}
	for _, a := range acts {
		if a.name == "confirm" {
			continue
		}
		for _, s := range a.b.Keys() {
			if o, ok := owner[s]; ok {
				line, other := lineOf[a.name], o
				if line == 0 {
					line = lineOf[o]
				}
				return k, fmt.Errorf("%d: %q is the key of both %s and %s", line, s, other, a.name)
			}
			owner[s] = a.name
		}
	}
	return k, nil
}

// keyNames are the named keys a binding may use.
var keyNames = map[string]bool{
	"enter": true, "tab": true, "space": true, "esc": true, "backspace": true, "delete": true,
	"insert": true, "up": true, "down": true, "left": true, "right": true, "home": true, "end": true,
	"pgup": true, "pgdown": true,
}

// validKey says whether s names a key as Bubble Tea writes them: one
// printable character or a named key, after ctrl+, alt+, shift+.
func validKey(s string) bool {
	for {
		rest, ok := cutAny(s, "ctrl+", "alt+", "shift+")
		if !ok {
			break
		}
		s = rest
	}
	if keyNames[s] {
		return true
	}
	if len(s) >= 2 && s[0] == 'f' {
		if n, err := strconv.Atoi(s[1:]); err == nil && n >= 1 && n <= 20 {
			return true
		}
	}
	r := []rune(s)
	return len(r) == 1 && unicode.IsPrint(r[0]) && !unicode.IsSpace(r[0])
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" {
			return rest, true
		}
	}
	return s, false
}

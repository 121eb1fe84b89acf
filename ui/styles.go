package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// palette is the handful of named colours the whole UI draws with. Panes
// never name a colour; they use the Styles built from this, so a light
// terminal, a dark one and NO_COLOR are each one decision, made here.
type palette struct {
	text, muted, faint   color.Color
	accent, border       color.Color
	quote, figure        color.Color
	warn, err            color.Color
	selected, selectedFg color.Color
}

func newPalette(isDark bool) palette {
	ld := lipgloss.LightDark(isDark)
	return palette{
		text:       ld(lipgloss.Color("#1f2328"), lipgloss.Color("#e6e6e6")),
		muted:      ld(lipgloss.Color("#57606a"), lipgloss.Color("#9a9a9a")),
		faint:      ld(lipgloss.Color("#8c959f"), lipgloss.Color("#5c5c5c")),
		accent:     ld(lipgloss.Color("#0969da"), lipgloss.Color("#7aa2f7")),
		border:     ld(lipgloss.Color("#d0d7de"), lipgloss.Color("#3b4048")),
		quote:      ld(lipgloss.Color("#8250df"), lipgloss.Color("#c099ff")),
		figure:     ld(lipgloss.Color("#bc4c00"), lipgloss.Color("#ffb86c")),
		warn:       ld(lipgloss.Color("#9a6700"), lipgloss.Color("#e0af68")),
		err:        ld(lipgloss.Color("#cf222e"), lipgloss.Color("#f7768e")),
		selected:   ld(lipgloss.Color("#ddf4ff"), lipgloss.Color("#2d3348")),
		selectedFg: ld(lipgloss.Color("#0a3069"), lipgloss.Color("#ffffff")),
	}
}

// Styles is every style the UI uses. It is rebuilt whole when the terminal
// reports its background colour.
type Styles struct {
	NoColor bool

	// Frame is the pane border as Lip Gloss sees it; panes take their inner
	// size from its frame size.
	Frame         lipgloss.Style
	Border        lipgloss.Style // pane frame, unfocused
	BorderFocused lipgloss.Style // pane frame of the focused pane
	Title         lipgloss.Style // pane title in the frame
	TitleFocused  lipgloss.Style
	TitleExtra    lipgloss.Style // "quotes 12 · figures 8" beside a title

	Text     lipgloss.Style
	Muted    lipgloss.Style
	Faint    lipgloss.Style
	Bold     lipgloss.Style
	Selected lipgloss.Style // cursor row of a focused list
	Cursor   lipgloss.Style // cursor row of an unfocused list

	Unread  lipgloss.Style
	Starred lipgloss.Style
	Warn    lipgloss.Style
	Error   lipgloss.Style

	Quote         lipgloss.Style // quotations and their speakers, inline and listed
	Figure        lipgloss.Style // statistics, inline and listed
	CurrentQuote  lipgloss.Style // the highlight chosen with [ ] or in the highlights pane
	CurrentFigure lipgloss.Style
	Match         lipgloss.Style // a word of the search in force, in the story

	StoryTitle lipgloss.Style
	StoryMeta  lipgloss.Style

	Brand     lipgloss.Style // "sitrep" in the top bar
	StatusBar lipgloss.Style
	Help      help.Styles
	Search    textinput.Styles // the `/` prompt in the bottom row
}

// NewStyles builds the styles for a dark or light background.
func NewStyles(isDark bool) Styles {
	return buildStyles(newPalette(isDark), false)
}

// newNoColorStyles is for NO_COLOR: no colour at all, only bold, underline
// and reverse, so that symbols and text carry every meaning.
func newNoColorStyles() Styles {
	return buildStyles(palette{}, true)
}

func buildStyles(p palette, noColor bool) Styles {
	st := lipgloss.NewStyle()
	fg := func(c color.Color) lipgloss.Style {
		if noColor || c == nil {
			return st
		}
		return st.Foreground(c)
	}
	s := Styles{NoColor: noColor}
	s.Frame = st.Border(lipgloss.RoundedBorder())
	s.Border = fg(p.border)
	s.BorderFocused = fg(p.accent).Bold(true)
	s.Title = fg(p.muted)
	s.TitleFocused = fg(p.accent).Bold(true)
	s.TitleExtra = fg(p.muted)
	s.Text = fg(p.text)
	s.Muted = fg(p.muted)
	s.Faint = fg(p.faint)
	s.Bold = fg(p.text).Bold(true)
	if noColor {
		s.Selected = st.Reverse(true)
		s.Cursor = st.Underline(true)
	} else {
		s.Selected = st.Background(p.selected).Foreground(p.selectedFg)
		s.Cursor = st.Foreground(p.text).Underline(true)
	}
	s.Unread = fg(p.accent).Bold(true)
	s.Starred = fg(p.warn).Bold(true)
	s.Warn = fg(p.warn)
	s.Error = fg(p.err).Bold(true)
	s.Quote = fg(p.quote).Italic(true)
	s.Figure = fg(p.figure).Bold(true)
	s.CurrentQuote = s.Quote.Reverse(true)
	s.CurrentFigure = s.Figure.Reverse(true)
	s.Match = fg(p.accent).Bold(true).Underline(true)
	s.StoryTitle = fg(p.text).Bold(true)
	s.StoryMeta = fg(p.muted)
	s.Brand = fg(p.accent).Bold(true)
	s.StatusBar = fg(p.muted)
	s.Help = help.Styles{
		Ellipsis:       fg(p.faint),
		ShortKey:       fg(p.accent),
		ShortDesc:      fg(p.muted),
		ShortSeparator: fg(p.faint),
		FullKey:        fg(p.accent),
		FullDesc:       fg(p.muted),
		FullSeparator:  fg(p.faint),
	}
	input := textinput.StyleState{
		Text:        fg(p.text),
		Placeholder: fg(p.faint),
		Suggestion:  fg(p.faint),
		Prompt:      fg(p.accent).Bold(true),
	}
	// A steady cursor: a blinking one would keep a timer running while the
	// prompt is open, for no information.
	s.Search = textinput.Styles{Focused: input, Blurred: input,
		Cursor: textinput.CursorStyle{Color: p.accent, Shape: tea.CursorBlock}}
	return s
}

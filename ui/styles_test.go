package ui

import (
	"image/color"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// TestSymbolsAreOneCell: every glyph that carries meaning is exactly one
// cell, and the fallback set is plain ASCII.
func TestSymbolsAreOneCell(t *testing.T) {
	for name, set := range map[string]Symbols{"unicode": unicodeSymbols(), "ascii": asciiSymbols()} {
		glyphs := []string{set.Unread, set.Read, set.Starred, set.Archived, set.Quote, set.Error,
			set.Pointer, set.Ellipsis, set.NoCount, set.Note, set.Tag, set.TL, set.H, set.TR, set.V, set.BL, set.BR}
		for _, g := range set.category {
			glyphs = append(glyphs, g)
		}
		for _, g := range glyphs {
			if w := ansi.StringWidth(g); w != 1 {
				t.Errorf("%s: %q is %d cells", name, g, w)
			}
			if name == "ascii" {
				for _, r := range g {
					if r > 0x7e {
						t.Errorf("ascii set has %q", g)
					}
				}
			}
		}
	}
}

// TestNoColor: under NO_COLOR the frame has no colour at all, and the
// meaning is still there in symbols and text.
func TestNoColor(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	send(t, m, tea.BackgroundColorMsg{Color: color.White}) // must not bring colour back
	frame := m.render()
	if p := colourParam(frame); p != "" {
		t.Fatalf("colour under NO_COLOR: SGR parameter %s", p)
	}
	s := ansi.Strip(frame)
	for _, want := range []string{"★", "❝", "☠", "⚠ Broken Feed"} {
		if !strings.Contains(s, want) {
			t.Errorf("NO_COLOR frame lacks %q", want)
		}
	}
}

// TestBackgroundRebuildsStyles: a light background report rebuilds the
// styles (the reader's pre-drawn title included).
func TestBackgroundRebuildsStyles(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	dark := m.c.st.Quote.GetForeground()
	title := m.reader.head[0]
	send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.c.st.Quote.GetForeground() == dark {
		t.Fatal("styles not rebuilt for a light background")
	}
	if m.reader.head[0] == title {
		t.Fatal("reader title not redrawn with the new styles")
	}
	if colourParam(m.render()) == "" {
		t.Fatal("no colour drawn with colours on (the NO_COLOR check would prove nothing)")
	}
}

// colourParam returns the first SGR parameter of s that sets a colour
// (30-49, 90-107), or "".
func colourParam(s string) string {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			return ""
		}
		s = s[i+2:]
		j := strings.IndexByte(s, 'm')
		if j < 0 {
			return ""
		}
		for _, p := range strings.FieldsFunc(s[:j], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err == nil && (n >= 30 && n <= 49 || n >= 90 && n <= 107) {
				return p
			}
		}
		s = s[j:]
	}
}

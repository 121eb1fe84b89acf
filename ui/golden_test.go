package ui

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"sitrep/model/store"
)

// runTeatest starts m in a teatest program with an ASCII colour profile,
// waits until the queue has drawn the first story, runs steps, then quits and returns the
// final model.
func runTeatest(t *testing.T, m *Model, w, h int, steps func(tm *teatest.TestModel)) *Model {
	t.Helper()
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	waitFor(t, tm, "Huge obstacles") // a queue row: the queue has loaded
	if steps != nil {
		steps(tm)
	}
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*Model)
}

func waitFor(t *testing.T, tm *teatest.TestModel, s string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
		teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

func fixtureModel(s store.Store) *Model {
	m := New(Options{Store: s, Now: func() time.Time { return fixedNow }, Location: time.UTC,
		OpenURL: func(string) error { return nil }})
	m.c.sym = unicodeSymbols()
	return m
}

// TestPaneGoldens compares each pane's view, without styles, at 80×24 and
// 160×48 with the Syria story open, against testdata/*.golden. Run with
// -update to rewrite them after an intended change.
func TestPaneGoldens(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 32}, {160, 48}} {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := runTeatest(t, fixtureModel(fixtureStore(t)), w, h, func(tm *teatest.TestModel) {
				tm.Send(keyMsg("enter"))
				waitFor(t, tm, "scroll") // the story pane's key help: it has focus
			})
			views := map[string]func() string{
				"screen":     m.render,
				"queue":      m.queue.View,
				"reader":     m.reader.View,
				"highlights": m.highlights.View,
				"status":     m.status.View,
				"help":       func() string { return m.help.Short(m.keyHelp()) },
				"sources": func() string {
					// Where sources are folded, draw them at the size they
					// unfold to.
					r := layout(w, h, focusSources, sourcesShown, false).panes[focusSources]
					m.sources.SetSize(r.W, r.H)
					return m.sources.View()
				},
			}
			for _, name := range []string{"screen", "sources", "queue", "reader", "highlights", "status", "help"} {
				t.Run(name, func(t *testing.T) {
					golden.RequireEqual(t, ansi.Strip(views[name]()))
				})
			}

			// At start: the first story previewed, nothing opened; then the
			// compact one-line rows with the preview following j.
			pm := newTestModel(t, fixtureStore(t), w, h)
			t.Run("screen_preview", func(t *testing.T) { golden.RequireEqual(t, screen(pm)) })
			press(t, pm, "d", "j")
			t.Run("screen_compact", func(t *testing.T) { golden.RequireEqual(t, screen(pm)) })

			// A search for "aleppo" in force, and the prompt open again.
			m = runTeatest(t, fixtureModel(fixtureStore(t)), w, h, func(tm *teatest.TestModel) {
				for _, k := range []string{"/", "a", "l", "e", "p", "p", "o", "enter"} {
					tm.Send(keyMsg(k))
				}
				waitFor(t, tm, "search: aleppo")
				tm.Send(keyMsg("/"))
				waitFor(t, tm, "esc cancel")
			})
			t.Run("search_queue", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(m.queue.View())) })
			t.Run("search_prompt", func(t *testing.T) { golden.RequireEqual(t, ansi.Strip(m.search.View())) })
		})
	}
}

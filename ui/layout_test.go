package ui

import (
	"fmt"
	"strings"
	"testing"
)

// sizes covers the supported range, the breakpoints and odd sizes.
func testSizes() [][2]int {
	var out [][2]int
	for _, w := range []int{60, 61, 69, 70, 71, 80, 99, 100, 101, 120, 133, 160, 199, 250} {
		for _, h := range []int{20, 21, 24, 31, 32, 48, 57, 70} {
			out = append(out, [2]int{w, h})
		}
	}
	return out
}

func TestLayout(t *testing.T) {
	for _, sz := range testSizes() {
		w, h := sz[0], sz[1]
		for f := focusSources; f < numPanes; f++ {
			for _, pref := range []sourcesPref{sourcesAuto, sourcesShown, sourcesHidden} {
				name := fmt.Sprintf("%dx%d/%s/pref=%d", w, h, f, pref)
				t.Run(name, func(t *testing.T) {
					l := layout(w, h, f, pref, pref == sourcesShown)
					checkLayout(t, l, w, h, f, pref)
				})
			}
		}
	}
}

func checkLayout(t *testing.T, l screenLayout, w, h int, focus focusID, pref sourcesPref) {
	t.Helper()
	// Every cell is covered exactly once.
	cover := make([]int, w*h)
	add := func(name string, r rect) {
		if !r.visible() {
			return
		}
		if r.X < 0 || r.Y < 0 || r.X+r.W > w || r.Y+r.H > h {
			t.Fatalf("%s %+v outside %dx%d", name, r, w, h)
		}
		for y := r.Y; y < r.Y+r.H; y++ {
			for x := r.X; x < r.X+r.W; x++ {
				cover[y*w+x]++
			}
		}
	}
	add("top", l.top)
	add("bottom", l.bottom)
	for f := focusSources; f < numPanes; f++ {
		add(f.String(), l.panes[f])
	}
	for i, c := range cover {
		if c != 1 {
			t.Fatalf("cell (%d,%d) covered %d times; layout %+v", i%w, i/w, c, l)
		}
	}
	if !l.panes[focus].visible() {
		t.Fatalf("focused pane %s hidden", focus)
	}
	// Minimum sizes of what is shown.
	mins := [numPanes][2]int{{minSourcesW, 5}, {minQueueW, 5}, {minRightW, minReaderH}, {minRightW, minHighH}}
	for f := focusSources; f < numPanes; f++ {
		r := l.panes[f]
		if r.visible() && (r.W < mins[f][0] || r.H < mins[f][1]) {
			t.Fatalf("%s is %dx%d, minimum %dx%d", f, r.W, r.H, mins[f][0], mins[f][1])
		}
	}
	// Modes by width: sources shown from 100 columns (unless hidden with
	// f and not focused), one pane below 70.
	switch {
	case w >= wideMin:
		for f := focusSources; f < numPanes; f++ {
			if f == focusSources && pref == sourcesHidden && focus != focusSources {
				if l.panes[f].visible() {
					t.Fatal("wide: sources shown though hidden with f")
				}
				continue
			}
			if !l.panes[f].visible() {
				t.Fatalf("wide: %s hidden", f)
			}
		}
	case w >= mediumMin:
		if !l.panes[focusQueue].visible() || !l.panes[focusReader].visible() || !l.panes[focusHighlights].visible() {
			t.Fatal("medium: queue, story and highlights must show")
		}
	default:
		n := 0
		for f := focusSources; f < numPanes; f++ {
			if l.panes[f].visible() {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("narrow: %d panes shown", n)
		}
	}
}

// TestFrameFits renders the whole screen at every size, in every focus and
// with the help open, and checks no line is wider than the terminal and
// there are no more lines than rows.
func TestFrameFits(t *testing.T) {
	s := fixtureStore(t)
	m := newTestModel(t, s, 120, 32)
	press(t, m, "enter")
	for _, sz := range testSizes() {
		w, h := sz[0], sz[1]
		send(t, m, windowSize(w, h))
		for f := 0; f < int(numPanes); f++ {
			press(t, m, "tab")
			checkFrame(t, m, w, h)
			if got := len(splitLines(m.render())); got != h {
				t.Fatalf("%dx%d: %d lines, want %d", w, h, got, h)
			}
		}
		press(t, m, "?")
		checkFrame(t, m, w, h)
		press(t, m, "?")
	}
}

// TestTinyTerminals: below the supported 60×20 nothing panics and nothing
// spills over the edge.
func TestTinyTerminals(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	press(t, m, "enter")
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {2, 2}, {10, 3}, {20, 5}, {30, 8}, {59, 19}, {40, 12}} {
		send(t, m, windowSize(sz[0], sz[1]))
		for i := 0; i < 4; i++ {
			press(t, m, "tab")
			checkFrame(t, m, sz[0], sz[1])
		}
		press(t, m, "?")
		checkFrame(t, m, sz[0], sz[1])
		press(t, m, "?")
	}
}

// TestFTogglesSourcesAtEveryWidth: f folds the sources pane away and brings
// it back at 100 columns and more too, as the help says, not only below.
func TestFTogglesSourcesAtEveryWidth(t *testing.T) {
	for _, w := range []int{80, 100, 120, 160} {
		m := newTestModel(t, fixtureStore(t), w, 32)
		shown := func() bool { return strings.Contains(screen(m), "╭ Sources") }
		initial := shown()
		if initial != (w >= wideMin) {
			t.Fatalf("%d columns: sources shown=%v at start", w, initial)
		}
		press(t, m, "f")
		if shown() == initial {
			t.Fatalf("%d columns: f did not toggle the sources pane:\n%s", w, screen(m))
		}
		press(t, m, "f")
		if shown() != initial {
			t.Fatalf("%d columns: second f did not toggle back:\n%s", w, screen(m))
		}
		checkFrame(t, m, w, 32)
	}
}

package ui

// focusID names a pane. The root model owns which one has focus.
type focusID int

const (
	focusSources focusID = iota
	focusQueue
	focusReader
	focusHighlights
	numPanes
)

func (f focusID) String() string {
	switch f {
	case focusSources:
		return "Sources"
	case focusQueue:
		return "Queue"
	case focusReader:
		return "Story"
	case focusHighlights:
		return "Highlights"
	}
	return "?"
}

// rect is a screen area in cells. A zero-width rect is a hidden pane.
type rect struct{ X, Y, W, H int }

func (r rect) visible() bool { return r.W > 0 && r.H > 0 }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// layoutMode is how many panes fit side by side.
type layoutMode int

const (
	modeWide   layoutMode = iota // sources | queue | story over highlights
	modeMedium                   // queue | story over highlights; sources on demand
	modeSingle                   // one pane at a time, switched with tab
)

// Breakpoints and minimum pane sizes (frame included).
const (
	wideMin   = 100 // below this the sources pane folds away
	mediumMin = 70  // below this one pane shows at a time

	minSourcesW = 16
	minQueueW   = 24
	minRightW   = 26
	minReaderH  = 6
	minHighH    = 5
)

// screenLayout is where everything goes for one terminal size.
type screenLayout struct {
	mode   layoutMode
	top    rect // brand, counts, poll progress
	bottom rect // key help
	panes  [numPanes]rect
}

// sourcesPref is what the reader asked of the sources pane with f: nothing
// yet (it shows where it fits, from 100 columns), shown (pinned open below
// 100 columns too) or hidden (folded away however wide the terminal).
type sourcesPref int

const (
	sourcesAuto sourcesPref = iota
	sourcesShown
	sourcesHidden
)

// layout places the panes for a terminal of w×h cells. It is pure: the same
// arguments always give the same rectangles, which is what lets it be
// table-tested. focus matters only where not every pane fits (the single
// mode shows the focused pane; the medium mode unfolds sources while they
// have focus); pref is the reader's choice made with f; compact rows get
// the queue a wider share.
func layout(w, h int, focus focusID, pref sourcesPref, compact bool) screenLayout {
	var l screenLayout
	if w <= 0 || h <= 0 {
		return l
	}
	// The bars need one row each; with less than three rows there is only
	// room for the top bar.
	l.top = rect{0, 0, w, 1}
	if h < 3 {
		l.top.H = h
		return l
	}
	l.bottom = rect{0, h - 1, w, 1}
	bodyY, bodyH := 1, h-2

	switch {
	case w >= wideMin:
		l.mode = modeWide
	case w >= mediumMin:
		l.mode = modeMedium
	default:
		l.mode = modeSingle
	}
	// A body too short to stack the story over the highlights also gets one
	// pane at a time.
	if bodyH < minReaderH+minHighH {
		l.mode = modeSingle
	}

	if l.mode == modeSingle {
		l.panes[focus] = rect{0, bodyY, w, bodyH}
		return l
	}

	x := 0
	if sourcesVisible(l.mode, focus, pref) {
		sw := clamp(w*17/100, 18, 30)
		if l.mode == modeMedium {
			sw = 18
		}
		l.panes[focusSources] = rect{x, bodyY, sw, bodyH}
		x += sw
	}
	rest := w - x
	// No cap on the queue: on a wide terminal titles use the width.
	// One-line rows (compact) read better wider: the title has the row.
	share := 45
	if compact {
		share = 55
	}
	qw := clamp(rest*share/100, minQueueW, rest)
	if rest-qw < minRightW {
		qw = rest - minRightW
	}
	l.panes[focusQueue] = rect{x, bodyY, qw, bodyH}
	x += qw

	rw := w - x
	rh := clamp(bodyH*3/5, minReaderH, bodyH-minHighH)
	l.panes[focusReader] = rect{x, bodyY, rw, rh}
	l.panes[focusHighlights] = rect{x, bodyY + rh, rw, bodyH - rh}
	return l
}

// sourcesVisible says whether the sources pane has a place beside the
// queue: where it fits unless hidden with f, where it does not only when
// pinned open or focused.
func sourcesVisible(mode layoutMode, focus focusID, pref sourcesPref) bool {
	switch {
	case mode == modeSingle:
		return focus == focusSources
	case pref == sourcesShown || focus == focusSources:
		return true
	case pref == sourcesHidden:
		return false
	}
	return mode == modeWide
}

func clamp(v, lo, hi int) int {
	if hi < lo {
		return lo
	}
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

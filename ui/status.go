package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/spinner"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
)

// statusBar is the top line: the name, the counts, poll progress and the
// last error. It is one line and never wider than the terminal.
type statusBar struct {
	c       *common
	w       int
	spin    spinner.Model
	polling bool
	done    int
	total   int
	counts  model.Counts
	note    string // last error or notice, sanitised
	noteErr bool
	seq     int       // counts the lines put up, for their expiry
	polled  time.Time // end of the last round
	failing int       // feeds whose last poll failed
}

func newStatusBar(c *common) *statusBar {
	return &statusBar{c: c, spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

func (s *statusBar) SetSize(w int) { s.w = w }

// set puts up a status line; a new line restarts the expiry even when the
// text is the same.
func (s *statusBar) set(note string, isErr bool) {
	s.note, s.noteErr = note, isErr
	s.seq++
}

// minNote is how much of an error the bar tries to show: enough to name
// the feed. Shorter count labels make room for it before it is cut.
const minNote = 20

func (s *statusBar) View() string {
	sym := s.c.sym
	sepW := ansi.StringWidth(sym.Sep)
	// lead is the poll progress, which outranks whatever follows it (rest).
	lead, rest := "", s.rightItems()
	if s.polling {
		lead, rest = rest[0], rest[1:]
	}
	leadW := ansi.StringWidth(lead)
	restW := ansi.StringWidth(strings.Join(rest, sym.Sep))
	if lead != "" && len(rest) > 0 {
		restW += sepW
	}
	// The right side needs one cell of gap and one of margin.
	room := s.w
	if leadW+restW > 0 {
		room -= 2
	}
	// The counts win: the longest way of writing them that leaves room for
	// the lead and the start of the rest; else the tightest labels, which
	// leave the rest the most, the brand giving way only for the lead. So
	// labels only ever shorten as the terminal narrows.
	lefts, withBrand := s.countLines()
	left := lefts[len(lefts)-1]
	if l, ok := firstFitting(lefts[:withBrand], room-leadW-min(restW, minNote)); ok {
		left = l
	} else if l, ok := firstFitting(lefts[withBrand-1:], room-leadW); ok {
		left = l
	}
	avail := max(0, room-ansi.StringWidth(left))
	r := ansi.Truncate(lead, avail, sym.Ellipsis)
	// The rest is cut from its end, and shown only if a cell of it fits
	// beside the ellipsis.
	if len(rest) > 0 {
		t, least := strings.Join(rest, sym.Sep), 2
		if lead != "" {
			t, least = sym.Sep+t, least+sepW
		}
		if spare := avail - ansi.StringWidth(r); spare >= least {
			r += ansi.Truncate(t, spare, sym.Ellipsis)
		}
	}
	if r != "" {
		r += " "
	}
	gap := max(1, s.w-ansi.StringWidth(left)-ansi.StringWidth(r))
	return fit(left+strings.Repeat(" ", gap)+r, s.w, sym.Ellipsis)
}

// firstFitting is the first line at most w cells wide.
func firstFitting(lines []string, w int) (string, bool) {
	for _, l := range lines {
		if ansi.StringWidth(l) <= w {
			return l, true
		}
	}
	return "", false
}

// countLines are the brand and the counts, from the fullest to the
// tightest: Archived goes first (the sources pane shows it), then the
// labels shorten, then the brand gives way. The first withBrand lines have
// the brand whole.
func (s *statusBar) countLines() (lines []string, withBrand int) {
	st, sym, c := s.c.st, s.c.sym, s.counts
	brand := " " + st.Brand.Render("sitrep") + "   "
	counts := []string{
		fmt.Sprintf("All %d%sUnread %d%sStarred %d%sArchived %d", c.All, sym.Sep, c.Unread, sym.Sep, c.Starred, sym.Sep, c.Archived),
		fmt.Sprintf("All %d%sUnread %d%sStarred %d", c.All, sym.Sep, c.Unread, sym.Sep, c.Starred),
		fmt.Sprintf("All %d%sUnread %d%s%s %d", c.All, sym.Sep, c.Unread, sym.Sep, sym.Starred, c.Starred),
		fmt.Sprintf("All %d%sUnr %d%s%s %d", c.All, sym.Sep, c.Unread, sym.Sep, sym.Starred, c.Starred),
	}
	tight := counts[len(counts)-1]
	var out []string
	for _, n := range counts {
		out = append(out, brand+st.StatusBar.Render(n))
	}
	return append(out,
		" "+st.Brand.Render("sitrep")+" "+st.StatusBar.Render(tight),
		" "+st.StatusBar.Render(tight)), len(counts)
}

// rightItems are poll progress, then the last poll's time or the failing
// feeds, then the last notice or error: in the order they give way.
func (s *statusBar) rightItems() []string {
	st, sym := s.c.st, s.c.sym
	var right []string
	if s.polling {
		right = append(right, s.spin.View()+" "+fmt.Sprintf("polling %d/%d feeds", s.done, s.total))
	}
	if !s.polling && s.note == "" && !s.polled.IsZero() {
		right = append(right, st.Muted.Render("polled "+s.polled.In(s.c.loc).Format("15:04")))
	}
	if s.note == "" && s.failing > 0 {
		what := "feeds"
		if s.failing == 1 {
			what = "feed"
		}
		right = append(right, st.Error.Render(fmt.Sprintf("%s %d %s failing", sym.Error, s.failing, what)))
	}
	if s.note != "" {
		if s.noteErr {
			right = append(right, st.Error.Render(sym.Error+" "+s.note))
		} else {
			right = append(right, st.Muted.Render(s.note))
		}
	}
	return right
}

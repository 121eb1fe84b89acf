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
	polled  time.Time // end of the last round
	failing int       // feeds whose last poll failed
}

func newStatusBar(c *common) *statusBar {
	return &statusBar{c: c, spin: spinner.New(spinner.WithSpinner(spinner.MiniDot))}
}

func (s *statusBar) SetSize(w int) { s.w = w }

func (s *statusBar) View() string {
	st, sym := s.c.st, s.c.sym
	left := " " + st.Brand.Render("sitrep") + "   " + st.StatusBar.Render(fmt.Sprintf(
		"All %d%sUnread %d%sStarred %d%sArchived %d",
		s.counts.All, sym.Sep, s.counts.Unread, sym.Sep, s.counts.Starred, sym.Sep, s.counts.Archived))
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
	r := strings.Join(right, sym.Sep) + " "
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(r)
	if lw+1+rw > s.w {
		// The counts stay whole while there is room; the right side is
		// cut from its end, so poll progress (first) outlives the error,
		// which the queue also shows in full for a selected feed.
		keep := min(rw, 24)
		if s.w-lw-1 >= keep {
			r = ansi.Truncate(r, s.w-lw-1, sym.Ellipsis)
		} else {
			r = ansi.Truncate(r, keep, sym.Ellipsis)
			left = ansi.Truncate(left, max(0, s.w-keep-1), sym.Ellipsis)
		}
		lw, rw = ansi.StringWidth(left), ansi.StringWidth(r)
	}
	gap := max(1, s.w-lw-rw)
	return fit(left+strings.Repeat(" ", gap)+r, s.w, sym.Ellipsis)
}

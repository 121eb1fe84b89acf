package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
	"sitrep/model/extract"
)

// The queue never holds every story: it keeps a window of headers around
// the cursor and asks the store for another window, in a command, when the
// cursor nears an edge of it.
const (
	queuePage   = 200 // headers per window
	queueMargin = 40  // refetch when the cursor is this close to a window edge
	itemLines   = 3   // lines per story in full rows: state·time·source, title, badges
)

type queuePane struct {
	c       *common
	w, h    int
	focused bool

	filter model.Filter
	total  int // stories in the filter; -1 before the first answer
	// counting: the queue is being counted (loadFirstWindowCmd), and
	// total is the last count of the same filter or, when there is none
	// (guessed), the first window's; overlaid is what unsaved changes took
	// out of that window, to take from the count too.
	counting, guessed bool
	overlaid          int
	offset            int // queue index of headers[0]
	headers           []model.StoryHeader
	cursor            int // queue index of the selected story
	top               int // queue index of the first visible story
	openID            int64

	// moved is set once the reader moves the cursor, keyed once they press
	// any key. Until then a reload keeps the newest story selected (the
	// first screen of a start-up poll); after, it keeps the story they see
	// selected, in its row, however many arrive above it.
	moved bool
	keyed bool

	// newAbove counts stories that arrived above the visible rows while
	// the selection stayed on the story the reader sees ("3 new ↑").
	newAbove int
	// refind is a story the reader sees that a window answer lacked (many
	// stories arrived above it): the model asks for the window around it.
	refind int64

	// banner is the error of the feed whose stories are shown, drawn in
	// full above them (the status line may have to cut it).
	banner string

	seq     int // of the latest window request; older answers are dropped
	pending bool
	err     error

	// seek is the direction of an n/N search that ran off the loaded
	// window and continues in the next one; seekLeft bounds it.
	seek     int
	seekLeft int

	// before is where the queue stood when a search began, to go back to
	// when it is cleared.
	before *queuePlace
	// searchNotes are what the search in force could not understand.
	searchNotes []string
	// compact draws a story on one line (d, or density = "compact").
	compact bool
}

// itemLines is how many lines one story takes.
func (q *queuePane) itemLines() int {
	if q.compact {
		return 1
	}
	return itemLines
}

// queuePlace is the queue's position in one filter: enough to show it
// again as it was while a reload refreshes it.
type queuePlace struct {
	filter                     model.Filter
	total, offset, cursor, top int
	headers                    []model.StoryHeader
	moved                      bool
}

func (q *queuePane) place() *queuePlace {
	return &queuePlace{filter: q.filter, total: q.total, offset: q.offset, cursor: q.cursor, top: q.top,
		headers: slices.Clone(q.headers), moved: q.moved}
}

// restore goes back to a place. Its window may be stale; the caller
// reloads, which keeps the cursor on the same story.
func (q *queuePane) restore(p queuePlace) {
	q.filter, q.total, q.offset, q.cursor, q.top = p.filter, p.total, p.offset, p.cursor, p.top
	q.headers, q.moved = p.headers, p.moved
	q.counting, q.guessed = false, false
	q.keepVisible()
}

// totalText is the queue's length for the top edge: … while it is counted
// for the first time.
func (q *queuePane) totalText() string {
	if q.guessed {
		return q.c.sym.Ellipsis
	}
	return strconv.Itoa(q.total)
}

// counted takes the length of the queue whose first window came without
// it, less the rows unsaved changes took out of that window. It reports
// false for a stale count.
func (q *queuePane) counted(m queueCountedMsg) bool {
	if m.seq != q.seq || !q.counting {
		return false
	}
	q.counting, q.guessed = false, false
	if m.err != nil {
		q.err = m.err
		return true
	}
	q.total = max(len(q.headers), m.total-q.overlaid)
	q.cursor = clamp(q.cursor, 0, max(0, q.total-1))
	q.keepVisible()
	return true
}

// show switches to another filter, from its newest story.
func (q *queuePane) show(f model.Filter) {
	q.filter = f
	q.cursor, q.top, q.offset, q.headers = 0, 0, 0, nil
	q.moved = false
	q.total = -1
}

func newQueuePane(c *common) *queuePane { return &queuePane{c: c, total: -1} }

func (q *queuePane) SetSize(w, h int) { q.w, q.h = w, h; q.keepVisible() }

// visibleItems is how many stories fit in the pane below the banner.
func (q *queuePane) visibleItems() int {
	_, ih := innerSize(q.c.st, q.w, q.h)
	return max(1, (ih-q.bannerHeight())/q.itemLines())
}

// bannerText is the feed error as the banner shows it, wrapped to the pane.
func (q *queuePane) bannerText() (string, []span) {
	if q.banner == "" {
		return "", nil
	}
	iw, _ := innerSize(q.c.st, q.w, q.h)
	text := q.c.sym.Error + " " + q.banner
	return text, wrapText(text, max(1, iw))
}

// bannerHeight is how many rows bannerLines takes, without drawing them:
// the cursor and window arithmetic asks for it often.
func (q *queuePane) bannerHeight() int {
	if q.banner == "" {
		return 0
	}
	_, sps := q.bannerText()
	return len(sps) + 1
}

// bannerLines is the feed error wrapped to the pane, and a blank line.
func (q *queuePane) bannerLines() []string {
	if q.banner == "" {
		return nil
	}
	text, sps := q.bannerText()
	var out []string
	for _, sp := range sps {
		out = append(out, q.c.st.Error.Render(text[sp.start:sp.end]))
	}
	return append(out, "")
}

func (q *queuePane) loaded(i int) bool { return i >= q.offset && i < q.offset+len(q.headers) }

// at returns the header at queue index i if it is in the window.
func (q *queuePane) at(i int) *model.StoryHeader {
	if !q.loaded(i) {
		return nil
	}
	return &q.headers[i-q.offset]
}

func (q *queuePane) selected() *model.StoryHeader { return q.at(q.cursor) }

// indexOf finds a story in the window.
func (q *queuePane) indexOf(id int64) int {
	for i := range q.headers {
		if q.headers[i].ID == id {
			return q.offset + i
		}
	}
	return -1
}

// move moves the cursor by d stories, within the queue.
func (q *queuePane) move(d int) {
	if q.total <= 0 {
		return
	}
	q.moved = true
	q.cursor = clamp(q.cursor+d, 0, q.total-1)
	q.keepVisible()
}

func (q *queuePane) moveTo(i int) { q.move(i - q.cursor) }

func (q *queuePane) keepVisible() {
	n := q.visibleItems()
	if q.cursor < q.top {
		q.top = q.cursor
	}
	if q.cursor >= q.top+n {
		q.top = q.cursor - n + 1
	}
	q.top = clamp(q.top, 0, max(0, q.total-n))
	q.newAbove = min(q.newAbove, q.top)
}

// wantWindow says whether the window should move for the cursor and the
// visible rows, and which window to ask for.
func (q *queuePane) wantWindow() (offset int, ok bool) {
	if q.pending || q.total <= 0 {
		return 0, false
	}
	end := q.offset + len(q.headers)
	lo, hi := min(q.cursor, q.top), max(q.cursor, q.top+q.visibleItems())
	needLow := q.offset > 0 && lo < q.offset+queueMargin
	needHigh := end < q.total && hi > end-queueMargin
	if !needLow && !needHigh && q.loaded(q.cursor) {
		return 0, false
	}
	off := clamp(q.cursor-queuePage/2, 0, max(0, q.total-queuePage))
	if off == q.offset && len(q.headers) > 0 {
		return 0, false
	}
	return off, true
}

// apply takes a window answer. It reports false for a stale one.
func (q *queuePane) apply(m queueLoadedMsg) bool {
	if m.seq != q.seq {
		return false
	}
	q.pending = false
	q.err = m.err
	if m.err != nil {
		return true
	}
	// The story the reader sees now, which is not always the one selected
	// when this window was asked for: keys pressed since moved the cursor.
	var seen int64
	if h := q.selected(); h != nil && (q.moved || q.keyed) {
		seen = h.ID
	}
	before := q.cursor
	known := q.total >= 0 && !q.guessed && q.filter == m.filter
	q.filter, q.offset, q.headers = m.filter, m.offset, m.headers
	q.counting, q.overlaid, q.guessed = m.counting != nil, m.overlaid, false
	switch {
	case !q.counting:
		q.total = m.total
	case known:
		// A reload of the same queue (new stories came): its last length
		// stands until the count, rather than … at every reload.
		q.total = max(q.total, len(m.headers))
	default:
		q.total, q.guessed = m.total, true
	}
	keep := m.keepID
	if !q.moved && !q.keyed && !m.find {
		keep = 0 // untouched: the newest story stays selected
	}
	if seen != 0 && !m.find {
		keep = seen // a window asked around a story (loadAround) goes to it
	}
	if keep != 0 {
		if i := q.indexOf(keep); i >= 0 {
			q.cursor = i
			if keep == seen && i != before {
				// Stories arrived (or left) above it: the rows on screen
				// stay where they were, the new ones wait above.
				q.top += i - before
				q.newAbove = max(0, q.newAbove+i-before)
			}
		} else if keep == seen && m.keepID != 0 && !m.find {
			q.refind = seen // a reload whose window no longer holds it
		}
	}
	q.cursor = clamp(q.cursor, 0, max(0, q.total-1))
	q.keepVisible()
	return true
}

// setTriage changes a story's state on screen, before the store confirms.
func (q *queuePane) setTriage(id int64, t model.Triage) {
	if i := q.indexOf(id); i >= 0 {
		q.headers[i-q.offset].Triage = t
	}
}

// remove takes a story out of the window (archived from a view that hides
// archived stories) and returns where it was.
func (q *queuePane) remove(id int64) int {
	i := q.indexOf(id)
	if i < 0 {
		return -1
	}
	j := i - q.offset
	q.headers = append(q.headers[:j], q.headers[j+1:]...)
	q.total = max(0, q.total-1)
	q.cursor = clamp(q.cursor, 0, max(0, q.total-1))
	q.keepVisible()
	return i
}

// insert puts a story back at queue index i (undo of an archive).
func (q *queuePane) insert(i int, h model.StoryHeader) {
	j := clamp(i-q.offset, 0, len(q.headers))
	q.headers = append(q.headers, model.StoryHeader{})
	copy(q.headers[j+1:], q.headers[j:])
	q.headers[j] = h
	q.total++
	q.cursor = q.offset + j
	q.keepVisible()
}

// findUnread looks from the cursor in direction dir (+1/-1) for an unread
// story in the window.
func (q *queuePane) findUnread(dir int) int {
	for i := q.cursor + dir; q.loaded(i); i += dir {
		if !q.at(i).Read {
			return i
		}
	}
	return -1
}

// itemAt maps an inner row to a queue index.
func (q *queuePane) itemAt(y int) int {
	y -= q.bannerHeight()
	if y < 0 {
		return -1
	}
	i := q.top + y/q.itemLines()
	if i < 0 || i >= q.total {
		return -1
	}
	return i
}

func (q *queuePane) View() string {
	st, sym := q.c.st, q.c.sym
	iw, _ := innerSize(st, q.w, q.h)
	lines := q.bannerLines()
	title := "Queue"
	extra := ""
	if q.total > 0 {
		extra = fmt.Sprintf("%d/%s", q.cursor+1, q.totalText())
		if q.newAbove > 0 {
			extra += fmt.Sprintf(" · %d new ↑", q.newAbove)
		}
	}
	if q.filter.Tag != "" && q.filter.Search == "" {
		title = "Queue " + sym.Tag + q.filter.Tag
	}
	if (q.filter.FeedID != 0 || q.filter.Tag != "") && q.filter.View != model.ViewAll && q.filter.View != model.ViewFeed {
		title += sym.Sep + stateName(q.filter.View)
	}
	if q.filter.Search != "" {
		extra = q.searchTitle(iw - ansi.StringWidth(title))
	}
	if q.filter.Cluster != 0 {
		title = "Sources of one story"
	}
	switch {
	case q.err != nil:
		lines = append(lines, st.Error.Render("cannot load the queue: "+q.err.Error()))
	case q.total < 0:
		lines = append(lines, st.Muted.Render("loading…"))
	case q.total == 0 && q.filter.Search != "":
		lines = append(lines, st.Muted.Render("no stories match “"+q.filter.Search+"”"))
		for _, n := range q.searchNotes {
			for _, sp := range wrapText(n, max(1, iw)) {
				lines = append(lines, st.Warn.Render(n[sp.start:sp.end]))
			}
		}
		lines = append(lines, st.Muted.Render("esc shows them all again"))
	case q.total == 0:
		lines = append(lines, st.Muted.Render("no stories here yet"))
	}
	if q.err == nil && q.total > 0 {
		now := q.c.now().In(q.c.loc)
		end := min(q.total, q.top+q.visibleItems())
		for i := q.top; i < end; i++ {
			item := q.item(q.at(i), iw, now)
			for _, l := range item {
				if i == q.cursor {
					l = cursorLine(q.c, l, iw, q.focused)
				}
				lines = append(lines, l)
			}
		}
	}
	return frame(st, sym, title, extra, q.focused, q.w, q.h, lines)
}

// searchTitle is "search: aleppo · 12" for the top edge, w cells at most
// beside the title. The query gives way first so the count stays in view.
func (q *queuePane) searchTitle(w int) string {
	sym := q.c.sym
	n := sym.Ellipsis
	if q.total >= 0 {
		n = q.totalText()
	}
	// The edge around the extra text: " " title " ── " extra " ".
	room := w - 6 - ansi.StringWidth("search: "+sym.Sep+n)
	query := q.filter.Search
	if ansi.StringWidth(query) > room {
		query = ansi.Truncate(query, max(ansi.StringWidth(sym.Ellipsis), room), sym.Ellipsis)
	}
	return "search: " + query + sym.Sep + n
}

// compactItem draws one story on one plain line: state, time, source,
// the title in all the width left, the badges.
func (q *queuePane) compactItem(h *model.StoryHeader, iw int, now time.Time) string {
	sym := q.c.sym
	if h == nil {
		return "  " + sym.Ellipsis
	}
	lead := q.mark(h) + " " + shortTime(h.Published.In(q.c.loc), now) + " "
	srcW := clamp(iw/7, 5, 14)
	lead += fit(h.FeedTitle, srcW, sym.Ellipsis) + " "
	if h.ID == q.openID {
		lead += sym.Pointer
	} else {
		lead += " "
	}
	// The title comes first: badges give way, the quote count and note
	// before the figure.
	badges := strings.TrimSpace(q.badges(h, true))
	room := iw - ansi.StringWidth(lead)
	if badges != "" && room-ansi.StringWidth(badges)-1 < 28 && h.Headline != nil {
		badges = strings.TrimSpace(q.badges(&model.StoryHeader{Headline: h.Headline}, true))
	}
	if badges != "" && room-ansi.StringWidth(badges)-1 < 20 {
		badges = ""
	}
	if badges != "" {
		room -= ansi.StringWidth(badges) + 1
	}
	line := lead + fit(h.Title, room, sym.Ellipsis)
	if badges != "" {
		line += " " + badges
	}
	return fit(line, iw, sym.Ellipsis)
}

// mark is the state symbol of a story: starred, archived, unread or read.
func (q *queuePane) mark(h *model.StoryHeader) string {
	sym := q.c.sym
	switch {
	case h.Starred:
		return sym.Starred
	case h.Archived:
		return sym.Archived
	case !h.Read:
		return sym.Unread
	}
	return sym.Read
}

// badges are a story's quote count, headline figure, note and tags; tight
// leaves out the padding that lines them up in full rows.
func (q *queuePane) badges(h *model.StoryHeader, tight bool) string {
	sym := q.c.sym
	// No quote badge on a story without quotes: "❝ 0" on most rows said
	// nothing and hid the rows that do quote someone.
	b := ""
	switch {
	case h.QuoteCount > 0 && tight:
		b = sym.Quote + strconv.Itoa(h.QuoteCount)
	case h.QuoteCount > 0:
		b = fmt.Sprintf("%s %-4d", sym.Quote, h.QuoteCount)
	case !tight:
		b = "      "
	}
	if hf := h.Headline; hf != nil {
		s := sym.CategorySymbol(hf.Category)
		if s == "" {
			s = "#"
		}
		b += " " + s + " " + formatValue(hf.Value)
	}
	if h.HasNote {
		b += " " + sym.Note
	}
	if tight {
		if cb := q.clusterBadge(h, true); cb != "" {
			b += " " + cb
		}
	}
	if !tight {
		for _, t := range h.Tags {
			b += " " + sym.Tag + t
		}
	}
	return b
}

// item draws one story as three plain lines (unstyled so the cursor style
// can cover them; the symbols carry the meaning).
func (q *queuePane) item(h *model.StoryHeader, iw int, now time.Time) []string {
	sym := q.c.sym
	if q.compact {
		return []string{q.compactItem(h, iw, now)}
	}
	if h == nil {
		return []string{"  " + sym.Ellipsis, "", ""}
	}
	l1, _ := q.sourceLine(h, iw, now)
	l2 := "  " + h.Title
	if h.ID == q.openID {
		l2 = " " + sym.Pointer + h.Title // the story the reader shows
	}
	return []string{
		fit(l1, iw, sym.Ellipsis),
		fit(l2, iw, sym.Ellipsis),
		fit("  "+q.badges(h, false), iw, sym.Ellipsis),
	}
}

// sourceLine is a full row's first line: state, time, source and, for a
// cluster, its "+N sources" badge, which starts at cell badgeAt (-1 when
// there is none; a click there expands the cluster).
func (q *queuePane) sourceLine(h *model.StoryHeader, iw int, now time.Time) (line string, badgeAt int) {
	line = q.mark(h) + " " + shortTime(h.Published.In(q.c.loc), now) + " "
	cb := q.clusterBadge(h, false)
	if cb == "" {
		return line + h.FeedTitle, -1
	}
	// The badge stays in view: the source's name gives way.
	line = ansi.Truncate(line+h.FeedTitle, max(0, iw-ansi.StringWidth(cb)-1), q.c.sym.Ellipsis) + " "
	return line + cb, ansi.StringWidth(line)
}

// onClusterBadge says whether inner cell x, y, on story i, is on its
// cluster badge: at the end of a full row's first line, or among a compact
// row's badges (where it is the last text; a badge cut off by a narrow
// pane cannot be clicked).
func (q *queuePane) onClusterBadge(i, x, y int) bool {
	h := q.at(i)
	if h == nil || (y-q.bannerHeight())%q.itemLines() != 0 {
		return false
	}
	iw, _ := innerSize(q.c.st, q.w, q.h)
	now := q.c.now().In(q.c.loc)
	if !q.compact {
		_, at := q.sourceLine(h, iw, now)
		return at >= 0 && x >= at && x < iw
	}
	cb := q.clusterBadge(h, true)
	line := q.compactItem(h, iw, now)
	j := strings.LastIndex(line, cb)
	if cb == "" || j < 0 {
		return false
	}
	at := ansi.StringWidth(line[:j])
	return x >= at && x < at+ansi.StringWidth(cb)
}

// shortTime is "21:04" today, "12 Feb" this year, "12 Feb 2016" before:
// six cells this year so the sources line up, the year added only where
// the day alone would mislead.
func shortTime(t, now time.Time) string {
	switch {
	case t.IsZero():
		return "      "
	case t.Year() == now.Year() && t.YearDay() == now.YearDay():
		return t.Format("15:04") + " "
	case t.Year() == now.Year():
		return t.Format("02 Jan")
	default:
		return t.Format("02 Jan 2006")
	}
}

// formatValue writes a figure for a badge: 250,000 · 7.5 million. Below a
// million it is the whole number as extract.FormatNumber writes it.
func formatValue(v float64) string {
	if v >= 1e6 {
		m := v / 1e6
		s := strconv.FormatFloat(math.Round(m*10)/10, 'f', -1, 64)
		return s + " million"
	}
	return extract.FormatNumber(math.Round(v))
}

// handleNav moves the cursor; the root fetches another window if needed
// and opens the story on enter. Every movement key counts as a move, even
// at an end, so the root checks the window each time.
func (q *queuePane) handleNav(k navKey) paneEvent {
	return listNav(k, q.total, q.visibleItems(), func(d int) bool { q.move(d); return true })
}

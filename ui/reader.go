package ui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/store"
)

// readerPane shows the open story wrapped to the pane, with quotes, their
// speakers and figures styled inline from the extractor's byte spans.
type readerPane struct {
	c       *common
	w, h    int
	focused bool

	story   *model.Story
	loading bool
	err     error

	hls     []highlight        // quotes and figures in text order
	marks   []mark             // what to style, by start
	matches []store.SearchTerm // the search in force, marked in the body
	current int                // index into hls of the chosen highlight, -1 for none

	wrapW int
	wrapH int      // the inner height wrapped for: a short pane gets a shorter head
	head  []string // title, meta line, blank: drawn lines
	body  []span   // wrapped body lines as byte ranges
	lines int      // len(head)+len(body)

	scroll int
	// claims are the figures the stories of its cluster disagree on
	// (clusters.go), flagged in the head.
	claims []model.Claim
}

func newReaderPane(c *common) *readerPane { return &readerPane{c: c, current: -1} }

func (r *readerPane) SetSize(w, h int) {
	r.w, r.h = w, h
	r.rewrap()
}

// setStory shows s from the top.
func (r *readerPane) setStory(s model.Story) {
	if r.story == nil || r.story.ID != s.ID {
		r.claims = nil
	}
	r.story = &s
	r.loading, r.err = false, nil
	r.hls = storyHighlights(r.story)
	r.remark()
	r.current = -1
	r.scroll = 0
	r.redraw()
}

// clear shows no story (the queue is empty).
func (r *readerPane) clear() {
	r.story, r.loading, r.err = nil, false, nil
	r.hls, r.marks, r.current = nil, nil, -1
	r.head, r.body, r.lines, r.scroll = r.head[:0], nil, 0, 0
}

// setMatches marks the words of a search in the story (nil: none).
func (r *readerPane) setMatches(terms []store.SearchTerm) {
	r.matches = terms
	if r.story != nil {
		r.remark()
	}
}

// remark lists what the body styles: highlights, speakers, matches.
func (r *readerPane) remark() {
	r.marks = storyMarks(r.story, r.hls)
	if ms := matchMarks(r.story.Body, r.matches); len(ms) > 0 {
		r.marks = append(r.marks, ms...)
		sort.SliceStable(r.marks, func(a, b int) bool { return r.marks[a].start < r.marks[b].start })
	}
}

// showing is the open story if it is story id, else nil.
func (r *readerPane) showing(id int64) *model.Story {
	if r.story != nil && r.story.ID == id {
		return r.story
	}
	return nil
}

// redraw rewraps whatever the width: for a changed story (tags, note) or
// changed styles, which the width check in rewrap cannot see.
func (r *readerPane) redraw() {
	r.wrapW = -1
	r.rewrap()
}

// rewrap recomputes the wrapped lines for the current width. It keeps the
// top visible body byte on screen so a resize does not lose the place.
func (r *readerPane) rewrap() {
	iw, ih := innerSize(r.c.st, r.w, r.h)
	if r.story == nil || iw <= 0 || iw == r.wrapW && (ih < 16) == (r.wrapH < 16) {
		return
	}
	r.wrapH = ih
	anchor := -1
	if b := r.scroll - len(r.head); b >= 0 && b < len(r.body) {
		anchor = r.body[b].start
	}
	r.wrapW = iw
	s := r.story
	r.head = r.head[:0]
	// The head is kept short so the story itself shows even at 80×24: the
	// title (two lines at most where the pane is short), then one line
	// each for the source and date, the reader's tags and note, and the
	// figures that count the human cost.
	titleLines := 3
	if ih < 16 {
		titleLines = 2
	}
	sps := wrapText(s.Title, iw)
	for i, sp := range sps {
		if i == titleLines-1 && len(sps) > titleLines {
			r.head = append(r.head, r.c.st.StoryTitle.Render(fit(s.Title[sp.start:]+" ", iw, r.c.sym.Ellipsis)))
			break
		}
		r.head = append(r.head, r.c.st.StoryTitle.Render(s.Title[sp.start:sp.end]))
	}
	r.head = append(r.head, r.c.st.StoryMeta.Render(r.metaLine(iw)))
	var mine []string
	if len(s.Tags) > 0 {
		tags := make([]string, len(s.Tags))
		for i, t := range s.Tags {
			tags[i] = r.c.sym.Tag + t
			if who := s.TagAuthors[t]; who != "" {
				tags[i] += " (" + who + ")" // a team's store: who tagged it
			}
		}
		mine = append(mine, strings.Join(tags, " "))
	}
	if s.Note != "" && s.NoteAuthor != "" {
		mine = append(mine, r.c.sym.Note+" "+s.NoteAuthor+": "+s.Note)
	} else if s.Note != "" {
		mine = append(mine, r.c.sym.Note+" "+s.Note)
	}
	if len(mine) > 0 {
		r.head = append(r.head, r.c.st.StoryMeta.Render(fit(strings.Join(mine, r.c.sym.Sep), iw, r.c.sym.Ellipsis)))
	}
	if l := r.keyFigureLine(iw); l != "" {
		r.head = append(r.head, l)
	}
	if l := r.claimsLine(iw); l != "" {
		r.head = append(r.head, l)
	}
	if ih >= 16 {
		r.head = append(r.head, "")
	}
	r.body = wrapText(s.Body, iw)
	r.lines = len(r.head) + len(r.body)
	if anchor >= 0 {
		r.scroll = len(r.head) + r.lineOf(anchor)
	}
	r.clampScroll()
}

// metaLine is the source, the date, the length and the author on one line,
// the date shortened before anything is cut. Feeds often give their own
// name as the author: the source is named once.
func (r *readerPane) metaLine(iw int) string {
	s := r.story
	line := func(date string) string {
		var meta []string
		if s.FeedTitle != "" {
			meta = append(meta, s.FeedTitle)
		}
		if !s.Published.IsZero() {
			meta = append(meta, s.Published.In(r.c.loc).Format(date))
		}
		meta = append(meta, fmt.Sprintf("%d words", s.Words))
		if a := s.Author; a != "" && !strings.Contains(strings.ToLower(s.FeedTitle), strings.ToLower(a)) {
			meta = append(meta, a)
		}
		return strings.Join(meta, r.c.sym.Sep)
	}
	l := line("Mon 2 Jan 2006 15:04")
	if ansi.StringWidth(l) > iw {
		l = line("2 Jan 2006 15:04")
	}
	return fit(l, iw, r.c.sym.Ellipsis)
}

// keyFigureLine is the story's human cost at a glance, under its title, on
// one line: "☠ over 250,000 killed · ⇢ 7 million displaced"; where that
// does not fit the symbols stand for the categories ("☠ over 250,000"),
// and figures left out are counted ("+2").
func (r *readerPane) keyFigureLine(iw int) string {
	var long, short []string
	for _, st := range model.KeyFigures(r.story.Stats, 5) {
		sym := r.c.sym.CategorySymbol(st.Category)
		long = append(long, sym+" "+keyFigureText(st))
		val, _ := figureValue(st)
		short = append(short, sym+" "+val)
	}
	if len(long) == 0 {
		return ""
	}
	l := strings.Join(long, r.c.sym.Sep)
	if ansi.StringWidth(l) > iw {
		l = oneLine(short, r.c.sym, iw)
	}
	return r.c.st.Figure.Render(l)
}

// keyFigureText is "over 250,000 killed": the value as the highlights pane
// shows it, then the category in words.
func keyFigureText(st extract.Stat) string {
	val, _ := figureValue(st)
	return val + " " + categoryName(st.Category)
}

// lineOf is the body line holding byte offset off.
func (r *readerPane) lineOf(off int) int {
	i := sort.Search(len(r.body), func(i int) bool { return r.body[i].end > off })
	return min(i, max(0, len(r.body)-1))
}

func (r *readerPane) innerH() int { _, ih := innerSize(r.c.st, r.w, r.h); return ih }

func (r *readerPane) clampScroll() {
	r.scroll = clamp(r.scroll, 0, max(0, r.lines-r.innerH()))
}

func (r *readerPane) scrollBy(d int) { r.scroll += d; r.clampScroll() }
func (r *readerPane) top()           { r.scroll = 0 }
func (r *readerPane) bottom()        { r.scroll = r.lines; r.clampScroll() }
func (r *readerPane) page(d int)     { r.scrollBy(d * max(1, r.innerH()-2)) }

// show makes highlight i current and scrolls it into view, a third of the
// way down so the sentence before it is visible too.
func (r *readerPane) show(i int) {
	if i < 0 || i >= len(r.hls) {
		return
	}
	r.current = i
	line := len(r.head) + r.lineOf(r.hls[i].start)
	ih := r.innerH()
	if line < r.scroll || line >= r.scroll+ih {
		r.scroll = line - ih/3
	}
	r.clampScroll()
}

// step returns the highlight after (dir=+1) or before (-1) the current one;
// with none current, the first one from the top of the view.
func (r *readerPane) step(dir int) int {
	if len(r.hls) == 0 {
		return -1
	}
	if r.current >= 0 {
		return clamp(r.current+dir, 0, len(r.hls)-1)
	}
	topByte := 0
	if b := r.scroll - len(r.head); b > 0 && b < len(r.body) {
		topByte = r.body[b].start
	}
	for i, h := range r.hls {
		if h.start >= topByte {
			if dir < 0 {
				return max(0, i-1)
			}
			return i
		}
	}
	return len(r.hls) - 1
}

func (r *readerPane) View() string {
	st, sym := r.c.st, r.c.sym
	_, ih := innerSize(st, r.w, r.h)
	var lines []string
	extra := ""
	switch {
	case r.err != nil:
		lines = []string{st.Error.Render("cannot open the story: " + r.err.Error())}
	case r.loading && r.story == nil:
		lines = []string{st.Muted.Render("opening…")}
	case r.story == nil:
		lines = []string{st.Muted.Render("no story here")}
	default:
		if r.lines > ih {
			extra = fmt.Sprintf("%d%%", 100*min(r.lines, r.scroll+ih)/max(1, r.lines))
		}
		for i := r.scroll; i < min(r.lines, r.scroll+ih); i++ {
			if i < len(r.head) {
				lines = append(lines, r.head[i])
				continue
			}
			lines = append(lines, r.renderBody(r.body[i-len(r.head)]))
		}
	}
	return frame(st, sym, "Story", extra, r.focused, r.w, r.h, lines)
}

// renderBody draws one wrapped line, styling the parts covered by marks.
// Where marks overlap the strongest wins: the chosen highlight, then a
// figure, then a quote, then a speaker's name.
func (r *readerPane) renderBody(ln span) string {
	text := r.story.Body
	if ln.start == ln.end {
		return ""
	}
	// Cut points: the line's ends and every mark edge inside it.
	cuts := []int{ln.start, ln.end}
	var active []mark
	for _, m := range r.marks {
		if m.start >= ln.end {
			break
		}
		if m.end <= ln.start {
			continue
		}
		active = append(active, m)
		if m.start > ln.start {
			cuts = append(cuts, m.start)
		}
		if m.end < ln.end {
			cuts = append(cuts, m.end)
		}
	}
	if len(active) == 0 {
		return text[ln.start:ln.end]
	}
	sort.Ints(cuts)
	var b strings.Builder
	for i := 0; i+1 < len(cuts); i++ {
		a, z := cuts[i], cuts[i+1]
		if a == z {
			continue
		}
		if st, ok := r.styleAt(active, a); ok {
			b.WriteString(st.Render(text[a:z]))
		} else {
			b.WriteString(text[a:z])
		}
	}
	return b.String()
}

func (r *readerPane) styleAt(active []mark, off int) (lipgloss.Style, bool) {
	best, found := mark{}, false
	cur := false
	for _, m := range active {
		if off < m.start || off >= m.end {
			continue
		}
		isCur := m.hl >= 0 && m.hl == r.current
		if !found || isCur && !cur || (!cur && m.kind > best.kind) {
			best, found, cur = m, true, isCur || cur
		}
	}
	if !found {
		return lipgloss.Style{}, false
	}
	st := r.c.st
	switch {
	case cur && best.kind == markStat:
		return st.CurrentFigure, true
	case cur:
		return st.CurrentQuote, true
	case best.kind == markMatch:
		return st.Match, true
	case best.kind == markStat:
		return st.Figure, true
	}
	return st.Quote, true
}

// handleNav scrolls the story.
func (r *readerPane) handleNav(k navKey) paneEvent {
	switch k {
	case navUp:
		r.scrollBy(-1)
	case navDown:
		r.scrollBy(1)
	case navTop:
		r.top()
	case navBottom:
		r.bottom()
	case navPageDown:
		r.page(1)
	case navPageUp:
		r.page(-1)
	}
	return paneNone
}

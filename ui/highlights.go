package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
	"sitrep/model/extract"
)

// highlightsPane lists the open story's quotes grouped by speaker, then its
// figures with category, value and a few words of context. Choosing a row
// scrolls the reader to that span.
type highlightsPane struct {
	c       *common
	w, h    int
	focused bool

	story  *model.Story
	hls    []highlight // the reader's list, text order
	rows   []hlRow
	sel    []int // indexes of selectable rows
	cursor int   // index into sel
	top    int   // first visible row
}

// hlRow is one drawn line: a speaker heading, a quote, a section note or a
// figure. hl is the index into hls for selectable rows, else -1.
type hlRow struct {
	kind rowKind
	text string
	hl   int
	// A figure's cells: category, value, what it counts. text is them
	// joined, for searching rows; the table aligns them when drawn.
	cat, val, what string
}

type rowKind int

const (
	rowHeading rowKind = iota
	rowQuote
	rowStat
	rowNote
)

func newHighlightsPane(c *common) *highlightsPane { return &highlightsPane{c: c} }

func (p *highlightsPane) SetSize(w, h int) { p.w, p.h = w, h; p.keepVisible() }

// setStory builds the rows from the same highlights the reader draws, so
// the two panes can never disagree.
func (p *highlightsPane) setStory(s *model.Story, hls []highlight) {
	p.story, p.hls = s, hls
	p.rows, p.sel = p.rows[:0], p.sel[:0]
	p.cursor, p.top = 0, 0

	// Quotes by speaker, unattributed last.
	type group struct {
		name, role string
		hls        []int
	}
	var groups []*group
	byName := map[string]*group{}
	for i, h := range hls {
		if h.kind != hlQuote {
			continue
		}
		q := s.Quotes[h.idx]
		name, role := "", ""
		if q.Speaker != nil {
			name = *q.Speaker
		}
		if q.Role != nil {
			role = *q.Role
		}
		g := byName[name]
		if g == nil {
			g = &group{name: name, role: role}
			byName[name] = g
			if name != "" {
				groups = append(groups, g)
			}
		}
		if g.role == "" {
			g.role = role
		}
		g.hls = append(g.hls, i)
	}
	// The most-quoted voices first: they carry the story. Ties keep the
	// order the article introduces them in.
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].hls) > len(groups[b].hls) })
	if g := byName[""]; g != nil {
		groups = append(groups, g)
	}
	if len(groups) == 0 {
		p.rows = append(p.rows, hlRow{kind: rowNote, text: "no quotes found", hl: -1})
	}
	for _, g := range groups {
		head := g.name
		if head == "" {
			head = "speaker not found"
		}
		if g.role != "" {
			head += p.c.sym.Sep + g.role
		}
		p.rows = append(p.rows, hlRow{kind: rowHeading, text: head, hl: -1})
		for _, i := range g.hls {
			p.sel = append(p.sel, len(p.rows))
			p.rows = append(p.rows, hlRow{kind: rowQuote, text: "“" + s.Quotes[hls[i].idx].Text + "”", hl: i})
		}
	}
	// Figures by human cost (killed, injured, displaced... then aid,
	// money, the rest), in text order within a category.
	var statHLs []int
	for i, h := range hls {
		if h.kind == hlStat {
			statHLs = append(statHLs, i)
		}
	}
	sort.SliceStable(statHLs, func(a, b int) bool {
		return model.HumanCostRank(s.Stats[hls[statHLs[a]].idx].Category) > model.HumanCostRank(s.Stats[hls[statHLs[b]].idx].Category)
	})
	for _, i := range statHLs {
		st := s.Stats[hls[i].idx]
		val, inWords := figureValue(st)
		r := hlRow{kind: rowStat, hl: i, cat: categoryName(st.Category), val: val, what: statContext(s.Body, st, !inWords, 5)}
		r.text = r.cat + " " + r.val + " " + r.what
		p.sel = append(p.sel, len(p.rows))
		p.rows = append(p.rows, r)
	}
	if len(statHLs) == 0 {
		p.rows = append(p.rows, hlRow{kind: rowNote, text: "no figures found", hl: -1})
	}
}

// statColumns are the widths of the figure table's category and value
// columns for an inner width: as wide as the widest cell, the value column
// at most half the pane (a wider value is cut in its row, and shown whole
// when the row is chosen).
func (p *highlightsPane) statColumns(iw int) (catW, valW int) {
	for _, r := range p.rows {
		if r.kind == rowStat {
			catW = max(catW, ansi.StringWidth(r.cat))
			valW = max(valW, ansi.StringWidth(r.val))
		}
	}
	return catW, min(valW, max(8, iw/2))
}

// statLine is "killed     over 250,000   lives claimed by the war", the
// columns padded to the table's widths.
func statLine(r hlRow, catW, valW int, ell string) string {
	pad := func(s string, w int) string {
		if ansi.StringWidth(s) > w {
			return ansi.Truncate(s, w, ell)
		}
		return s + strings.Repeat(" ", w-ansi.StringWidth(s))
	}
	return pad(r.cat, catW) + " " + pad(r.val, valW) + " " + r.what
}

// figureValue is how a figure's value is shown: "over 250,000". A figure
// written in words ("one week", "thousands") or too vague to have a value
// is shown as written, and inWords says so.
func figureValue(st extract.Stat) (val string, inWords bool) {
	if st.Value == 0 || st.Vague || !hasDigit(st.Text) {
		return st.Text, true
	}
	val = formatValue(st.Value)
	if st.Qualifier != "" {
		val = st.Qualifier + " " + val
	}
	return val, false
}

// categoryName is a statistic category in words: "at risk".
func categoryName(c extract.Category) string {
	if c == "" {
		return "other"
	}
	return strings.ReplaceAll(string(c), "_", " ")
}

// statContext says what a figure counts in a few words: the words of its
// span that are not the number itself ("lives", "internally displaced"),
// unless the value column shows the span already, then up to n words that
// follow it in the same clause.
func statContext(body string, st extract.Stat, spanWords bool, n int) string {
	if st.Start < 0 || st.End > len(body) || st.Start > st.End {
		return ""
	}
	qual := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(st.Qualifier)) {
		qual[w] = true
	}
	var words []string
	if spanWords {
		for _, w := range strings.Fields(body[st.Start:st.End]) {
			lw := strings.ToLower(w)
			if qual[lw] || numberWord(lw) {
				continue
			}
			words = append(words, w)
		}
	}
	rest := body[st.End:]
	if i := strings.IndexAny(rest, ".,;:!?\n“”\""); i >= 0 {
		rest = rest[:i]
	}
	var more []string
	for _, w := range strings.Fields(rest) {
		// The clause has moved on to another fact.
		if len(more) == n || w == "and" || w == "but" || numberWord(w) && w != "of" {
			break
		}
		more = append(more, w)
	}
	return strings.Join(append(words, more...), " ")
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// numberWord is a token that is part of how a number is written.
func numberWord(w string) bool {
	switch w {
	case "million", "millions", "billion", "billions", "thousand", "thousands", "hundred", "hundreds", "tens", "of":
		return true
	}
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// selected is the highlight index of the cursor row, or -1.
func (p *highlightsPane) selected() int {
	if p.cursor < 0 || p.cursor >= len(p.sel) {
		return -1
	}
	return p.rows[p.sel[p.cursor]].hl
}

// move moves the cursor over selectable rows; it reports whether the
// selection changed.
func (p *highlightsPane) move(d int) bool {
	if len(p.sel) == 0 {
		p.top = clamp(p.top+d, 0, max(0, len(p.rows)-p.innerH()))
		return false
	}
	old := p.cursor
	p.cursor = clamp(p.cursor+d, 0, len(p.sel)-1)
	p.keepVisible()
	return p.cursor != old
}

// selectHL puts the cursor on the row of highlight hl (after [ or ] in the
// reader).
func (p *highlightsPane) selectHL(hl int) {
	for i, r := range p.sel {
		if p.rows[r].hl == hl {
			p.cursor = i
			p.keepVisible()
			return
		}
	}
}

// selAt maps an inner row of the pane to a selectable index, or -1.
func (p *highlightsPane) selAt(y int) int {
	iw, _ := innerSize(p.c.st, p.w, p.h)
	line := 0
	for row := p.top; row < len(p.rows) && line <= y; row++ {
		line += len(p.rowLines(row, iw))
		if y < line {
			for i, r := range p.sel {
				if r == row {
					return i
				}
			}
			return -1
		}
	}
	return -1
}

func (p *highlightsPane) innerH() int { _, ih := innerSize(p.c.st, p.w, p.h); return ih }

// cursorRow is the row of the cursor, -1 for none.
func (p *highlightsPane) cursorRow() int {
	if p.cursor < 0 || p.cursor >= len(p.sel) {
		return -1
	}
	return p.sel[p.cursor]
}

// rowLines draws row i, unstyled: one line, cut to the pane, except the
// chosen quote or figure, which is wrapped whole so it can be read.
func (p *highlightsPane) rowLines(i, iw int) []string {
	r := p.rows[i]
	text := r.text
	indent := ""
	switch r.kind {
	case rowQuote:
		indent = "  "
	case rowStat:
		catW, valW := p.statColumns(iw)
		text = statLine(r, catW, valW, p.c.sym.Ellipsis)
		if i == p.cursorRow() {
			// Chosen: the value whole, the context wrapped under it.
			text = statLine(r, catW, max(valW, ansi.StringWidth(r.val)), p.c.sym.Ellipsis)
			indent = strings.Repeat(" ", min(catW+1, iw/3))
		}
	}
	if i != p.cursorRow() || iw <= len(indent)+4 {
		return []string{fit(strings.Repeat(" ", len(indent)*btoi(r.kind == rowQuote))+text, iw, p.c.sym.Ellipsis)}
	}
	first := ""
	if r.kind == rowQuote {
		first = indent
	}
	var out []string
	for j, sp := range wrapText(text, iw-len(indent)) {
		lead := indent
		if j == 0 {
			lead = first
		}
		out = append(out, lead+text[sp.start:sp.end])
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *highlightsPane) keepVisible() {
	ih := p.innerH()
	if ih <= 0 || len(p.sel) == 0 {
		return
	}
	iw, _ := innerSize(p.c.st, p.w, p.h)
	row := p.sel[p.cursor]
	// Show the speaker heading above the first quote of a group too.
	if row-1 >= 0 && p.rows[row-1].kind == rowHeading && row-1 < p.top {
		p.top = row - 1
	}
	if row < p.top {
		p.top = row
	}
	// Scroll down until the whole chosen row fits below the top.
	for p.top < row {
		used := 0
		for i := p.top; i <= row; i++ {
			used += len(p.rowLines(i, iw))
		}
		if used <= ih {
			break
		}
		p.top++
	}
	p.top = clamp(p.top, 0, max(0, len(p.rows)-1))
	// No blank space at the end while rows above are hidden.
	for p.top > 0 {
		used := 0
		for i := p.top - 1; i < len(p.rows); i++ {
			used += len(p.rowLines(i, iw))
		}
		if used > ih {
			break
		}
		p.top--
	}
}

func (p *highlightsPane) View() string {
	st, sym := p.c.st, p.c.sym
	iw, ih := innerSize(st, p.w, p.h)
	extra := ""
	var lines []string
	if p.story == nil {
		lines = []string{st.Muted.Render("quotes and figures of the open story")}
	} else {
		extra = fmt.Sprintf("quotes %d%sfigures %d", len(p.story.Quotes), sym.Sep, len(p.story.Stats))
		cur := p.cursorRow()
		for i := p.top; i < len(p.rows) && len(lines) < ih; i++ {
			r := p.rows[i]
			for _, l := range p.rowLines(i, iw) {
				switch {
				case r.kind == rowHeading:
					l = st.Bold.Render(l)
				case r.kind == rowNote:
					l = st.Muted.Render(l)
				case i == cur:
					l = cursorLine(p.c, l, iw, p.focused)
				case r.kind == rowQuote:
					l = st.Quote.Render(l)
				default:
					l = st.Figure.Render(l)
				}
				lines = append(lines, l)
			}
		}
	}
	return frame(st, sym, "Highlights", extra, p.focused, p.w, p.h, lines)
}

// handleNav moves over quotes and figures; the root scrolls the story to
// the one selected.
func (p *highlightsPane) handleNav(k navKey) paneEvent {
	return listNav(k, len(p.sel), p.innerH(), p.move)
}

package ui

import (
	"fmt"
	"sort"
	"strings"

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
		p.rows = append(p.rows, hlRow{rowNote, "no quotes found", -1})
	}
	for _, g := range groups {
		head := g.name
		if head == "" {
			head = "speaker not found"
		}
		if g.role != "" {
			head += p.c.sym.Sep + g.role
		}
		p.rows = append(p.rows, hlRow{rowHeading, head, -1})
		for _, i := range g.hls {
			p.sel = append(p.sel, len(p.rows))
			p.rows = append(p.rows, hlRow{rowQuote, "“" + s.Quotes[hls[i].idx].Text + "”", i})
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
		p.sel = append(p.sel, len(p.rows))
		p.rows = append(p.rows, hlRow{rowStat, statLine(st, s.Body), i})
	}
	if len(statHLs) == 0 {
		p.rows = append(p.rows, hlRow{rowNote, "no figures found", -1})
	}
}

// statLine is "killed     over 250,000   lives claimed by the war".
func statLine(st extract.Stat, body string) string {
	val, inWords := figureValue(st)
	return fmt.Sprintf("%-10s %-14s %s", categoryName(st.Category), val, statContext(body, st, !inWords, 5))
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

// rowAt maps an inner row to a selectable index, or -1.
func (p *highlightsPane) selAt(y int) int {
	row := p.top + y
	for i, r := range p.sel {
		if r == row {
			return i
		}
	}
	return -1
}

func (p *highlightsPane) innerH() int { _, ih := innerSize(p.c.st, p.w, p.h); return ih }

func (p *highlightsPane) keepVisible() {
	ih := p.innerH()
	if ih <= 0 || len(p.sel) == 0 {
		return
	}
	row := p.sel[p.cursor]
	// Show the speaker heading above the first quote of a group too.
	if row-1 >= 0 && p.rows[row-1].kind == rowHeading && row-1 < p.top {
		p.top = row - 1
	}
	if row < p.top {
		p.top = row
	}
	if row >= p.top+ih {
		p.top = row - ih + 1
	}
	p.top = clamp(p.top, 0, max(0, len(p.rows)-ih))
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
		cur := -1
		if p.cursor < len(p.sel) {
			cur = p.sel[p.cursor]
		}
		for i := p.top; i < min(len(p.rows), p.top+ih); i++ {
			r := p.rows[i]
			var l string
			switch r.kind {
			case rowHeading:
				l = st.Bold.Render(fit(r.text, iw, sym.Ellipsis))
			case rowNote:
				l = st.Muted.Render(r.text)
			case rowQuote:
				l = "  " + r.text
			case rowStat:
				l = r.text
			}
			if r.kind == rowQuote || r.kind == rowStat {
				switch {
				case i == cur:
					l = cursorLine(p.c, l, iw, p.focused)
				case r.kind == rowQuote:
					l = st.Quote.Render(fit(l, iw, sym.Ellipsis))
				default:
					l = st.Figure.Render(fit(l, iw, sym.Ellipsis))
				}
			}
			lines = append(lines, l)
		}
	}
	return frame(st, sym, "Highlights", extra, p.focused, p.w, p.h, lines)
}

// handleNav moves over quotes and figures; the root scrolls the story to
// the one selected.
func (p *highlightsPane) handleNav(k navKey) paneEvent {
	return listNav(k, len(p.sel), p.innerH(), p.move)
}

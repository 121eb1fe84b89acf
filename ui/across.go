package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// The views across stories (issue 9), in place of the panes like the
// subscriptions: Speakers (W) lists every person quoted in the stories of
// the view or search shown, with role, number of quotes and the first and
// last date; enter lists their quotes, each with story, source and date,
// and enter on a quote opens the story at it. Figures (#) lists the
// figures of those stories with value, sentence, story, source and date:
// s sorts by date or by value (within a category), c chooses the category.
// esc goes back a level, then closes.

// acrossStore is what the views ask of the store (store.SQLite has it).
type acrossStore interface {
	Speakers(ctx context.Context, f model.Filter, newest int) ([]model.Speaker, error)
	SpeakersCapped(ctx context.Context, f model.Filter, newest int) (bool, error)
	SpeakerQuotes(ctx context.Context, f model.Filter, names []string, offset, limit int) ([]model.SpeakerQuote, error)
	Figures(ctx context.Context, f model.Filter, cat extract.Category, order model.FigureOrder, offset, limit int) ([]model.FigureRow, error)
}

// acrossPage is how many quotes or figures one store read brings.
const acrossPage = 100

// speakersFirst is how many of the view's newest stories the Speakers view
// counts before it opens; when the view holds more, every story is counted
// next, in the background, and the list replaced (a var for the tests).
var speakersFirst = store.SpeakerStories

// speakersCountTimeout bounds the count of every story's speakers, which
// takes about 0.5 s at 100,000 stories: longer than one read's ioTimeout
// is allowed, since the view is usable meanwhile.
const speakersCountTimeout = time.Minute

// acrossKeys are the Figures view's own keys.
var acrossKeys = struct {
	Sort, Category key.Binding
}{
	Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by date/value")),
	Category: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "next category")),
}

type acrossKind int

const (
	acrossSpeakers acrossKind = iota
	acrossFigures
)

// acrossView is the open view; nil when none is.
type acrossView struct {
	c      *common
	w, h   int
	kind   acrossKind
	filter model.Filter // the queue's when opened
	seq    int
	err    error
	busy   bool

	speakers     []model.Speaker
	capped       bool  // speakers counts only the newest speakersFirst stories, for now
	countErr     error // counting every story failed: the list stays capped
	spCur, spTop int
	speaker      *model.Speaker // chosen: its quotes are listed
	quotes       []model.SpeakerQuote

	figures  []model.FigureRow
	category extract.Category // "" for all
	order    model.FigureOrder

	cur, top int  // in quotes or figures
	done     bool // the last page of quotes or figures is loaded
}

// acrossLoadedMsg brings speakers, or a page of quotes or figures (at
// offset; replacing the list at 0).
type acrossLoadedMsg struct {
	seq      int
	speakers []model.Speaker
	capped   bool
	quotes   []model.SpeakerQuote
	figures  []model.FigureRow
	offset   int
	err      error
}

// jumpTarget is a story to open at a byte offset once it has loaded (enter
// on a quote or figure).
type jumpTarget struct {
	id    int64
	start int
}

func (m *Model) openAcross(kind acrossKind) tea.Cmd {
	if _, ok := m.opts.Store.(acrossStore); !ok {
		m.noteWarn("this store cannot list speakers or figures")
		return nil
	}
	a := &acrossView{c: m.c, kind: kind, filter: m.queue.filter}
	if m.across != nil {
		a.seq = m.across.seq
	}
	m.across = a
	m.relayoutAcross()
	return m.loadAcross(0)
}

func (m *Model) relayoutAcross() {
	if m.across != nil {
		m.across.w, m.across.h = m.width, max(0, m.height-2)
	}
}

// loadAcross reads what the view shows from offset: the speakers, a chosen
// speaker's quotes, or the figures.
func (m *Model) loadAcross(offset int) tea.Cmd {
	a := m.across
	st := m.opts.Store.(acrossStore)
	a.seq++
	a.busy = true
	seq, f := a.seq, a.filter
	kind, sp, cat, order := a.kind, a.speaker, a.category, a.order
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(m.ctx, ioTimeout)
		defer cancel()
		msg := acrossLoadedMsg{seq: seq, offset: offset}
		switch {
		case kind == acrossFigures:
			msg.figures, msg.err = st.Figures(ctx, f, cat, order, offset, acrossPage)
			for i := range msg.figures {
				r := &msg.figures[i]
				r.Title, r.Source, r.Sentence = sanitize.Line(r.Title), sanitize.Line(r.Source), sanitize.Line(r.Sentence)
				r.Stat.Text, r.Stat.Unit, r.Stat.Qualifier = sanitize.Line(r.Stat.Text), sanitize.Line(r.Stat.Unit), sanitize.Line(r.Stat.Qualifier)
			}
		case sp != nil:
			msg.quotes, msg.err = st.SpeakerQuotes(ctx, f, sp.Names, offset, acrossPage)
			for i := range msg.quotes {
				q := &msg.quotes[i]
				q.Title, q.Source, q.Speaker, q.Text = sanitize.Line(q.Title), sanitize.Line(q.Source), sanitize.Line(q.Speaker), sanitize.Line(q.Text)
			}
		default:
			msg.speakers, msg.err = st.Speakers(ctx, f, speakersFirst)
			if msg.err == nil {
				msg.capped, msg.err = st.SpeakersCapped(ctx, f, speakersFirst)
			}
			sanitizeSpeakers(msg.speakers)
		}
		return msg
	}
}

// acrossLoaded takes a read's answer if it is still the one wanted.
func (m *Model) acrossLoaded(msg acrossLoadedMsg) tea.Cmd {
	a := m.across
	if a == nil || msg.seq != a.seq {
		return nil
	}
	a.busy, a.err = false, msg.err
	if msg.err != nil {
		return nil
	}
	switch {
	case a.kind == acrossFigures:
		if msg.offset == 0 {
			a.figures, a.cur, a.top = nil, 0, 0
		}
		a.figures = append(a.figures, msg.figures...)
		a.done = len(msg.figures) < acrossPage
	case a.speaker != nil:
		if msg.offset == 0 {
			a.quotes, a.cur, a.top = nil, 0, 0
		}
		a.quotes = append(a.quotes, msg.quotes...)
		a.done = len(msg.quotes) < acrossPage
	default:
		a.speakers, a.capped = msg.speakers, msg.capped
		a.spCur = clamp(a.spCur, 0, max(0, len(a.speakers)-1))
		if a.capped {
			return m.countAllSpeakers(a)
		}
	}
	return nil
}

// allSpeakersMsg brings the speakers of every story of a view's filter.
type allSpeakersMsg struct {
	view     *acrossView // the view that asked; ignored once it is closed
	speakers []model.Speaker
	err      error
}

// countAllSpeakers counts the speakers of every story of the view, after it
// opened on the newest speakersFirst.
func (m *Model) countAllSpeakers(a *acrossView) tea.Cmd {
	st := m.opts.Store.(acrossStore)
	f := a.filter
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(m.ctx, speakersCountTimeout)
		defer cancel()
		sps, err := st.Speakers(ctx, f, 0)
		sanitizeSpeakers(sps)
		return allSpeakersMsg{view: a, speakers: sps, err: err}
	}
}

// allSpeakersCounted replaces the first count with the full one, keeping
// the cursor on the speaker it was on.
func (m *Model) allSpeakersCounted(msg allSpeakersMsg) {
	a := m.across
	if a == nil || a != msg.view {
		return
	}
	if msg.err != nil {
		a.countErr = msg.err
		return
	}
	var at string
	if a.spCur < len(a.speakers) {
		at = a.speakers[a.spCur].Names[0]
	}
	a.speakers, a.capped = msg.speakers, false
	a.spCur = clamp(a.spCur, 0, max(0, len(a.speakers)-1))
	for i, sp := range a.speakers {
		if slices.Contains(sp.Names, at) {
			a.spCur = i
			break
		}
	}
}

// sanitizeSpeakers makes the names and roles, which came from feeds, safe
// for the terminal.
func sanitizeSpeakers(sps []model.Speaker) {
	for i := range sps {
		s := &sps[i]
		s.Name, s.Role = sanitize.Line(s.Name), sanitize.Line(s.Role)
	}
}

// acrossKey handles a key while a view is open.
func (m *Model) acrossKey(msg tea.KeyPressMsg) tea.Cmd {
	a, k := m.across, m.keys
	switch {
	case key.Matches(msg, k.QuitNow):
		return m.quit()
	case key.Matches(msg, k.Close, k.Quit):
		if a.kind == acrossSpeakers && a.speaker != nil {
			a.speaker, a.quotes, a.seq = nil, nil, a.seq+1
			a.busy = false
			return nil
		}
		m.across = nil
		return nil
	case key.Matches(msg, k.Speakers):
		if a.kind == acrossSpeakers {
			m.across = nil
			return nil
		}
		return m.openAcross(acrossSpeakers)
	case key.Matches(msg, k.Figures):
		if a.kind == acrossFigures {
			m.across = nil
			return nil
		}
		return m.openAcross(acrossFigures)
	case a.kind == acrossFigures && key.Matches(msg, acrossKeys.Sort):
		a.order = 1 - a.order
		if a.order == model.FiguresByValue && a.category == "" {
			// Values of different categories (killed, dollars) do not
			// compare: by value is within one.
			a.category = extract.Killed
			m.note("by value within one category: killed (c for the next)")
		}
		return m.loadAcross(0)
	case a.kind == acrossFigures && key.Matches(msg, acrossKeys.Category):
		a.category = nextCategory(a.category, a.order == model.FiguresByValue)
		return m.loadAcross(0)
	}
	nk := k.nav(msg)
	if nk == navNone {
		return nil
	}
	if a.kind == acrossSpeakers && a.speaker == nil {
		if listNav(nk, len(a.speakers), a.visible(), func(d int) bool {
			old := a.spCur
			a.spCur = clamp(a.spCur+d, 0, max(0, len(a.speakers)-1))
			return a.spCur != old
		}) == paneOpen && a.spCur < len(a.speakers) {
			sp := a.speakers[a.spCur]
			a.speaker, a.quotes, a.cur, a.top = &sp, nil, 0, 0
			return m.loadAcross(0)
		}
		return nil
	}
	n := a.rows()
	if listNav(nk, n, a.visible(), func(d int) bool {
		old := a.cur
		a.cur = clamp(a.cur+d, 0, max(0, n-1))
		return a.cur != old
	}) == paneOpen {
		return m.jumpToRow()
	}
	// Near the end of what is loaded: the next page.
	if !a.done && !a.busy && a.cur >= n-a.visible() {
		return m.loadAcross(n)
	}
	return nil
}

// rows is how many quotes or figures are loaded.
func (a *acrossView) rows() int {
	if a.kind == acrossFigures {
		return len(a.figures)
	}
	return len(a.quotes)
}

// nextCategory cycles all → killed → injured → … → other → all (never all
// when sorting by value).
func nextCategory(c extract.Category, byValue bool) extract.Category {
	cats := storeCategories()
	for i, x := range cats {
		if x == c {
			if i+1 < len(cats) {
				return cats[i+1]
			}
			if byValue {
				return cats[0]
			}
			return ""
		}
	}
	return cats[0]
}

func storeCategories() []extract.Category {
	return []extract.Category{extract.Killed, extract.Injured, extract.Displaced, extract.Refugees, extract.Detained,
		extract.Missing, extract.AtRisk, extract.Aid, extract.Military, extract.Money, extract.Duration, extract.Other}
}

// jumpToRow is enter on a quote or figure: the view closes, the queue
// comes to the story (it is in the view the list was made from) and the
// story opens at the quote or figure.
func (m *Model) jumpToRow() tea.Cmd {
	a := m.across
	var t jumpTarget
	switch {
	case a.kind == acrossFigures && a.cur < len(a.figures):
		t = jumpTarget{id: a.figures[a.cur].StoryID, start: a.figures[a.cur].Stat.Start}
	case a.kind == acrossSpeakers && a.cur < len(a.quotes):
		t = jumpTarget{id: a.quotes[a.cur].StoryID, start: a.quotes[a.cur].Start}
	default:
		return nil
	}
	m.across = nil
	m.jump = &t
	cmds := []tea.Cmd{m.relayout()}
	if m.queue.filter != a.filter {
		m.queue.show(a.filter)
	}
	if h := m.queue.selected(); h != nil && h.ID == t.id && m.reader.showing(t.id) != nil {
		return tea.Batch(append(cmds, m.landJump())...)
	}
	return tea.Batch(append(cmds, m.loadAround(t.id))...)
}

// landJump opens the story of a pending jump once the story pane shows it:
// marked read, focused, scrolled to the highlight at the jump's offset.
func (m *Model) landJump() tea.Cmd {
	t := m.jump
	if t == nil || m.reader.showing(t.id) == nil {
		return nil
	}
	m.jump = nil
	best := -1
	for i, h := range m.reader.hls {
		if h.start <= t.start && (best < 0 || h.start > m.reader.hls[best].start) {
			best = i
		}
	}
	cmd := m.openSelected(true)
	if best >= 0 {
		m.reader.show(best)
		m.highlights.selectHL(best)
	}
	return cmd
}

func (a *acrossView) visible() int {
	_, ih := innerSize(a.c.st, a.w, a.h)
	per := 2
	if a.kind == acrossSpeakers && a.speaker == nil {
		per = 1
	}
	return max(1, (ih-2)/per)
}

func (a *acrossView) keep(cur, top *int, n int) {
	v := a.visible()
	*cur = clamp(*cur, 0, max(0, n-1))
	if *cur < *top {
		*top = *cur
	}
	if *cur >= *top+v {
		*top = *cur - v + 1
	}
	*top = clamp(*top, 0, max(0, n-v))
}

// View draws the open view.
func (a *acrossView) View() string {
	st, sym := a.c.st, a.c.sym
	iw, _ := innerSize(st, a.w, a.h)
	var title, extra, help string
	var lines []string
	switch {
	case a.kind == acrossSpeakers && a.speaker == nil:
		title, extra = "Speakers", fmt.Sprintf("%d", len(a.speakers))
		if a.capped {
			// Every story is being counted (or could not be): say so.
			extra = fmt.Sprintf("%d %s of the newest %s", len(a.speakers), plural(len(a.speakers), "speaker", "speakers"),
				stories(speakersFirst))
			if a.countErr != nil {
				extra += " (counting all failed: " + sanitize.Line(a.countErr.Error()) + ")"
			} else {
				extra += " · counting all…"
			}
		}
		help = "enter their quotes · esc close · # figures"
		a.keep(&a.spCur, &a.spTop, len(a.speakers))
		if len(a.speakers) == 0 && !a.busy {
			lines = append(lines, st.Muted.Render("no one is quoted in the stories of this view"))
		}
		for i := a.spTop; i < min(len(a.speakers), a.spTop+a.visible()); i++ {
			sp := a.speakers[i]
			right := fmt.Sprintf("%d %s%s%s", sp.Quotes, plural(sp.Quotes, "quote", "quotes"), sym.Sep, a.span(sp))
			left := "  " + sp.Name
			if i == a.spCur {
				left = sym.Pointer + " " + sp.Name
			}
			if sp.Role != "" {
				left += sym.Sep + sp.Role
			}
			l := fit(left, max(1, iw-len([]rune(right))-1), sym.Ellipsis)
			l += strings.Repeat(" ", max(1, iw-ansi.StringWidth(l)-ansi.StringWidth(right))) + right
			if i == a.spCur {
				l = cursorLine(a.c, l, iw, true)
			} else {
				l = st.Quote.Render(fit(l, iw, sym.Ellipsis))
			}
			lines = append(lines, l)
		}
	case a.kind == acrossSpeakers:
		title = "Speakers › " + a.speaker.Name
		extra = fmt.Sprintf("%d %s", a.speaker.Quotes, plural(a.speaker.Quotes, "quote", "quotes"))
		help = "enter open the story at the quote · esc back"
		a.keep(&a.cur, &a.top, len(a.quotes))
		for i := a.top; i < min(len(a.quotes), a.top+a.visible()); i++ {
			q := a.quotes[i]
			l1 := "  " + a.shortDate(q.Published) + sym.Sep + q.Source + sym.Sep + q.Title
			if i == a.cur {
				l1 = sym.Pointer + l1[1:]
			}
			l1 = fit(l1, iw, sym.Ellipsis)
			if i == a.cur {
				l1 = cursorLine(a.c, l1, iw, true)
			}
			lines = append(lines, l1, st.Quote.Render(fit("    “"+q.Text+"”", iw, sym.Ellipsis)))
		}
	default:
		title = "Figures"
		cat := "all categories"
		if a.category != "" {
			cat = categoryName(a.category)
		}
		by := "by date"
		if a.order == model.FiguresByValue {
			by = "by value"
		}
		extra = cat + sym.Sep + by
		help = "enter open the story at the figure · s sort by date/value · c category · esc close"
		a.keep(&a.cur, &a.top, len(a.figures))
		if len(a.figures) == 0 && !a.busy {
			lines = append(lines, st.Muted.Render("no figures in the stories of this view"))
		}
		end := min(len(a.figures), a.top+a.visible())
		valW := 0
		for _, r := range a.figures[a.top:end] {
			val, _ := figureValue(r.Stat)
			valW = min(max(valW, ansi.StringWidth(val)), 18)
		}
		for i := a.top; i < end; i++ {
			r := a.figures[i]
			val, _ := figureValue(r.Stat)
			val = fit(val, valW, sym.Ellipsis)
			l1 := fmt.Sprintf("  %s %-10s %s%s  %s%s%s%s%s", sym.CategorySymbol(r.Stat.Category), categoryName(r.Stat.Category),
				strings.Repeat(" ", max(0, valW-ansi.StringWidth(val))), val, a.shortDate(r.Published), sym.Sep, r.Source, sym.Sep, r.Title)
			if i == a.cur {
				l1 = sym.Pointer + l1[1:]
			}
			l1 = fit(l1, iw, sym.Ellipsis)
			if i == a.cur {
				l1 = cursorLine(a.c, l1, iw, true)
			} else {
				l1 = st.Figure.Render(l1)
			}
			lines = append(lines, l1, st.Muted.Render(fit("    "+r.Sentence, iw, sym.Ellipsis)))
		}
	}
	if a.err != nil {
		lines = append([]string{st.Error.Render(fit(sym.Error+" "+cleanErr(a.err), iw, sym.Ellipsis))}, lines...)
	} else if a.busy && len(lines) == 0 {
		lines = append(lines, st.Muted.Render("loading…"))
	}
	lines = append([]string{st.Muted.Render(fit(help, iw, sym.Ellipsis)), ""}, lines...)
	return frame(st, sym, title, extra, true, a.w, a.h, lines)
}

// span is "24 Nov" or "24 Nov – 25 Nov": the first and last story quoting.
func (a *acrossView) span(sp model.Speaker) string {
	f, l := a.shortDate(sp.First), a.shortDate(sp.Last)
	if f == l {
		return f
	}
	return f + " – " + l
}

func (a *acrossView) shortDate(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.In(a.c.loc).Format("2 Jan 2006")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"sitrep/model"
)

// sourcesPane lists the queue views (All, Unread, Starred, Archived),
// every feed, then the reader's tags (a tag row shows all stories with that
// tag), then the saved searches (S) with their unread counts (a search row
// runs its query). The cursor row is the queue's filter.
type sourcesPane struct {
	c       *common
	w, h    int
	focused bool
	counts  model.Counts
	feeds   []model.Feed
	tags    []model.TagCount
	saved   []model.SavedSearch
	// ranSaved is the query of the saved search last chosen, so that
	// leaving its row leaves its search too.
	ranSaved string
	cursor   int // 0..3 the views, 4.. the feeds, then the tags, then the saved searches
	top      int // first visible row
}

const numViews = 4

func newSourcesPane(c *common) *sourcesPane { return &sourcesPane{c: c} }

func (p *sourcesPane) SetSize(w, h int) { p.w, p.h = w, h; p.keepVisible() }

func (p *sourcesPane) rows() int { return numViews + len(p.feeds) + len(p.tags) + len(p.saved) }

// savedBase is the row of the first saved search.
func (p *sourcesPane) savedBase() int { return numViews + len(p.feeds) + len(p.tags) }

// views are the states of the first four rows, in order; v cycles them.
var views = [numViews]model.View{model.ViewAll, model.ViewUnread, model.ViewStarred, model.ViewArchived}

// filter is the queue selection of the cursor row: one of the four views
// of every story, or a feed or a tag seen in state (all, unread, starred
// or archived: the state filter v cycles).
func (p *sourcesPane) filter(state model.View) model.Filter {
	if state == model.ViewFeed {
		state = model.ViewAll
	}
	switch {
	case p.cursor < numViews:
		return model.Filter{View: views[p.cursor]}
	case p.cursor-numViews < len(p.feeds):
		return model.Filter{View: state, FeedID: p.feeds[p.cursor-numViews].ID}
	case p.cursor-numViews-len(p.feeds) < len(p.tags):
		return model.Filter{View: state, Tag: p.tags[p.cursor-numViews-len(p.feeds)].Tag}
	case p.cursor-p.savedBase() < len(p.saved):
		return model.Filter{View: state, Search: p.saved[p.cursor-p.savedBase()].Query}
	}
	return model.Filter{View: model.ViewAll}
}

// feedTitle is a feed's name as the pane shows it.
func (p *sourcesPane) feedTitle(id int64) string {
	for _, f := range p.feeds {
		if f.ID == id {
			if f.Title != "" {
				return f.Title
			}
			return f.URL
		}
	}
	return "this feed"
}

// selectedFeed is the feed under the cursor, if a feed row is selected.
func (p *sourcesPane) selectedFeed() *model.Feed {
	if i := p.cursor - numViews; i >= 0 && i < len(p.feeds) {
		return &p.feeds[i]
	}
	return nil
}

// selectedTag is the tag under the cursor, or "".
func (p *sourcesPane) selectedTag() string {
	if i := p.cursor - numViews - len(p.feeds); i >= 0 && i < len(p.tags) {
		return p.tags[i].Tag
	}
	return ""
}

// selectedSaved is the saved search under the cursor, or nil.
func (p *sourcesPane) selectedSaved() *model.SavedSearch {
	if i := p.cursor - p.savedBase(); i >= 0 && i < len(p.saved) {
		return &p.saved[i]
	}
	return nil
}

// setSaved replaces the saved searches, keeping the cursor on the one it
// was on.
func (p *sourcesPane) setSaved(ss []model.SavedSearch) {
	keep := ""
	if s := p.selectedSaved(); s != nil {
		keep = s.Name
	}
	p.saved = ss
	for i := range ss {
		if keep != "" && ss[i].Name == keep {
			p.cursor = p.savedBase() + i
		}
	}
	p.cursor = clamp(p.cursor, 0, p.rows()-1)
	p.keepVisible()
}

// setTags replaces the tag list and setFeeds the feed list, keeping the
// cursor on the same feed or tag (or on the row where it was, if that one
// is gone).
func (p *sourcesPane) setTags(ts []model.TagCount) { p.setLists(p.feeds, ts) }
func (p *sourcesPane) setFeeds(fs []model.Feed)    { p.setLists(fs, p.tags) }

func (p *sourcesPane) setLists(fs []model.Feed, ts []model.TagCount) {
	var keep int64 = -1
	if f := p.selectedFeed(); f != nil {
		keep = f.ID
	}
	keepTag := p.selectedTag()
	keepSaved := -1
	if p.selectedSaved() != nil {
		keepSaved = p.cursor - p.savedBase()
	}
	p.feeds, p.tags = fs, ts
	if keepSaved >= 0 {
		p.cursor = p.savedBase() + keepSaved
	}
	if keepTag != "" {
		for i := range ts {
			if ts[i].Tag == keepTag {
				p.cursor = numViews + len(fs) + i
			}
		}
	}
	if keep >= 0 {
		for i := range fs {
			if fs[i].ID == keep {
				p.cursor = numViews + i
				break
			}
		}
	}
	p.cursor = clamp(p.cursor, 0, p.rows()-1)
	p.keepVisible()
}

// adjustUnread changes a feed's unread count optimistically.
func (p *sourcesPane) adjustUnread(feedID int64, d int) {
	for i := range p.feeds {
		if p.feeds[i].ID == feedID {
			p.feeds[i].Unread = max(0, p.feeds[i].Unread+d)
		}
	}
}

// move moves the cursor; it reports whether the selection changed.
func (p *sourcesPane) move(d int) bool {
	old := p.cursor
	p.cursor = clamp(p.cursor+d, 0, p.rows()-1)
	p.keepVisible()
	return p.cursor != old
}

func (p *sourcesPane) moveTo(i int) bool { return p.move(i - p.cursor) }

func (p *sourcesPane) innerH() int { _, ih := innerSize(p.c.st, p.w, p.h); return ih }

// rowAt maps an inner row (0 = first line inside the frame) to a list row,
// accounting for the separator line after the views.
func (p *sourcesPane) rowAt(y int) int {
	lines := p.lineRows()
	if i := p.top + y; i >= 0 && i < len(lines) {
		return lines[i]
	}
	return -1
}

// lineRows maps each drawn line to its list row; -1 is a separator (after
// the views, and before the tags when there are some).
func (p *sourcesPane) lineRows() []int {
	rows := make([]int, 0, p.rows()+2)
	for i := 0; i < numViews; i++ {
		rows = append(rows, i)
	}
	rows = append(rows, -1)
	for i := range p.feeds {
		rows = append(rows, numViews+i)
	}
	if len(p.tags) > 0 {
		rows = append(rows, -1)
		for i := range p.tags {
			rows = append(rows, numViews+len(p.feeds)+i)
		}
	}
	if len(p.saved) > 0 {
		rows = append(rows, -1)
		for i := range p.saved {
			rows = append(rows, p.savedBase()+i)
		}
	}
	return rows
}

func (p *sourcesPane) keepVisible() {
	ih := p.innerH()
	if ih <= 0 {
		return
	}
	lines := p.lineRows()
	line := max(0, slices.Index(lines, p.cursor))
	if line < p.top {
		p.top = line
	}
	if line >= p.top+ih {
		p.top = line - ih + 1
	}
	p.top = clamp(p.top, 0, max(0, len(lines)-ih))
}

func (p *sourcesPane) View() string {
	st, sym := p.c.st, p.c.sym
	iw, ih := innerSize(st, p.w, p.h)
	names := [numViews]string{"All", "Unread", "Starred", "Archived"}
	nums := [numViews]int{p.counts.All, p.counts.Unread, p.counts.Starred, p.counts.Archived}
	var lines []string
	row := func(i int, label, count string, labelStyle func(string) string) string {
		ptr := " "
		if i == p.cursor {
			ptr = sym.Pointer
		}
		space := iw - 1 - ansi.StringWidth(count) - 1
		l := ptr + labelStyle(fit(label, max(0, space), sym.Ellipsis)) + " " + count
		if i == p.cursor {
			return cursorLine(p.c, l, iw, p.focused)
		}
		return l
	}
	plain := func(s string) string { return s }
	all := p.lineRows()
	end := min(len(all), p.top+ih)
	for _, r := range all[p.top:end] {
		switch {
		case r < 0:
			lines = append(lines, st.Faint.Render(strings.Repeat(sym.H, iw)))
		case r < numViews:
			lines = append(lines, row(r, names[r], fmt.Sprint(nums[r]), plain))
		case r >= p.savedBase():
			ss := p.saved[r-p.savedBase()]
			lines = append(lines, row(r, sym.Search+ss.Name, fmt.Sprint(ss.Unread), plain))
		case r >= numViews+len(p.feeds):
			t := p.tags[r-numViews-len(p.feeds)]
			lines = append(lines, row(r, sym.Tag+t.Tag, fmt.Sprint(t.Count), plain))
		default:
			f := p.feeds[r-numViews]
			label, count := f.Title, fmt.Sprint(f.Unread)
			if label == "" {
				label = f.URL
			}
			style := plain
			if f.LastError != "" {
				label = sym.Error + " " + label
				style = func(s string) string { return st.Error.Render(s) }
				if f.Total == 0 {
					count = sym.NoCount
				}
			}
			lines = append(lines, row(r, label, count, style))
		}
	}
	return frame(st, sym, "Sources", "", p.focused, p.w, p.h, lines)
}

// handleNav moves the cursor; the root reloads the queue when it moved.
func (p *sourcesPane) handleNav(k navKey) paneEvent {
	return listNav(k, p.rows(), p.innerH(), p.move)
}

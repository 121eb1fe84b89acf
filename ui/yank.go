package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/sanitize"
)

// y copies the current quote or figure with its citation, Y the story's
// link, to the terminal's clipboard through OSC 52 (tea.SetClipboard),
// which works over ssh and inside tmux. What is copied is one sanitised
// line: it came from a feed.

// yank is y.
func (m *Model) yank() tea.Cmd {
	s := m.reader.story
	if s == nil {
		m.note("no story to copy from")
		return nil
	}
	i := m.currentHighlight()
	if i < 0 {
		m.noteErr("no quote or figure in this story to copy; " + keyName(m.keys.YankLink) + " copies the link")
		return nil
	}
	text := citation(s, m.reader.hls[i], m.c)
	what := "quote"
	if m.reader.hls[i].kind == hlStat {
		what = "figure"
	}
	return m.copy(text, "copied the "+what+" with its citation")
}

// yankLink is Y.
func (m *Model) yankLink() tea.Cmd {
	h, ok := m.target()
	if !ok || !model.OpenableLink(h.Link) {
		m.noteErr("this story has no http(s) link")
		return nil
	}
	return m.copy(h.Link, "copied the link")
}

func (m *Model) copy(text, done string) tea.Cmd {
	text = sanitize.Line(text)
	m.yanked = text
	m.note(done)
	return tea.SetClipboard(text)
}

// currentHighlight is the quote or figure y copies: the one chosen in the
// highlights pane or with [ ], else the first one listed.
func (m *Model) currentHighlight() int {
	if m.focus != focusHighlights && m.reader.current >= 0 {
		return m.reader.current
	}
	return m.highlights.selected()
}

// citation is a quote or figure as a researcher cites it:
//
//	“still a far off hope.” (Ian Bremmer, president of the Eurasia group)
//	— Business Insider, “'Huge obstacles'…”, 12 Feb 2016, https://…
func citation(s *model.Story, h highlight, c *common) string {
	var b strings.Builder
	if h.kind == hlQuote {
		q := s.Quotes[h.idx]
		b.WriteString("“" + strings.TrimSpace(q.Text) + "”")
		var who []string
		if q.Speaker != nil && *q.Speaker != "" {
			who = append(who, *q.Speaker)
		}
		if q.Role != nil && *q.Role != "" {
			who = append(who, *q.Role)
		}
		if len(who) > 0 {
			b.WriteString(" (" + strings.Join(who, ", ") + ")")
		} else {
			b.WriteString(" (speaker not named)")
		}
	} else {
		st := s.Stats[h.idx]
		val, _ := figureValue(st)
		b.WriteString(categoryName(st.Category) + ": " + val + " (“" + s.Body[st.Start:st.End] + "”)")
	}
	src := []string{}
	if s.FeedTitle != "" {
		src = append(src, s.FeedTitle)
	}
	if s.Title != "" {
		src = append(src, "“"+s.Title+"”")
	}
	if !s.Published.IsZero() {
		src = append(src, s.Published.In(c.loc).Format("2 Jan 2006"))
	}
	if s.Link != "" {
		src = append(src, s.Link)
	}
	if len(src) > 0 {
		b.WriteString(" — " + strings.Join(src, ", "))
	}
	return b.String()
}

package export

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/sanitize"
)

// markdown writes a document meant to be pasted into a report: a header
// saying what was exported, then one section per story.
//
// The full text goes in a blockquote, not a fenced block. A fence renders
// as monospace code that does not wrap (a news paragraph becomes one
// endless line in HTML, a code style in Word via pandoc), and it signals
// "program text" where the reader should see quoted source material. A
// blockquote reflows, reads as a citation, and survives being pasted into
// prose. Its cost is that feed text must be escaped so that it cannot
// start a heading, list or HTML block; escapeText does that with as few
// backslashes as it can, because they show when the Markdown is read raw.
type markdown struct {
	filter model.Filter
	now    time.Time
}

func (m *markdown) begin(w *bufio.Writer, selected int) {
	w.WriteString("# sitrep export: " + describe(m.filter) + "\n\n")
	w.WriteString("- Exported: " + stamp(m.now) + "\n")
	if q := sanitize.Line(m.filter.Search); q != "" {
		w.WriteString("- Search: " + escapeText(q) + "\n")
	}
	w.WriteString("- Stories: " + plural(selected, "story", "stories") + ", newest first\n")
	w.WriteString("- Offsets (bytes a–b) are byte offsets into each story's full text as stored by sitrep, " +
		"the same as the \"text\" field of `sitrep export --format json`.\n")
}

func (m *markdown) story(w *bufio.Writer, s story) error {
	title := s.Title
	if title == "" {
		title = "(untitled)"
	}
	w.WriteString("\n---\n\n## " + escapeText(title) + "\n\n")
	w.WriteString("- Source: " + orNone(s.Source) + "\n")
	w.WriteString("- Author: " + orNone(s.Author) + "\n")
	w.WriteString("- Published: " + stamp(s.Published) + "\n")
	if s.Link != "" {
		w.WriteString("- Link: <" + autolink(s.Link) + ">\n")
	} else {
		w.WriteString("- Link: none\n")
	}
	// The reader's own tags and note, only when there are some.
	if len(s.Tags) > 0 {
		w.WriteString("- Tags: " + escapeText(strings.Join(s.Tags, ", ")) + "\n")
	}
	if s.Note != "" {
		w.WriteString("- Note: " + escapeText(s.Note) + "\n")
	}

	w.WriteString("\n### Quotes\n\n")
	if len(s.Quotes) == 0 {
		w.WriteString("None found.\n\n")
	}
	for _, g := range groupQuotes(s.Quotes) {
		w.WriteString(g.label + ":\n\n")
		for _, q := range g.quotes {
			w.WriteString("- \u201c" + escapeText(sanitize.Line(q.Text)) + "\u201d (" + span(q.Start, q.End) + ")\n")
			w.WriteString("  > " + escapeText(sentence(s.Body, q.Start, q.End)) + "\n")
		}
		w.WriteString("\n")
	}

	w.WriteString("### Figures\n\n")
	if len(s.Stats) == 0 {
		w.WriteString("None found.\n\n")
	}
	for _, st := range s.Stats {
		w.WriteString("- **" + escapeText(string(st.Category)) + "**: " + escapeText(sanitize.Line(st.Text)) +
			" \u2014 " + escapeText(bounds(st)) + " (" + span(st.Start, st.End) + ")\n")
		w.WriteString("  > " + escapeText(sentence(s.Body, st.Start, st.End)) + "\n")
	}
	if len(s.Stats) > 0 {
		w.WriteString("\n")
	}

	w.WriteString("### Full text\n\n")
	body := strings.TrimSpace(s.Body)
	if body == "" {
		w.WriteString("(no text)\n")
		return nil
	}
	for i, para := range paragraphs(body) {
		if i > 0 {
			w.WriteString(">\n")
		}
		for _, line := range strings.Split(para, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				w.WriteString("> " + escapeText(line) + "\n")
			}
		}
	}
	return nil
}

func (m *markdown) end(w *bufio.Writer, written, selected int) {
	w.WriteString("\n---\n\nEnd of export: " + plural(written, "story", "stories"))
	if missing := selected - written; missing > 0 {
		w.WriteString(" (" + strconv.Itoa(missing) + " removed from sitrep while exporting)")
	}
	w.WriteString(".\n")
}

// quoteGroup is one speaker's quotations, in the order the story gives them.
type quoteGroup struct {
	label  string
	quotes []extract.Quote
}

// groupQuotes groups quotations by speaker in order of first appearance,
// with the unattributed ones last: a report cites people, and "who said
// what" is the question a reader brings. A speaker's role is the first one
// the story gives them.
func groupQuotes(qs []extract.Quote) []quoteGroup {
	var groups []quoteGroup
	index := map[string]int{}
	roles := map[string]string{}
	var unnamed []extract.Quote
	for _, q := range qs {
		if q.Speaker == nil || *q.Speaker == "" {
			unnamed = append(unnamed, q)
			continue
		}
		name := *q.Speaker
		i, ok := index[name]
		if !ok {
			i = len(groups)
			index[name] = i
			groups = append(groups, quoteGroup{})
		}
		if roles[name] == "" && q.Role != nil {
			roles[name] = *q.Role
		}
		groups[i].quotes = append(groups[i].quotes, q)
	}
	for name, i := range index {
		groups[i].label = "**" + escapeText(name) + "**"
		if r := roles[name]; r != "" {
			groups[i].label += ", " + escapeText(r)
		}
	}
	if len(unnamed) > 0 {
		groups = append(groups, quoteGroup{label: "(speaker not named)", quotes: unnamed})
	}
	return groups
}

// bounds says what a figure means in numbers, following the conventions of
// the extract package: exact, a lower or upper bound, a range, or neither.
func bounds(s extract.Stat) string {
	var v string
	switch {
	case s.Lower != nil && s.Upper != nil && *s.Lower != *s.Upper:
		v = extract.FormatNumber(*s.Lower) + "\u2013" + extract.FormatNumber(*s.Upper)
	case s.Lower != nil && s.Upper != nil:
		v = extract.FormatNumber(*s.Lower)
	case s.Lower != nil:
		v = "at least " + extract.FormatNumber(*s.Lower)
	case s.Upper != nil:
		v = "at most " + extract.FormatNumber(*s.Upper)
	default:
		v = "about " + extract.FormatNumber(s.Value)
	}
	if s.Unit != "" {
		v += " " + s.Unit
	}
	if s.Vague {
		v += " (vague count, conservative lower bound)"
	}
	return v
}

func span(start, end int) string {
	return "bytes " + strconv.Itoa(start) + "\u2013" + strconv.Itoa(end)
}

// stamp writes a time in UTC, ISO-like and unambiguous in any locale.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "unknown"
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func orNone(s string) string {
	if s == "" {
		return "not given"
	}
	return escapeText(s)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// describe names the selection in the header.
func describe(f model.Filter) string {
	switch f.View {
	case model.ViewAll:
		return "all stories (not archived)"
	case model.ViewUnread:
		return "unread stories (not archived)"
	case model.ViewStarred:
		return "starred stories"
	case model.ViewArchived:
		return "archived stories"
	case model.ViewFeed:
		return fmt.Sprintf("stories of feed %d (not archived)", f.FeedID)
	}
	return "stories"
}

// paragraphs splits a body at its blank lines.
func paragraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(body, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// autolink makes a URL safe inside <...>: CommonMark autolinks end at a
// space or '>' and may not contain '<', so those are percent-encoded (a
// URL means the same with them encoded).
func autolink(u string) string {
	return strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "`", "%60").Replace(u)
}

// escapeText makes one line of feed text literal in Markdown. Inline
// markup characters are backslash-escaped wherever they appear: emphasis
// (* _), code (`), links and images ([ ]), raw HTML and autolinks (< >),
// tables (|), strikethrough (~), and # because trailing #s close a
// heading. & is escaped only where it would start an entity (&amp;),
// since "AT&T" is common and harmless. At the start of the line, what
// would open a block is escaped too: list markers (- + and "1." / "1)")
// and setext underlines (=); > and # are already escaped above, and
// leading spaces, which could make an indented code block, are trimmed.
func escapeText(s string) string {
	s = strings.TrimLeft(s, " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '[', ']', '<', '>', '|', '~', '#':
			b.WriteByte('\\')
		case '_':
			// Inside a word (at_risk) it cannot be emphasis.
			if !(i > 0 && i+1 < len(s) && wordByte(s[i-1]) && wordByte(s[i+1])) {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(s[i:]) {
				b.WriteByte('\\')
			}
		case '-', '+', '=':
			if i == 0 {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1990. " starts an ordered list; "12.5" does not.
			if i > 0 && i <= 9 && allDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// entityAt reports whether s starts with an HTML entity or character
// reference, &name; or &#123;.
func entityAt(s string) bool {
	for i := 1; i < len(s) && i < 34; i++ {
		c := s[i]
		switch {
		case c == ';':
			return i > 1
		case c == '#' && i == 1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

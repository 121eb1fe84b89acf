package export

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/sanitize"
)

// story is a model.Story made ready for output: every string sanitised
// again, and every span checked to point into Body, so that both formats
// can promise Body[Start:End] == Text.
type story struct {
	ID                          int64
	Title, Source, Author, Link string
	Published                   time.Time
	Body                        string
	Quotes                      []extract.Quote
	Stats                       []extract.Stat
	Tags                        []string // the reader's, sanitised
	Note                        string   // the reader's, one line, sanitised
	// Key identifies the story in its feed and FeedURL the feed, so that
	// import-json finds the story again; Triage is the reader's state.
	Key, FeedURL string
	model.Triage
}

// prepare sanitises a stored story once more. The store only holds
// sanitised text, so this normally changes nothing; it is the last gate
// before a file that may be opened in a terminal or pasted elsewhere.
func prepare(s model.Story) story {
	out := story{
		ID:        s.ID,
		Title:     sanitize.Line(s.Title),
		Source:    sanitize.Line(s.FeedTitle),
		Author:    sanitize.Line(s.Author),
		Link:      safeLink(s.Link),
		Published: s.Published,
		Note:      sanitize.Line(s.Note),
		Key:       sanitize.Line(s.Key),
		Triage:    s.Triage,
	}
	for _, t := range s.Tags {
		if t = sanitize.Line(t); t != "" {
			out.Tags = append(out.Tags, t)
		}
	}
	var spans [][2]int
	for _, q := range s.Quotes {
		spans = append(spans, [2]int{q.Start, q.End})
	}
	for _, st := range s.Stats {
		spans = append(spans, [2]int{st.Start, st.End})
	}
	body, moved := sanitizeKeepingSpans(s.Body, spans)
	out.Body = body
	for i, q := range s.Quotes {
		sp, ok := moved[i]
		if !ok {
			continue
		}
		q.Start, q.End = sp[0], sp[1]
		// Text is re-read from the body so the JSON contract (text is
		// exactly text[start:end]) holds even if sanitising moved it.
		q.Text = body[q.Start:q.End]
		q.Speaker = lineOrNil(q.Speaker)
		q.Role = lineOrNil(q.Role)
		out.Quotes = append(out.Quotes, q)
	}
	for i, st := range s.Stats {
		sp, ok := moved[len(s.Quotes)+i]
		if !ok {
			continue
		}
		st.Start, st.End = sp[0], sp[1]
		st.Text = body[st.Start:st.End]
		st.Qualifier = sanitize.Line(st.Qualifier)
		st.Unit = sanitize.Line(st.Unit)
		st.Category = extract.Category(sanitize.Line(string(st.Category)))
		out.Stats = append(out.Stats, st)
	}
	return out
}

func lineOrNil(s *string) *string {
	if s == nil {
		return nil
	}
	v := sanitize.Line(*s)
	if v == "" {
		return nil
	}
	return &v
}

// safeLink keeps http and https links only. model.Story.Link is filtered
// that way already; checking again costs nothing and a javascript: or
// file: link must never become clickable in a report.
func safeLink(link string) string {
	if !model.OpenableLink(link) {
		return ""
	}
	return link
}

// sanitizeKeepingSpans passes body through sanitize.Text and returns where
// each span lands in the result, by index. A span that does not lie inside
// body on character boundaries cannot be cited and has no entry.
//
// Sanitising can remove bytes, which would shift every offset after them;
// so when the body is not already safe it is cut at every span boundary,
// each piece is sanitised on its own and the boundaries are mapped to the
// new positions. Each piece comes out safe, so the joined text is safe too.
func sanitizeKeepingSpans(body string, spans [][2]int) (string, map[int][2]int) {
	valid := map[int][2]int{}
	for i, sp := range spans {
		if sp[0] >= 0 && sp[0] <= sp[1] && sp[1] <= len(body) &&
			onBoundary(body, sp[0]) && onBoundary(body, sp[1]) {
			valid[i] = sp
		}
	}
	if sanitize.IsSafe(body) {
		return body, valid
	}
	cuts := []int{0, len(body)}
	for _, sp := range valid {
		cuts = append(cuts, sp[0], sp[1])
	}
	sort.Ints(cuts)
	var b strings.Builder
	at := map[int]int{0: 0}
	prev := 0
	for _, c := range cuts {
		if c == prev {
			continue
		}
		b.WriteString(sanitize.Text(body[prev:c]))
		at[c] = b.Len()
		prev = c
	}
	for i, sp := range valid {
		valid[i] = [2]int{at[sp[0]], at[sp[1]]}
	}
	return b.String(), valid
}

func onBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// maxContext caps the context sentence: a run-on paragraph with no full
// stop would otherwise be pasted whole under every figure it holds.
const maxContext = 600

// sentence returns the sentence of text that holds [start, end), on one
// line, so a quotation or figure can be cited in its context. A span that
// covers several sentences (a long quotation) gets all of them.
func sentence(text string, start, end int) string {
	paraStart := strings.LastIndex(text[:start], "\n\n")
	if paraStart < 0 {
		paraStart = 0
	} else {
		paraStart += 2
	}
	paraEnd := len(text)
	if i := strings.Index(text[end:], "\n\n"); i >= 0 {
		paraEnd = end + i
	}
	a := paraStart
	for i := start - 1; i >= paraStart; i-- {
		if next, ok := sentenceEnd(text, i, paraEnd); ok && next <= start {
			a = next
			break
		}
	}
	e := paraEnd
	// From the span's last byte: a quotation often ends with its own full
	// stop inside the marks.
	for i := max(end-1, start); i < paraEnd; i++ {
		if next, ok := sentenceEnd(text, i, paraEnd); ok && next >= end {
			e = next
			break
		}
	}
	s := strings.TrimSpace(text[a:e])
	if len(s) > maxContext {
		s = window(text, a, e, start, end)
	}
	return sanitize.Line(s)
}

// window shortens a long sentence to the span and some words either side.
func window(text string, a, e, start, end int) string {
	const side = (maxContext - 100) / 2
	wa, we := max(a, start-side), min(e, end+side)
	for wa > a && !utf8.RuneStart(text[wa]) {
		wa--
	}
	for we < e && !utf8.RuneStart(text[we]) {
		we++
	}
	// Cut at spaces, not in a word.
	if wa > a {
		if i := strings.IndexByte(text[wa:start], ' '); i >= 0 {
			wa += i + 1
		}
	}
	if we < e {
		if i := strings.LastIndexByte(text[end:we], ' '); i >= 0 {
			we = end + i
		}
	}
	s := strings.TrimSpace(text[wa:we])
	if wa > a {
		s = "…" + s
	}
	if we < e {
		s += "…"
	}
	return s
}

// closers may follow a sentence's final stop: closing quotation marks and
// brackets.
var closers = []string{"\u201d", "\u2019", "\"", "'", ")", "]", "\u00bb"}

// sentenceEnd reports whether the stop at text[i] ends a sentence and, if
// so, where the next sentence begins. A sentence ends at . ! or ? (after
// any closing marks) followed by white space and a capital, digit or
// opening mark, unless the word before a full stop is an initial or a
// common abbreviation (U.S., Mr., Gen.).
func sentenceEnd(text string, i, limit int) (int, bool) {
	c := text[i]
	if c != '.' && c != '!' && c != '?' {
		return 0, false
	}
	j := i + 1
	for moved := true; moved; {
		moved = false
		for _, cl := range closers {
			if strings.HasPrefix(text[j:limit], cl) {
				j += len(cl)
				moved = true
			}
		}
	}
	if j >= limit {
		return limit, true
	}
	if text[j] != ' ' && text[j] != '\n' {
		return 0, false
	}
	k := j
	for k < limit && (text[k] == ' ' || text[k] == '\n') {
		k++
	}
	if k >= limit {
		return limit, true
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if strings.Contains(text[j:k], "\n") && !unicode.IsLower(r) {
		// A stop at the end of a line, with the next line not continuing
		// the sentence in lower case, ends it whatever comes next.
		return j, true
	}
	if !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') && !strings.ContainsRune("\u201c\u2018\"'(\u00ab", r) &&
		!(r > 0x7f && strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r)) {
		return 0, false
	}
	if c == '.' && abbreviation(text, i) {
		return 0, false
	}
	return j, true
}

// abbreviation reports whether the full stop at text[i] closes an initial
// or a title rather than a sentence.
func abbreviation(text string, i int) bool {
	w := i
	for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' && text[w-1] != '(' {
		w--
	}
	word := strings.TrimLeft(text[w:i], "\u201c\u2018\"'")
	if utf8.RuneCountInString(word) == 1 || strings.Contains(word, ".") {
		return true // "J. Smith", "U.S."
	}
	return abbreviations[strings.ToLower(word)]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "lt": true, "col": true, "maj": true, "capt": true, "sgt": true,
	"adm": true, "cmdr": true, "gov": true, "sen": true, "rep": true, "rev": true,
	"pres": true, "sec": true, "jr": true, "sr": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "approx": true, "est": true, "mt": true,
}

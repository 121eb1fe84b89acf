package store

// The operators of the search language (issue 9): every one narrows the
// stories a search finds, and a leading - inverts it. ParseSearch reads
// them beside the words; sqlCond turns the whole search into one SQL
// condition for where().
//
//	speaker:"Ian Bremmer"   a quote by that person (Kerry finds John Kerry too)
//	cat:killed>100          a figure of that category (>, >=, <, <=, = a number)
//	feed:reuters            the source's name or URL contains it
//	tag:syria               the reader's tag
//	is:unread               unread, read, starred, archived or noted
//	since:7d / before:DATE  published in the last 7d (h, d, w, m, y) or since/before a date

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"sitrep/model/extract"
)

// Field is one operator of a search, as understood.
type Field struct {
	Name  string // speaker, cat, feed, tag, is, since or before
	Value string // the name, category, feed, tag or state; the date as typed
	Not   bool   // -speaker:…: stories without it
	// cat: the comparison ("" for any figure of the category) and number.
	Cmp string
	Num float64
	// since:/before: either a span back from now or a day (local time).
	Ago  time.Duration
	Date time.Time
}

// operators are the names ParseSearch knows, in the order the help lists them.
var operators = []string{"speaker", "cat", "feed", "tag", "is", "since", "before"}

// states are what is: takes.
var states = []string{"unread", "read", "starred", "archived", "noted"}

// Categories lists the figure categories cat: takes.
var Categories = []extract.Category{
	extract.Killed, extract.Injured, extract.Displaced, extract.Refugees, extract.Detained,
	extract.Missing, extract.AtRisk, extract.Aid, extract.Military, extract.Money,
	extract.Duration, extract.Other,
}

// parseField reads an operator at the start of in. n > 0: it took n bytes,
// as f, or, when note is not "", as something it could not understand and
// leaves out (the note says why). n == 0: in does not start with an
// operator; a note then says a name: looked like one and is searched as
// words.
func parseField(in string) (f Field, n int, note string) {
	colon := strings.IndexFunc(in, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
	if colon <= 0 || in[colon] != ':' {
		return f, 0, ""
	}
	name := strings.ToLower(in[:colon])
	rest := in[colon+1:]
	var value string
	switch {
	case rest == "" || unicode.IsSpace(rune(rest[0])):
		if !slices.Contains(operators, name) {
			return f, 0, ""
		}
		return f, colon + 1, name + ": needs something after it, e.g. " + example(name) + "; left out"
	case rest[0] == '"':
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			value, n = rest[1:], len(in)
		} else {
			value, n = rest[1:1+end], colon+1+end+2
		}
	default:
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		value, n = rest[:end], colon+1+end
	}
	if !slices.Contains(operators, name) {
		return f, 0, "unknown operator " + name + ": (the operators are " + strings.Join(operators, ": ") + ":): searched as words"
	}
	value = strings.Join(strings.Fields(value), " ")
	f = Field{Name: name, Value: value}
	if value == "" {
		return f, n, name + ": needs something after it, e.g. " + example(name) + "; left out"
	}
	bad := func(why string) (Field, int, string) {
		return f, n, name + ":" + value + ": " + why + "; left out"
	}
	switch name {
	case "speaker", "feed":
		if !strings.ContainsFunc(value, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
			return bad("no name in it")
		}
	case "tag":
		f.Value = NormalizeTag(value)
		if f.Value == "" {
			return bad("not a tag")
		}
	case "is":
		f.Value = strings.ToLower(value)
		if !slices.Contains(states, f.Value) {
			return bad("is: takes " + strings.Join(states, ", "))
		}
	case "cat":
		i := strings.IndexAny(value, "<>=")
		catName := value
		if i >= 0 {
			catName = value[:i]
			op := value[i:]
			for _, c := range []string{">=", "<=", ">", "<", "="} {
				if strings.HasPrefix(op, c) {
					f.Cmp, op = c, op[len(c):]
					break
				}
			}
			num, ok := parseNumber(op)
			if !ok {
				return bad("after " + f.Cmp + " a number is needed, e.g. cat:killed>100")
			}
			f.Num = num
		}
		f.Value = strings.ReplaceAll(strings.ToLower(catName), "-", "_")
		if !slices.Contains(Categories, extract.Category(f.Value)) {
			names := make([]string, len(Categories))
			for i, c := range Categories {
				names[i] = string(c)
			}
			return bad("the categories are " + strings.Join(names, ", "))
		}
	case "since", "before":
		if d, ok := parseAgo(value); ok {
			f.Ago = d
			break
		}
		for _, layout := range []string{"2006-01-02", "2006-01"} {
			if t, err := time.ParseInLocation(layout, value, time.Local); err == nil {
				f.Date = t
				break
			}
		}
		if f.Date.IsZero() {
			return bad(name + ": takes a span back from now (24h, 7d, 2w, 3m, 1y) or a date (2026-11-01)")
		}
	}
	return f, n, ""
}

func example(name string) string {
	return map[string]string{
		"speaker": `speaker:"Ian Bremmer"`, "cat": "cat:killed>100", "feed": "feed:reuters",
		"tag": "tag:syria", "is": "is:unread", "since": "since:7d", "before": "before:2026-11-01",
	}[name]
}

// parseNumber reads 100, 1,000, 2.5, 10k, 3m or 1bn.
func parseNumber(s string) (float64, bool) {
	s = strings.ToLower(strings.ReplaceAll(s, ",", ""))
	mult := 1.0
	for _, suf := range []struct {
		s string
		m float64
	}{{"bn", 1e9}, {"k", 1e3}, {"m", 1e6}, {"b", 1e9}} {
		if strings.HasSuffix(s, suf.s) {
			s, mult = strings.TrimSuffix(s, suf.s), suf.m
			break
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || s == "" || strings.ContainsAny(s, "eExXpP_+-") {
		return 0, false
	}
	return v * mult, true
}

// parseAgo reads 24h, 7d, 2w, 3m (months of 30 days) or 1y.
func parseAgo(s string) (time.Duration, bool) {
	if len(s) < 2 {
		return 0, false
	}
	unit := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour,
		'm': 30 * 24 * time.Hour, 'y': 365 * 24 * time.Hour}[s[len(s)-1]]
	if unit == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 || n > 100*365*24 || strings.ContainsAny(s, "+-") {
		return 0, false
	}
	return time.Duration(n) * unit, true
}

// String is the operator as it can be typed again.
func (f Field) String() string {
	v := f.Value
	switch f.Name {
	case "cat":
		if f.Cmp != "" {
			v += f.Cmp + strconv.FormatFloat(f.Num, 'f', -1, 64)
		}
	case "speaker", "feed":
		if strings.ContainsAny(v, " \"") {
			v = `"` + strings.ReplaceAll(v, `"`, "") + `"`
		}
	}
	s := f.Name + ":" + v
	if f.Not {
		s = "-" + s
	}
	return s
}

// narrows says the search has an operator, so leaving words out (-word)
// has something to leave them out of.
func (s Search) narrows() bool { return len(s.Fields) > 0 }

// Wants says whether the search asks, not negated, for operator name with
// value (is:archived lets an archived story into views that leave them out).
func (s Search) Wants(name, value string) bool {
	for _, f := range s.Fields {
		if f.Name == name && f.Value == value && !f.Not {
			return true
		}
	}
	return false
}

// textSearch is a backend's way of finding a search's words (Groups and
// Not): the condition over stories s and its arguments, "" when the search
// has no words to look for. SQLite asks FTS5 (ftsWords), PostgreSQL a
// tsvector (pgWords); the operators are the same SQL on both.
type textSearch func(s Search) (string, []any)

// ftsWords finds the words in SQLite's story_fts.
func ftsWords(s Search) (string, []any) {
	if q := ftsMatch(s); q != "" {
		return searchCond, []any{q}
	} else if len(s.Not) > 0 && s.narrows() {
		return `s.id NOT IN (SELECT rowid FROM story_fts WHERE story_fts MATCH ?)`, []any{ftsJoin(s.Not, " OR ")}
	}
	return "", nil
}

// sqlCond is the condition (over stories s) of the search's words and
// operators on SQLite, relative to now for since:/before: spans;
// errNoMatch when it has nothing to look for.
func (s Search) sqlCond(now time.Time) (string, []any, error) { return s.sqlCondWith(ftsWords, now) }

// sqlCondWith is sqlCond with words found by the backend's textSearch.
func (s Search) sqlCondWith(words textSearch, now time.Time) (string, []any, error) {
	var conds []string
	var args []any
	if c, a := words(s); c != "" {
		conds, args = append(conds, c), append(args, a...)
	}
	for _, f := range s.Fields {
		c, a := f.sqlCond(now)
		if f.Not {
			c = "NOT (" + c + ")"
		}
		conds, args = append(conds, c), append(args, a...)
	}
	if len(conds) == 0 {
		return "", nil, errNoMatch
	}
	return strings.Join(conds, " AND "), args, nil
}

func (f Field) sqlCond(now time.Time) (string, []any) {
	switch f.Name {
	case "speaker":
		// Name variants of one person: a one-word name finds every fuller
		// name ending with it (Kerry: John Kerry); a fuller name finds
		// itself and the one-word form (John Kerry: Kerry). quotes.surname
		// is the last word of the speaker, lower case, and indexed.
		last := f.Value[strings.LastIndexByte(f.Value, ' ')+1:]
		if last == f.Value {
			return `s.id IN (SELECT story_id FROM quotes WHERE surname = lower(?))`, []any{last}
		}
		return `s.id IN (SELECT story_id FROM quotes WHERE surname = lower(?)
			AND (speaker_key = lower(?) OR speaker_key = lower(?)))`, []any{last, f.Value, last}
	case "cat":
		if f.Cmp == "" {
			return `s.id IN (SELECT story_id FROM figures WHERE category = ?)`, []any{f.Value}
		}
		return `s.id IN (SELECT story_id FROM figures WHERE category = ? AND value ` + f.Cmp + ` ?)`, []any{f.Value, f.Num}
	case "feed":
		return `s.feed_id IN (SELECT id FROM feeds WHERE
			instr(lower(title || ' ' || user_title || ' ' || url), lower(?)) > 0)`, []any{f.Value}
	case "tag":
		return `s.id IN (SELECT story_id FROM story_tags WHERE tag = ?)`, []any{f.Value}
	case "is":
		return map[string]string{"unread": `s.read = 0`, "read": `s.read = 1`, "starred": `s.starred = 1`,
			"archived": `s.archived = 1`, "noted": `s.note <> ''`}[f.Value], nil
	case "since", "before":
		t := f.Date
		if t.IsZero() {
			t = now.Add(-f.Ago)
		}
		op := ">="
		if f.Name == "before" {
			op = "<"
		}
		return `s.published ` + op + ` ?`, []any{t.UnixMicro()}
	}
	panic(fmt.Sprintf("store: operator %q without a condition", f.Name))
}

package store

import (
	"strings"
	"unicode"
)

// SearchTerm is one word or "quoted phrase" of a search; Prefix is a
// trailing * (word*).
type SearchTerm struct {
	Text   string
	Prefix bool
}

// Search is what the reader typed into the search prompt, as understood:
// stories match any one of Groups (OR) whose every term they contain, and
// none of Not. Notes say, in the reader's words, what was not understood
// and how it was taken, so a search never silently means something else.
type Search struct {
	Groups [][]SearchTerm
	Not    []SearchTerm
	// Fields are the operators (speaker:, cat:, feed:, tag:, is:, since:,
	// before:), each of which every matching story satisfies (or, negated
	// with -, does not); see query.go.
	Fields []Field
	Notes  []string
}

// Terms are the words and phrases a matching story contains (for
// highlighting the matches), without the left-out ones.
func (s Search) Terms() []SearchTerm {
	var out []SearchTerm
	for _, g := range s.Groups {
		out = append(out, g...)
	}
	return out
}

// ParseSearch reads a search: words (all must match), "a phrase", word*
// (prefix), OR between alternatives, NOT word or -word to leave stories
// out, AND as a no-op, and the operators of query.go (speaker:"Ian
// Bremmer", cat:killed>100, feed:, tag:, is:, since:, before:), each of
// which narrows the result and takes a - to invert it. The operators are FTS5's and, as there, upper case
// only: "or" is a word. An operator with no word where it needs one is
// searched as a word, and a search that only leaves words out matches
// nothing: both are said in Notes.
func ParseSearch(input string) Search {
	var s Search
	// FTS5 reads a NUL as the end of the query string; no control
	// character means anything in a search, so they all become spaces.
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(input, " "))

	type token struct {
		text           string
		phrase, prefix bool
		neg            bool // -word
		field          bool // an operator, already in s.Fields
	}
	var toks []token
	for rest != "" {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		neg := false
		if rest[0] == '-' && len(rest) > 1 && !unicode.IsSpace(rune(rest[1])) {
			neg, rest = true, rest[1:]
		}
		if f, n, note := parseField(rest); n > 0 {
			if note != "" {
				s.Notes = append(s.Notes, note)
			} else {
				f.Not = neg
				s.Fields = append(s.Fields, f)
			}
			toks = append(toks, token{field: true})
			rest = rest[n:]
			continue
		} else if note != "" {
			s.Notes = append(s.Notes, note)
		}
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				end = len(rest) - 1
			}
			toks = append(toks, token{text: rest[1 : 1+end], phrase: true, neg: neg})
			rest = rest[min(len(rest), end+2):]
			continue
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		rest = rest[end:]
		toks = append(toks, token{text: strings.TrimRight(word, "*"), prefix: strings.HasSuffix(word, "*"), neg: neg})
	}
	searchable := func(t string) bool {
		return strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
	}
	// isTerm: a token that can stand as a word (operators are words where
	// they cannot work as operators).
	isOp := func(t token) bool {
		return !t.phrase && !t.neg && !t.prefix && !t.field && (t.text == "OR" || t.text == "AND" || t.text == "NOT")
	}
	nextTerm := func(i int) bool {
		for j := i + 1; j < len(toks); j++ {
			if toks[j].field {
				return false
			}
			if !isOp(toks[j]) && searchable(toks[j].text) {
				return true
			}
			if !isOp(toks[j]) {
				continue
			}
			return false
		}
		return false
	}
	s.Groups = [][]SearchTerm{nil}
	pendingOr, pendingNot := false, false
	hasPositive := func() bool { return len(s.Groups[len(s.Groups)-1]) > 0 }
	asWord := func(op, why string) {
		s.Notes = append(s.Notes, op+" "+why+": searched as the word “"+strings.ToLower(op)+"”")
	}
	for i, t := range toks {
		if t.field {
			if pendingOr {
				s.Notes = append(s.Notes, "OR joins words, not operators such as speaker: or cat:: every operator applies to all results")
				pendingOr = false
			}
			continue
		}
		term := SearchTerm{Text: t.text, Prefix: t.prefix}
		if isOp(t) {
			switch {
			case t.text == "OR" && (i+1 < len(toks) && toks[i+1].field || i > 0 && toks[i-1].field):
				s.Notes = append(s.Notes, "OR joins words, not operators such as speaker: or cat:: every operator applies to all results")
				continue
			case t.text == "OR" && (!hasPositive() || pendingOr):
				asWord("OR", "needs a word before it")
			case t.text == "OR" && !nextTerm(i):
				asWord("OR", "needs a word after it")
			case t.text == "OR":
				pendingOr = true
				continue
			case t.text == "NOT" && !nextTerm(i):
				asWord("NOT", "needs a word after it")
			case t.text == "NOT":
				pendingNot = true
				continue
			case t.text == "AND" && (!hasPositive() || !nextTerm(i)):
				asWord("AND", "needs words on both sides")
			default:
				continue // AND is what words next to each other mean anyway
			}
			term = SearchTerm{Text: strings.ToLower(t.text)}
		}
		if !searchable(term.Text) {
			continue
		}
		if t.neg || pendingNot {
			s.Not = append(s.Not, term)
			pendingNot = false
			continue
		}
		if pendingOr {
			s.Groups = append(s.Groups, nil)
			pendingOr = false
		}
		s.Groups[len(s.Groups)-1] = append(s.Groups[len(s.Groups)-1], term)
	}
	if len(s.Groups[0]) == 0 {
		s.Groups = nil
		if len(s.Not) > 0 && !s.narrows() {
			s.Notes = append(s.Notes, "nothing to look for: - and NOT only leave words out, so this finds no story")
		}
	}
	return s
}

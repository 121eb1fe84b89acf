package extract

import (
	"strings"
	"unicode/utf8"
)

// qspan is one quotation found in the text.
type qspan struct {
	open   int // byte offset of the opening mark
	close  int // byte offset just after the closing mark, or the paragraph end when unclosed
	start  int // content, trimmed: text[start:end] is the quoted words
	end    int
	para   int  // index of the paragraph
	closed bool // false when the paragraph ended before a closing mark
	single bool // quoted with single marks
}

type markClass uint8

const (
	mDouble markClass = iota + 1 // “ ” " „ ‟ — paired loosely with each other, as real copy mixes them
	mGuil                        // « »
	mSingle                      // ‘ ’ ' ‚ ‹ ›
)

type mark struct {
	pos, size int
	r         rune
	class     markClass
	leftFl    bool // looks like an opener: nothing before it, something after it
	rightFl   bool // looks like a closer: something before it, nothing after it
	mid       bool // between two letters: The”cessation
}

func classOf(r rune) markClass {
	switch r {
	case '“', '”', '"', '„', '‟', '＂':
		return mDouble
	case '«', '»':
		return mGuil
	case '‘', '’', '\'', '‚', '‛', '‹', '›':
		return mSingle
	}
	return 0
}

// doubledMark is the double mark that two single ones stand for.
func doubledMark(r rune) rune {
	switch r {
	case '’':
		return '”'
	case '‘':
		return '“'
	}
	return '"'
}

// opensBefore is true for characters after which a quote mark opens:
// start of paragraph, space, brackets, dashes, slashes and other marks.
func opensBefore(r rune) bool {
	if r < 0 || isSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '"', '\'', '«', '„', '‹':
		return true
	}
	return false
}

// closesAfter is true for characters before which a quote mark closes.
func closesAfter(r rune) bool {
	if r < 0 || isSpace(r) {
		return true
	}
	switch r {
	case ')', ']', '}', ',', '.', ';', ':', '!', '?', '—', '–', '-', '/', '…', '”', '’', '"', '\'', '»', '›':
		return true
	}
	return false
}

// findQuotes pairs quote marks paragraph by paragraph. Marks are paired by
// kind; inside a double quotation single marks (and the other double kind)
// are nested text and stay inside. An orphan mark is simply dropped.
func findQuotes(text string, paras []para) []qspan {
	out := make([]qspan, 0, 16)
	marks := make([]mark, 0, 16)
	for pi, p := range paras {
		marks = marks[:0]
		for i := p.start; i < p.end; {
			// Most bytes can start no quotation mark: skip them without
			// decoding. Marks are ' " or start with 0xC2 (« »), 0xE2 (“ ” ‘
			// ’ „ ‹ › …) or 0xEF (＂).
			if b := text[i]; b != '"' && b != '\'' && b != 0xC2 && b != 0xE2 && b != 0xEF {
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(text[i:p.end])
			c := classOf(r)
			if c == mSingle && (r == '’' || r == '‘' || r == '\'') && strings.HasPrefix(text[i+n:p.end], string(r)) {
				// Two single marks typed for one double, as some wire
				// systems do: “It was an attempt to mislead voters,’’
				c, n = mDouble, 2*n
				r = doubledMark(r)
			}
			if c != 0 {
				before := prevRune(text, i)
				if i == p.start {
					before = -1
				}
				after := nextRune(text[:p.end], i+n)
				m := mark{pos: i, size: n, r: r, class: c}
				m.leftFl = opensBefore(before) && after >= 0 && !isSpace(after)
				m.rightFl = before >= 0 && !isSpace(before) && closesAfter(after)
				m.mid = isAlnum(before) && isAlnum(after)
				if c == mSingle && m.mid {
					i += n
					continue // apostrophe inside a word: don't, Assad’s
				}
				marks = append(marks, m)
			}
			i += n
		}
		out = pairMarks(text, p, pi, marks, out)
	}
	return out
}

// spaced reports whether the mark stands between spaces (or after the
// paragraph start) inside a paragraph that goes on after it.
func (m mark) spaced(text string, p para) bool {
	before := prevRune(text, m.pos)
	after := nextRune(text[:p.end], m.pos+m.size)
	return (m.pos == p.start || isSpace(before)) && after >= 0 && isSpace(after) && m.pos+m.size+1 < p.end
}

// closerAfter reports whether a double mark after marks[i] in the
// paragraph can close a quotation: a spaced opener with none is an orphan.
func closerAfter(text string, p para, marks []mark, i int) bool {
	for _, m := range marks[i+1:] {
		if m.class == mDouble && (m.rightFl || m.r == '”' || m.spaced(text, p)) {
			return true
		}
	}
	return false
}

func pairMarks(text string, p para, pi int, marks []mark, out []qspan) []qspan {
	open := -1 // index into marks of the open double or guillemet
	emit := func(o mark, closeAt, closeEnd int, closed bool) {
		s, e := trimSpan(text, o.pos+o.size, closeAt)
		if s < e {
			out = append(out, qspan{open: o.pos, close: closeEnd, start: s, end: e, para: pi, closed: closed, single: o.class == mSingle})
		}
	}
	for i := 0; i < len(marks); i++ {
		m := marks[i]
		if open < 0 {
			switch m.class {
			case mDouble:
				if m.leftFl || m.mid || m.r != '”' && m.spaced(text, p) && closerAfter(text, p, marks, i) {
					// A stray space after the opener: " You guys …",
					// “ I love what I’m doing.”
					open = i
				}
			case mGuil:
				if m.r == '«' {
					open = i
				}
			case mSingle:
				if m.leftFl && m.r != '’' && m.r != '›' {
					if j := singleCloser(text, marks, i); j > 0 {
						emit(m, marks[j].pos, marks[j].pos+marks[j].size, true)
						i = j
					}
				}
			}
			continue
		}
		o := marks[open]
		switch {
		case o.class == mGuil:
			if m.r == '»' {
				emit(o, m.pos, m.pos+m.size, true)
				open = -1
			}
		case m.class == mDouble:
			// A right curly mark closes even after a stray space:
			// “… schedule delays ”.
			if m.rightFl || m.mid || m.r == '”' && closesAfter(nextRune(text[:p.end], m.pos+m.size)) || m.r == '"' && m.spaced(text, p) {
				// A straight mark between spaces closes an open
				// quotation: "… retribution ourselves? " she wrote.
				emit(o, m.pos, m.pos+m.size, true)
				open = -1
			} else if m.leftFl && (m.r == '“' || m.r == '„') && o.r != '„' {
				// A second opener before any closer: the first was an
				// orphan. Start again here rather than swallow the text.
				open = i
			}
		}
	}
	if open >= 0 {
		emit(marks[open], p.end, p.end, false)
	}
	return out
}

// singleCloser finds the closing single mark for the opener at i, or -1.
// Single marks are mostly apostrophes, so the closer must look like one:
// something before it and nothing (word-wise) after it. A closer after
// punctuation (‘…families are waiting,’) is preferred to one between a
// word and a space, which may be a plural possessive (‘The soldiers’
// families…’); the search stops at the next opener.
func singleCloser(text string, marks []mark, i int) int {
	weak := -1
	for j := i + 1; j < len(marks); j++ {
		m := marks[j]
		if m.class != mSingle {
			continue
		}
		if m.leftFl && (m.r == '‘' || m.r == '‹' || m.r == '‚' || m.r == '\'' && !m.rightFl) {
			break // a new quotation opens: the first one ended before
		}
		if m.r == '‘' || m.r == '‹' || m.r == '‚' || !m.rightFl {
			continue
		}
		before := prevRune(text, m.pos)
		after := nextRune(text, m.pos+m.size)
		if strings.ContainsRune(",.!?…;:—–)", before) || after < 0 || !isSpace(after) {
			return j
		}
		if weak < 0 {
			weak = j
		}
	}
	return weak
}

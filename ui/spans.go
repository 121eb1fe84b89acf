package ui

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/model"
)

// hlKind is what a highlight is.
type hlKind int

const (
	hlQuote hlKind = iota
	hlStat
)

// highlight is one quote or figure of the open story: its index in
// Story.Quotes or Story.Stats and its byte span in the body.
type highlight struct {
	kind       hlKind
	idx        int
	start, end int
}

// markKind is how a stretch of the body is drawn.
type markKind int

const (
	markSpeaker markKind = iota // lowest priority where marks overlap
	markQuote
	markStat
	markMatch // a word of the search in force: over everything but the chosen highlight
)

// mark is a styled byte range of the body. hl indexes the story's
// highlights, -1 for a speaker name.
type mark struct {
	start, end int
	kind       markKind
	hl         int
}

// storyHighlights lists a story's quotes and figures in text order.
func storyHighlights(s *model.Story) []highlight {
	hs := make([]highlight, 0, len(s.Quotes)+len(s.Stats))
	for i, q := range s.Quotes {
		hs = append(hs, highlight{hlQuote, i, q.Start, q.End})
	}
	for i, st := range s.Stats {
		hs = append(hs, highlight{hlStat, i, st.Start, st.End})
	}
	sort.SliceStable(hs, func(a, b int) bool { return hs[a].start < hs[b].start })
	return hs
}

// storyMarks lists what the reader styles inline: every quote and figure,
// and the speakers' names where the article writes them (the extractor
// gives a name, not where it stands, so the full name and the surname are
// found in the text).
func storyMarks(s *model.Story, hls []highlight) []mark {
	ms := make([]mark, 0, len(hls)*2)
	for i, h := range hls {
		k := markQuote
		if h.kind == hlStat {
			k = markStat
		}
		ms = append(ms, mark{h.start, h.end, k, i})
	}
	seen := map[string]bool{}
	for _, q := range s.Quotes {
		if q.Speaker == nil || seen[*q.Speaker] {
			continue
		}
		seen[*q.Speaker] = true
		names := []string{*q.Speaker}
		if f := strings.Fields(*q.Speaker); len(f) > 1 && len(f[len(f)-1]) >= 3 {
			names = append(names, f[len(f)-1])
		}
		for _, n := range names {
			ms = appendWordMatches(ms, s.Body, n)
		}
	}
	sort.SliceStable(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
	return ms
}

// appendWordMatches adds speaker marks for whole-word occurrences of name.
func appendWordMatches(ms []mark, body, name string) []mark {
	if name == "" {
		return ms
	}
	for from := 0; from < len(body); {
		i := strings.Index(body[from:], name)
		if i < 0 {
			break
		}
		a, b := from+i, from+i+len(name)
		if wordEdgeBefore(body, a) && wordEdgeAfter(body, b) {
			ms = append(ms, mark{a, b, markSpeaker, -1})
		}
		from = b
	}
	return ms
}

// wordEdgeBefore and wordEdgeAfter say whether a name match at a byte
// offset is not part of a longer word (a letter or digit next to it).
func wordEdgeBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func wordEdgeAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

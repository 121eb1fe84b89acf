package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/model/store"
)

// Search matches in the open story: the words of the search in force are
// marked in the body the way the full-text index found them, near enough:
// case-insensitive whole words, a word* as a prefix, and the simple English
// endings the index's stemmer folds (killed, killing, kills for "kill").

// wordSpan is one word of a text, as byte offsets.
type wordSpan struct{ start, end int }

// textWords splits text into words: runs of letters and digits.
func textWords(text string) []wordSpan {
	var out []wordSpan
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, wordSpan{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, wordSpan{start, len(text)})
	}
	return out
}

// stem cuts the endings the index's porter stemmer also cuts, enough for
// highlighting: "killed", "killing", "kills" are all "kill".
func stem(w string) string {
	for _, suf := range []string{"ings", "ing", "ed", "es", "s"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w)-len(suf) >= 3 {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// matchMarks marks where the search terms stand in body.
func matchMarks(body string, terms []store.SearchTerm) []mark {
	if len(terms) == 0 {
		return nil
	}
	words := textWords(body)
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(body[w.start:w.end])
	}
	var out []mark
	for _, t := range terms {
		parts := textWords(t.Text)
		if len(parts) == 0 {
			continue
		}
		want := make([]string, len(parts))
		for i, p := range parts {
			want[i] = strings.ToLower(t.Text[p.start:p.end])
		}
		for i := 0; i+len(want) <= len(words); i++ {
			ok := true
			for j, w := range want {
				last := j == len(want)-1
				if !wordMatches(lower[i+j], w, last && t.Prefix) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, mark{words[i].start, words[i+len(want)-1].end, markMatch, -1})
			}
		}
	}
	return out
}

func wordMatches(word, want string, prefix bool) bool {
	if prefix {
		return strings.HasPrefix(word, want)
	}
	return word == want || stem(word) == stem(want)
}

package content

import (
	"testing"
	"unicode"
)

// The fast paths of hasMarkup and WordCount must agree with the plain
// definitions they shortcut: hasMarkup's is tokenizerHasMarkup, its own
// fallback; WordCount's, without the ASCII fast path, is kept here.

func wordCountSlow(text string) int {
	n := 0
	in := false
	for _, r := range text {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if !in {
				n++
			}
			in = true
		case in && (r == '\'' || r == '’' || r == '-' || r == '.' || r == ','):
		default:
			in = false
		}
	}
	return n
}

func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{
		"<p>a</p>", "</P>x", "I <3 Aleppo <p>x", "a < b > c", "<foo x='<p>'>", "<!-- <p> -->",
		"<p", "<p class=x", "<x-p>y</x-p>", "</ p>", "<?xml?><p>", "<a1>", "<b>bold",
		"don't stop al-Assad's 250,000 people", "日本語のテキスト", "café naïve", "x\u0301y",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if plainTagFirst(s) && !tokenizerHasMarkup(s) {
			t.Errorf("plainTagFirst(%q) but the tokenizer finds no markup", s)
		}
		if got, want := WordCount(s), wordCountSlow(s); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	})
}

package content

import (
	"unicode"
	"unicode/utf8"
)

// WordCount counts the words of plain text, as a reader would: runs of
// letters and digits separated by anything else, with apostrophes, hyphens
// and number separators inside a word ("don't", "al-Assad", "250,000") not
// splitting it. Scripts written without spaces (Han, kana) count one word
// per character, a fair proxy for their length. The poller compares this
// with its "only a summary" threshold, so bullets and punctuation must not
// count.
func WordCount(text string) int {
	n := 0
	in := false
	for _, r := range text {
		// ASCII first, without the Unicode table lookups: most news text
		// is mostly ASCII, and this loop runs over every story of every poll.
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
				if !in {
					n++
				}
				in = true
			case in && (r == '\'' || r == '-' || r == '.' || r == ','):
			default:
				in = false
			}
			continue
		}
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
			// Inside a word, these join it to whatever letter or digit
			// follows; before a space they simply end it.
		default:
			in = false
		}
	}
	return n
}

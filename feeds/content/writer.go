package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// writer accumulates paragraphs. Callers hand it raw text and structural
// events (space, line break, paragraph break); it owns every whitespace
// decision, so the output convention is enforced in one place. Separators
// are only written in front of a word, so nothing dangles at the end.
type writer struct {
	out     strings.Builder // the text so far
	inPara  bool            // a paragraph has been started and has words
	prefix  string          // written before the first word of the next paragraph ("• ")
	space   bool            // a space is due before the next word
	soft    bool            // that space is dropped before closing punctuation
	nbsp    bool            // that space was a lone no-break space, kept as such
	glued   bool            // white space before the next word is dropped
	breaks  int             // <br>s seen since the last word
	written int             // bytes of text written so far, to tell whether a span produced any
	last    string          // the last visible run written
}

// text appends inline text, collapsing runs of whitespace to one space.
func (w *writer) text(s string) {
	if !utf8.ValidString(s) {
		// Removing an invisible character between two invalid bytes
		// would join them into a new character: "\xe2\u00ad\x80\xae"
		// became U+202E, "\xc2\u200b\x9b" U+009B (found by fuzzing).
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	start := 0 // start of the pending run of visible characters
	for i, r := range s {
		invisible := r == '\u00ad' || r == '\ufeff' || r == '\u200b' || r == '\u2060'
		if !invisible && !isSpace(r) {
			continue
		}
		w.word(s[start:i])
		start = i + utf8.RuneLen(r)
		if invisible {
			// Soft hyphens, zero-width spaces, word joiners and stray BOMs
			// are invisible but split words for search and extraction.
			continue
		}
		if w.glued {
			continue
		}
		if !w.space || w.soft {
			w.space, w.soft = true, false
			// A single no-break space binds a figure to its unit or its
			// thousands ("250 000", "10 km"); keep it. A run is layout.
			w.nbsp = r == '\u00a0' || r == '\u202f'
		} else {
			w.nbsp = false
		}
	}
	w.word(s[start:])
}

// word writes visible characters, first settling any pending separator.
func (w *writer) word(s string) {
	if s == "" {
		return
	}
	switch {
	case !w.inPara || w.breaks >= 2 || w.breaks == 1 && w.endsSentence() && startsSentence(s):
		if w.out.Len() > 0 {
			w.out.WriteString("\n\n")
		}
		w.out.WriteString(w.prefix)
		w.prefix = ""
		w.inPara = true
	case w.breaks == 1:
		w.out.WriteByte('\n')
	case w.space && w.soft && closing(s):
	case w.space && w.nbsp:
		w.out.WriteString("\u00a0")
	case w.space:
		w.out.WriteByte(' ')
	}
	w.written += len(s)
	w.last = s
	w.space, w.nbsp, w.soft, w.glued, w.breaks = false, false, false, false, 0
	w.out.WriteString(s)
}

// spaceBreak marks a word boundary without writing anything yet.
func (w *writer) spaceBreak() {
	w.space, w.nbsp, w.soft = true, false, false
}

// softBreak separates inserted text ("[image: …]", a bare link address)
// from the word after it, but not from punctuation closing the sentence:
// "a map <img alt=x>." reads "a map [image: x].".
func (w *writer) softBreak() {
	if !w.space {
		w.space, w.nbsp, w.soft = true, false, true
	}
}

// endsSentence reports whether the text so far ends a sentence.
func (w *writer) endsSentence() bool {
	r, _ := utf8.DecodeLastRuneInString(w.last)
	if strings.ContainsRune("”\"’»", r) && len(w.last) > utf8.RuneLen(r) {
		r, _ = utf8.DecodeLastRuneInString(w.last[:len(w.last)-utf8.RuneLen(r)])
	}
	return strings.ContainsRune(".!?…", r)
}

// startsSentence reports whether s can open a sentence or a quotation.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || strings.ContainsRune("“\"‘'«„—–-", r)
}

// closing reports whether s starts with punctuation that closes a phrase.
func closing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(".,;:!?)]}»”’", r)
}

// lineBreak records a <br>. Two in a row (whitespace between them does not
// count) end the paragraph, as feed authors who never write <p> use them.
// One is a line break inside the paragraph (addresses, lists of dates),
// unless it falls between sentences: a <br> after "." and before a capital
// or an opening quote mark is how many sites separate paragraphs, and a
// quote that continues into the next paragraph is only recognised if that
// paragraph break is kept.
func (w *writer) lineBreak() {
	if w.inPara {
		w.breaks++
	}
}

// paragraph ends the current paragraph, if it has any text.
func (w *writer) paragraph() {
	w.inPara = false
	w.space, w.nbsp, w.soft, w.glued, w.breaks = false, false, false, false, 0
}

// String returns the text written so far.
func (w *writer) String() string {
	return w.out.String()
}

// isSpace is Unicode white space, no-break spaces included.
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

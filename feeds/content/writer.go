package content

import (
	"strings"
	"unicode"
)

// writer accumulates paragraphs. Callers hand it raw text and structural
// events (space, line break, paragraph break); it owns every whitespace
// decision, so the output convention is enforced in one place.
type writer struct {
	out     strings.Builder // finished paragraphs, joined by "\n\n"
	cur     strings.Builder // the paragraph being built
	prefix  string          // written before the first word of the next paragraph ("• ")
	space   bool            // a space is due before the next word
	soft    bool            // that space is dropped before closing punctuation
	nbsp    bool            // that space was a lone no-break space, kept as such
	breaks  int             // <br>s seen since the last word
	written int             // runes written so far, to tell whether a span produced text
}

// text appends inline text, collapsing runs of whitespace to one space.
func (w *writer) text(s string) {
	run, runNbsp := 0, false
	for _, r := range s {
		switch {
		case r == '\u00ad' || r == '\ufeff' || r == '\u200b' || r == '\u2060':
			// Soft hyphens, zero-width spaces, word joiners and stray BOMs
			// are invisible but split words for search and extraction.
			continue
		case isSpace(r):
			run++
			runNbsp = r == '\u00a0' || r == '\u202f'
			continue
		}
		if run > 0 {
			w.space, w.soft = true, false
			// A single no-break space binds a figure to its unit or its
			// thousands ("250 000", "10 km"); keep it. Runs are layout.
			w.nbsp = run == 1 && runNbsp
			run = 0
		}
		w.rune(r)
	}
	if run > 0 {
		w.space, w.soft = true, false
		w.nbsp = run == 1 && runNbsp
	}
}

// rune writes one visible character, first settling any pending separator.
func (w *writer) rune(r rune) {
	if w.cur.Len() == 0 {
		if w.breaks >= 2 {
			w.breaks = 0
		}
		w.cur.WriteString(w.prefix)
		w.prefix = ""
	} else {
		switch {
		case w.breaks >= 2:
			w.paragraph()
			w.rune(r)
			return
		case w.breaks == 1:
			w.cur.WriteByte('\n')
		case w.space && w.soft && closing(r):
		case w.space && w.nbsp:
			w.cur.WriteRune('\u00a0')
		case w.space:
			w.cur.WriteByte(' ')
		}
	}
	w.written++
	w.space, w.nbsp, w.soft, w.breaks = false, false, false, 0
	w.cur.WriteRune(r)
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

func closing(r rune) bool {
	return strings.ContainsRune(".,;:!?)]}»”’", r)
}

// lineBreak records a <br>. One is a line break inside the paragraph; two in
// a row (whitespace between them does not count) end the paragraph, as feed
// authors who never write <p> use them.
func (w *writer) lineBreak() {
	if w.cur.Len() > 0 {
		w.breaks++
	}
}

// paragraph ends the current paragraph, if it has any text.
func (w *writer) paragraph() {
	w.space, w.nbsp, w.soft, w.breaks = false, false, false, 0
	p := strings.TrimRightFunc(w.cur.String(), isSpace)
	w.cur.Reset()
	if strings.TrimFunc(p, isSpace) == "" {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(p)
}

// String ends the last paragraph and returns all of them.
func (w *writer) String() string {
	w.paragraph()
	return w.out.String()
}

// isSpace is Unicode white space, no-break spaces included.
func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

package extract

import (
	"strings"
	"unsafe"
)

// doc holds one text under analysis. It lives for one call of Extract only,
// so the package keeps no mutable state between calls.
type doc struct {
	text       string
	lt         string // text with ASCII letters lowered: same byte offsets as text
	paras      []para
	qs         []qspan
	toks       []token
	runs       []nameRun
	runAt      []int32 // token index → index into runs, or -1
	ments      []mention
	roles      map[string]string // roleOf cache
	genders    map[string]int8   // genderOf cache
	full       []int32           // fullest cache: chosen run + 1, 0 unknown
	firsts     wordIndex         // first word of two-word names → runs
	lasts      wordIndex         // last word of longer names → runs
	lastOrg    who               // the body that spoke last, for "it added"
	orgPos     int               // where it spoke
	order      []int             // scratch for speakerCandidates
	keyRuns    wordIndex         // runs by key, for genderOf
	lastCounts map[string]int    // mentions of each last word, for the ranker
}

func newDoc(text string) *doc {
	d := &doc{text: text, lt: lowerASCII(text)}
	d.paras = splitParas(text)
	d.qs = findQuotes(text, d.paras)
	d.toks = tokenize(text, d.paras, d.qs)
	d.findRuns()
	return d
}

// lowerASCII lowers A-Z only, so that byte offsets stay the same.
func lowerASCII(s string) string {
	if s == "" {
		return ""
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	// b is never written again: the string shares its bytes instead of
	// copying the whole text a second time (as strings.Builder does).
	return unsafe.String(unsafe.SliceData(b), len(b))
}

func (d *doc) word(i int) string { t := d.toks[i]; return d.text[t.start:t.end] }

// low is the lower-cased token with a trailing possessive removed and
// curly apostrophes left alone: good enough for word-list look-ups.
func (d *doc) low(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	t := d.toks[i]
	return d.lt[t.start:t.end]
}

func (d *doc) isWord(i int) bool { return i >= 0 && i < len(d.toks) && d.toks[i].kind == tWord }

func (d *doc) is(i int, s string) bool {
	return i >= 0 && i < len(d.toks) && d.low(i) == s
}

func (d *doc) punct(i int, c byte) bool {
	return i >= 0 && i < len(d.toks) && d.toks[i].kind != tWord && d.text[d.toks[i].start] == c
}

// in reports whether token i is a word from the table.
func (d *doc) in(i int, m map[string]bool) bool {
	return d.isWord(i) && m[d.low(i)]
}

// stem drops a possessive ’s / 's from a word.
func stem(w string) string {
	if n := len(w); n > 2 && (w[n-2:] == "'s") {
		return w[:n-2]
	}
	if n := len(w); n > 4 && w[n-4:] == "’s" {
		return w[:n-4]
	}
	return w
}

func isPossessive(w string) bool { return stem(w) != w }

// possessive reports a possessive word: Assad’s, or Edmunds' written with
// the apostrophe after the s, which the tokenizer leaves outside the word.
func (d *doc) possessive(i int) bool {
	if !d.isWord(i) {
		return false
	}
	if isPossessive(d.word(i)) {
		return true
	}
	t := d.toks[i]
	if t.end >= len(d.text) || d.text[t.end-1] != 's' || i+1 >= len(d.toks) || d.toks[i+1].start != t.end {
		return false
	}
	return d.text[t.end] == '\'' || strings.HasPrefix(d.text[t.end:], "’")
}

package extract

import (
	"strings"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters and digits, with inner ’ ' - . kept: Barnes-Dacey, Assad’s, U.S
	tPunct                    // any other single character
	tQuote                    // a quote mark that opens or closes a quotation
)

type token struct {
	start, end int
	kind       tokKind
	cap        bool  // word starting with an upper-case letter
	quote      int32 // index of the quotation the token lies in (marks included), or -1
	para       int32
	sent       int32 // sentence number, counted over the whole text
}

// tokenize cuts the text into words and punctuation, records for each token
// the quotation it lies in and numbers sentences. Sentence ends are only
// looked for outside quotations, so a period inside a quote does not split
// the reporting sentence around it.
func tokenize(text string, paras []para, qs []qspan) []token {
	// News has about five tokens for every four gaps between words (the
	// rest are punctuation): sizing by the gaps wastes less than sizing
	// by bytes, which over-counts long words and under-counts short
	// ones, and it rarely has to grow (measured on the bench corpus:
	// 5.9 MB of tokens a pass against 7.3 MB).
	gaps := strings.Count(text, " ") + strings.Count(text, "\n")
	toks := make([]token, 0, gaps*5/4+16)
	qi := 0
	for pi, p := range paras {
		for i := p.start; i < p.end; {
			var r rune
			n := 1
			if c := text[i]; c < utf8.RuneSelf {
				r = rune(c)
				if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
					i++
					continue
				}
			} else {
				r, n = utf8.DecodeRuneInString(text[i:p.end])
				if isSpace(r) {
					i += n
					continue
				}
			}
			for qi < len(qs) && qs[qi].close <= i && !(qs[qi].close == i && !qs[qi].closed) {
				qi++
			}
			qidx := int32(-1)
			if qi < len(qs) && qs[qi].open <= i && i < qs[qi].close {
				qidx = int32(qi)
			}
			if isAlnum(r) {
				j := i + n
				for j < p.end {
					// ASCII letters and digits are most of the text: no
					// decoding for them.
					if c := text[j]; c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
						j++
						continue
					}
					r2, n2 := utf8.DecodeRuneInString(text[j:p.end])
					if isAlnum(r2) {
						j += n2
						continue
					}
					if r2 == '’' || r2 == '\'' || r2 == '-' || r2 == '‑' || r2 == '.' {
						r3 := nextRune(text[:p.end], j+n2)
						if isAlnum(r3) {
							// Keep a period only between letters of an
							// abbreviation (U.S) and digits (1.4), never
							// between two sentences glued together.
							if r2 == '.' && !(isDigit(r3) || (isUpper(r3) && (j-i <= 2 || dottedInitials(text[i:j])))) {
								break
							}
							j += n2
							continue
						}
					}
					break
				}
				toks = append(toks, token{start: i, end: j, kind: tWord, cap: isUpper(r), quote: qidx, para: int32(pi)})
				i = j
				continue
			}
			k := tPunct
			if qidx >= 0 && (i == qs[qidx].open || (qs[qidx].closed && i+n == qs[qidx].close)) {
				k = tQuote
			}
			toks = append(toks, token{start: i, end: i + n, kind: k, quote: qidx, para: int32(pi)})
			i += n
		}
	}
	numberSentences(text, toks, qs)
	return toks
}

// dottedInitials reports letters joined by periods, "F.B" of "F.B.I.":
// an abbreviation goes on past its second period.
func dottedInitials(s string) bool {
	if len(s)%2 == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%2 == 1 && s[i] != '.' || i%2 == 0 && !(s[i] >= 'A' && s[i] <= 'Z') {
			return false
		}
	}
	return true
}

// abbrevs end with a period without ending a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"sgt": true, "capt": true, "maj": true, "adm": true, "cmdr": true, "rep": true, "sen": true, "gov": true,
	"st": true, "jr": true, "sr": true, "no": true, "vs": true, "u.s": true, "u.n": true, "u.k": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "fmr": true, "rev": true, "hon": true, "pres": true,
	"approx": true, "est": true, "inc": true, "corp": true, "co": true, "ltd": true, "e.g": true, "i.e": true,
	"fig": true, "mt": true, "ft": true, "brig": true, "cpl": true, "pvt": true, "supt": true, "insp": true,
}

func numberSentences(text string, toks []token, qs []qspan) {
	var buf [16]byte
	sent := int32(0)
	for i := range toks {
		if i > 0 && toks[i].para != toks[i-1].para && !gluedParas(text, toks, i) {
			sent++
		}
		toks[i].sent = sent
		t := toks[i]
		if t.kind == tWord {
			continue
		}
		c := text[t.start]
		inside := t.quote >= 0 && t.kind != tQuote
		if inside {
			continue
		}
		end := false
		switch {
		case c == '.' || c == '!' || c == '?':
			end = true
			if c == '.' && i > 0 && toks[i-1].kind == tWord && toks[i-1].end == t.start {
				w := text[toks[i-1].start:toks[i-1].end]
				b := lowerInto(buf[:0], w)
				if abbrevs[string(b)] || (len(w) == 1 && isUpper(rune(w[0]))) {
					end = false
				}
			}
		case t.kind == tQuote && t.end == qs[t.quote].close:
			// A closing mark ends the sentence when the quotation itself
			// ended one and what follows starts a new one.
			q := qs[t.quote]
			lr := prevRune(text, q.end)
			if (lr == '.' || lr == '!' || lr == '?') && i+1 < len(toks) && toks[i+1].para == t.para && (toks[i+1].cap || toks[i+1].kind == tQuote) {
				end = true
			}
		}
		if end && i+1 < len(toks) {
			nx := toks[i+1]
			if nx.kind == tWord && !nx.cap && !(nx.end-nx.start > 0 && isDigit(rune(text[nx.start]))) {
				end = false // "U.S. officials": a lower-case word follows, no new sentence
			}
		}
		if end {
			sent++
		}
	}
}

// gluedParas reports whether the paragraph break before token i cuts a
// sentence in two, as extracted page text sometimes does: the paragraph
// before ends on a word, and its last sentence has a comma (an apposition
// waiting for its verb: "David Butter, an associate fellow at the Chatham
// House" / "Middle East and North Africa Programme, told …").
func gluedParas(text string, toks []token, i int) bool {
	prev := toks[i-1]
	if prev.kind != tWord || !toks[i].cap {
		return false
	}
	for j := i - 1; j >= 0 && toks[j].para == prev.para && toks[j].sent == prev.sent; j-- {
		if toks[j].kind == tPunct && text[toks[j].start] == ',' {
			return true
		}
	}
	return false
}

package extract

import (
	"strconv"
	"strings"
)

// figure is a number found in the text before it becomes a Stat.
type figure struct {
	a, b      int // tokens [a,b) of the number itself, qualifier excluded
	qa        int // first token including the qualifier
	value     float64
	hi        float64 // upper end of a range, or 0
	isRange   bool
	vague     bool
	qual      string // qualifier as written, lower case
	qkind     int8   // 0 exact, 1 lower bound, 2 upper bound, 3 approximate
	unit      string
	unitEnd   int // token after the unit noun, or b
	currency  string
	percent   bool
	wordOnly  bool // written in words only
	ordinalOK bool
	dur       bool // hyphenated time unit: a 5-year conflict
	noCount   bool
	force     bool    // "3,000-strong": the size of an armed force
	scaled    bool    // written with a scale: 2 million, 7m, 1.5bn
	measure   bool    // a unit of measure decided the unit: 12km, 50 Hz
	age       bool    // an age: the 48-year-old, Roe, 52,
	frac      float64 // a fraction of what follows: a quarter of, two-thirds
}

// scanFigures finds the numbers of the text that are counts or amounts:
// not years, dates, times, ordinals or numbers that are part of a name.
func (d *doc) scanFigures() []figure {
	out := make([]figure, 0, 16)
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if !d.mayStartNumber(i) {
			continue
		}
		f, ok := d.numberAt(i)
		if !ok {
			continue
		}
		d.rangeAfter(&f)
		d.qualifier(&f)
		d.unitAfter(&f)
		if !f.noCount && !d.notACount(&f) {
			out = append(out, f)
		}
		// Continue after the number, not after its noun: "34 of the 41
		// drones" holds two figures.
		i = f.b - 1
	}
	return out
}

// mayStartNumber is a cheap filter before numberAt: digits, signs and the
// words a number may open with.
func (d *doc) mayStartNumber(i int) bool {
	t := d.toks[i]
	c := d.text[t.start]
	if t.kind != tWord {
		// Of punctuation only currency signs, a minus or a plus, and the
		// period of ".08" can open a number; non-ASCII marks (€, −) may.
		return c >= 0x80 || c == '$' || c == '-' || c == '+' || c == '.'
	}
	if c >= '0' && c <= '9' {
		return true
	}
	if c >= 'A' && c <= 'Z' {
		// A currency code: apart (AED 250) or glued to digits (USD2,500).
		if w := d.text[t.start:t.end]; d.codeShaped(i) && currencyCodes[w] != "" || gluedCode(w) > 0 {
			return true
		}
	}
	w := d.lt[t.start:t.end]
	if len(w) > 9 && strings.IndexByte(w, '-') < 0 {
		return false // longer than any number word
	}
	if len(w) == 6 && w == "couple" {
		return true // "a couple of hundred"; kept out of numberStarts, whose cheap filter it would blunt
	}
	if n := len(w); n > 0 && n < 16 && w[0] >= 'a' && w[0] <= 'z' && w[n-1] >= 'a' && w[n-1] <= 'z' && strings.IndexByte(w, '-') < 0 && numberEnds[w[0]-'a'][w[n-1]-'a']&(1<<n) == 0 {
		return false // no number word of this length begins and ends with these letters
	}
	if numberStarts[w] {
		return true
	}
	if k := strings.IndexByte(w, '-'); k > 0 {
		return numberStarts[w[:k]]
	}
	return false
}

// numberEnds[first][last] has bit n set when some word of numberStarts is
// n letters long and begins and ends with those letters: a cheap test that
// spares most words the map.
var numberEnds = func() (t [26][26]uint16) {
	for w := range numberStarts {
		// Keys such as "us$" or "₹" cannot equal a word of letters the
		// table is asked about, so they need no cell; nor can longer ones.
		if n := len(w); n > 0 && n < 16 && w[0] >= 'a' && w[0] <= 'z' && w[n-1] >= 'a' && w[n-1] <= 'z' {
			t[w[0]-'a'][w[n-1]-'a'] |= 1 << n
		}
	}
	return t
}()

// numberStarts are the words a number may start with.
var numberStarts = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "quarter": true, "several": true, "few": true, "us": true, "c": true, "rs": true,
		"percent": true, "percents": true, "per": true, "minus": true}
	for w := range units {
		m[w] = true
	}
	for w := range vagueCounts {
		m[w] = true
	}
	for w := range scales {
		m[w] = true // "a hundred" starts at the scale word
	}
	for w := range currencySymbols {
		m[w] = true
	}
	for w := range fractionWords {
		m[w] = true // a quarter of, a third of
	}
	return m
}()

// numberAt reads a number starting at token i: digits, words, a currency
// sign or a vague count.
func (d *doc) numberAt(i int) (figure, bool) {
	t := d.toks[i]
	f := figure{a: i, qa: i}
	// Currency sign or code first: $5, US$ 1.2 billion, €50m, USD 200.
	if cur, next := d.currencyBefore(i); cur != "" {
		g, ok := d.countAt(next)
		if !ok {
			return f, false
		}
		g.a, g.qa = i, i
		g.currency = cur
		return g, true
	}
	// "per cent of twenty-two": a percentage written the other way round,
	// with no number before it.
	if w := d.low(i); (w == "percent" || w == "percents" || w == "per" && d.is(i+1, "cent")) && !d.isNumberTok(i-1) {
		k := i + 1
		if w == "per" {
			k++
		}
		if d.is(k, "of") {
			if g, ok := d.countAt(k + 1); ok && !g.vague {
				g.a, g.qa = i, i
				g.percent = true
				g.unitEnd = g.b
				return g, true
			}
		}
	}
	if g, ok := d.negativeAt(i); ok {
		return g, true
	}
	if t.kind != tWord {
		// .08: a decimal without its leading zero.
		if d.punct(i, '.') && opensBefore(prevRune(d.text, t.start)) && i+1 < len(d.toks) && d.toks[i+1].start == t.end && isDigit(rune(d.text[t.end])) {
			w := d.lt[d.toks[i+1].start:d.toks[i+1].end]
			if v, err := strconv.ParseFloat("0."+w, 64); err == nil {
				return figure{a: i, qa: i, b: i + 2, unitEnd: i + 2, value: v}, true
			}
		}
		return f, false
	}
	return d.countAt(i)
}

// isNumberTok reports whether token i is written in digits or is a number
// word.
func (d *doc) isNumberTok(i int) bool {
	if !d.isWord(i) {
		return false
	}
	w := d.low(i)
	_, unit := units[w]
	_, scale := scales[w]
	return isDigit(rune(w[0])) || unit || scale
}

// currencyBefore recognises a currency sign or code at token i and returns
// the unit and the token where the number starts.
func (d *doc) currencyBefore(i int) (string, int) {
	t := d.toks[i]
	w := d.lt[t.start:t.end]
	if t.kind == tWord && (w == "us" || w == "c" || w == "a" && t.cap) && i+1 < len(d.toks) && d.lt[d.toks[i+1].start:d.toks[i+1].end] == "$" && d.toks[i+1].start == t.end {
		i++
		t = d.toks[i]
		w = "$"
	}
	cur, ok := currencySymbols[w]
	if !ok && t.kind == tWord && d.codeShaped(i) {
		// An ISO code written apart, in capitals: "AED 100", "KES 5,000".
		cur, ok = currencyCodes[d.text[t.start:t.end]]
	}
	if !ok || (t.kind == tWord && !isUpperWord(d.text[t.start:t.end]) && len(w) > 1 && w != "rs") {
		return "", 0
	}
	j := i + 1
	if w == "rs" && d.punct(j, '.') {
		j++ // Rs. 300
	}
	if j < len(d.toks) && d.toks[j].kind == tWord && isDigit(rune(d.text[d.toks[j].start])) && d.toks[j].start-d.toks[j-1].end <= 1 {
		return cur, j
	}
	return "", 0
}

// codeShaped reports whether token i may be a currency code: two or three
// letters, capitals or R and a letter (RM, Rs, Rp). Most words are
// spared the map.
func (d *doc) codeShaped(i int) bool {
	t := d.toks[i]
	n := t.end - t.start
	if n < 2 || n > 3 {
		return false
	}
	a, b := d.text[t.start], d.text[t.start+1]
	return a >= 'A' && a <= 'Z' && (b >= 'A' && b <= 'Z' || a == 'R')
}

func isUpperWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// digitsAt reads a number written in digits at token i, with its thousands
// groups (1,234,567), a scale suffix (7m, 2.5bn) or scale word (1.4
// million), and a hyphenated tail (10-15, 5-year). It returns the value,
// a scale already to apply (0 if none) and the next token.
//
// A currency code glued before the digits (USD2,500) sets f.currency; a
// unit glued after them (12km, 85p, 2.5pc) sets f's unit, currency or
// percent and f.measure.
func (d *doc) digitsAt(i int, f *figure) (float64, float64, int, string, bool) {
	t := d.toks[i]
	w := d.lt[t.start:t.end]
	if pre := gluedCode(d.text[t.start:t.end]); pre > 0 {
		f.currency = currencyCodes[d.text[t.start:t.start+pre]]
		w = w[pre:]
	}
	head, tail, hasTail := strings.Cut(w, "-")
	if !hasTail {
		head, tail, hasTail = strings.Cut(w, "‑")
	}
	k := 0
	dots := 0
	for k < len(head) && (isDigit(rune(head[k])) || head[k] == '.' && k+1 < len(head) && isDigit(rune(head[k+1]))) {
		if head[k] == '.' {
			dots++
		}
		k++
	}
	if dots > 1 {
		return 0, 0, i, "", false // 192.168.1.2, 1.2.3: not a count
	}
	num, suf := head[:k], head[k:]
	j := i + 1
	// Thousands groups: 50,000 or 1 234 567 (narrow or normal spaces). The
	// last group may carry decimals: 1,674,200.5.
	if dots == 0 && suf == "" && !hasTail {
		for j+1 < len(d.toks) && d.punct(j, ',') && d.toks[j].start == d.toks[j-1].end && d.toks[j+1].start == d.toks[j].end && isGroup(d.lt[d.toks[j+1].start:d.toks[j+1].end]) {
			g := d.lt[d.toks[j+1].start:d.toks[j+1].end]
			gh, gt, gHas := strings.Cut(g, "-")
			num, suf = num+gh[:3], gh[3:]
			if decimals(suf) {
				num, suf = num+suf, ""
			}
			if gHas {
				tail, hasTail = gt, true
			}
			j += 2
			if suf != "" || hasTail || strings.IndexByte(num, '.') >= 0 {
				break
			}
		}
		// Groups after a plain space only when there are two of them
		// (1 234 567): "400 737 Max jets" is two numbers.
		// A lone "000" after a plain space is a group too: "40 000".
		if len(num) <= 3 && j < len(d.toks) && (narrowSpace(d.text[d.toks[j-1].end:d.toks[j].start]) || j+1 < len(d.toks) && isGroup(d.lt[d.toks[j+1].start:d.toks[j+1].end]) && spaceOnly(d.text[d.toks[j].end:d.toks[j+1].start]) ||
			d.lt[d.toks[j].start:d.toks[j].end] == "000" && spaceOnly(d.text[d.toks[j-1].end:d.toks[j].start])) {
			for j < len(d.toks) && suf == "" && !hasTail && d.toks[j].kind == tWord && d.toks[j].sent == t.sent && isGroup(d.lt[d.toks[j].start:d.toks[j].end]) && spaceOnly(d.text[d.toks[j-1].end:d.toks[j].start]) {
				g := d.lt[d.toks[j].start:d.toks[j].end]
				if len(g) != 3 && !decimals(g[3:]) {
					break
				}
				num += g
				j++
				if len(g) > 3 {
					break
				}
			}
		}
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, 0, i, "", false
	}
	scale, ok := d.digitSuffix(f, suf, i, j)
	if !ok {
		return 0, 0, i, "", false
	}
	if !hasTail {
		tail = ""
	}
	tail, j = d.rangeEndGroups(tail, j)
	return v, scale, j, tail, true
}

// digitSuffix reads what is glued after the digits of token i, suf, with
// j the token after them: a scale (7m, 2.5bn, $3t) or a unit (12km, 3kW,
// 2.0l, 85p, 2.5pc), which sets f's unit, currency or percent and
// f.measure. It returns the scale (0 if none) and false when the suffix
// makes no count: 1990s, 21st, 2pm, 5p.m., 3t without a dollar sign.
func (d *doc) digitSuffix(f *figure, suf string, i, j int) (float64, bool) {
	switch {
	case suf == "":
		return 0, true
	case suffixScales[suf] > 0:
		if suf == "t" && (i == 0 || !d.punct(i-1, '$')) {
			return 0, false
		}
		return suffixScales[suf], true
	case gluedUnits[suf].unit != "" && !(suf == "p" && d.punct(j, '.') && d.is(j+1, "m")):
		// 12km, 3kW, 2.0l, 85p, 2.5pc. Not "5p.m.": a time.
		g := gluedUnits[suf]
		switch g.kind {
		case 1:
			f.currency = g.unit
		case 2:
			f.percent = true
		default:
			f.unit = g.unit
		}
		f.measure = g.kind != 2
		return 0, true
	}
	// 1990s, 21st, 2pm: not a count here; the caller drops it.
	return 0, false
}

// rangeEndGroups reads the thousands groups of the second number of a
// range, "5,000-6,000", whose tail after the hyphen ends before token j.
// It returns the tail with its groups and the token after them.
func (d *doc) rangeEndGroups(tail string, j int) (string, int) {
	if tail == "" || !isDigit(rune(tail[0])) || strings.IndexFunc(tail, func(r rune) bool { return !isDigit(r) }) >= 0 {
		return tail, j
	}
	for j+1 < len(d.toks) && d.punct(j, ',') && d.toks[j].start == d.toks[j-1].end && d.toks[j+1].start == d.toks[j].end && isGroup(d.lt[d.toks[j+1].start:d.toks[j+1].end]) {
		g := d.lt[d.toks[j+1].start:d.toks[j+1].end]
		tail += g[:3]
		j += 2
		if len(g) > 3 {
			tail += g[3:]
			break
		}
	}
	return tail, j
}

// decimals is ".5", ".89": a decimal part.
func decimals(s string) bool {
	if len(s) < 2 || s[0] != '.' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

func isGroup(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if !isDigit(rune(s[k])) {
			return false
		}
	}
	return len(s) == 3 || !isDigit(rune(s[3]))
}

func narrowSpace(s string) bool { return s == "\u00a0" || s == "\u202f" || s == "\u2009" }

func spaceOnly(s string) bool {
	return s == " " || s == "\u00a0" || s == "\u202f" || s == "\u2009"
}

package extract

import "strings"

// Counts written in digits and number words: "1.4 million", "two hundred
// and two thousand", "half a million", "2.5bn", "dozens". countAt reads
// token after token; each count rule takes the tokens of one shape.

// countScan is the state of countAt between tokens.
type countScan struct {
	f          figure
	start      int     // the token countAt started at
	j          int     // the token being read
	total, cur float64 // the value so far: total + cur
	parts      int     // digits and number words taken
	lastScale  float64 // scale of the last word taken (hundred, million), or 0
	lastUnit   float64 // value of the last unit word or digits taken, or -1
	// The state before an "and" that may join two numbers: "3 hundred
	// and 2 hundred" stops there.
	andAt            int
	andTotal, andCur float64
	wordScale        bool // a scale word: "2 million", not "7m"
}

// countStep is what a count rule did with the token.
type countStep int8

const (
	countPass countStep = iota // the rule does not apply: try the next one
	countNext                  // the token was taken: read on
	countStop                  // the number ends before token j
	countNone                  // no count starts at the first token
	countDone                  // the figure is complete as it stands
)

// countAt accumulates digits and number words from token i: "1.4 million",
// "two hundred and two thousand", "half a million", "2.5bn", "dozens".
func (d *doc) countAt(i int) (figure, bool) {
	c := countScan{f: figure{a: i, qa: i, wordOnly: true}, start: i, j: i, lastUnit: -1}
	for c.j < len(d.toks) {
		switch d.countToken(&c) {
		case countNext:
			continue
		case countNone:
			return c.f, false
		case countDone:
			return c.f, true
		}
		break
	}
	if c.parts == 0 {
		return c.f, false
	}
	f := c.f
	f.value = c.total + c.cur
	if f.frac > 0 {
		f.value *= f.frac
	}
	f.scaled = c.wordScale
	f.b = c.j
	f.unitEnd = c.j
	return f, true
}

// countToken applies the count rules to token c.j in turn.
func (d *doc) countToken(c *countScan) countStep {
	t := d.toks[c.j]
	if t.kind != tWord || t.sent != d.toks[c.start].sent {
		return d.countSpacedHyphen(c)
	}
	w := d.lt[t.start:t.end]
	if isDigit(rune(w[0])) || c.parts == 0 && t.cap && gluedCode(d.text[t.start:t.end]) > 0 {
		return d.countDigits(c)
	}
	if s := d.countHyphenWord(c, w); s != countPass {
		return s
	}
	if s := d.countUnitWord(c, w); s != countPass {
		return s
	}
	if s := d.countScaleWord(c, w); s != countPass {
		return s
	}
	if s := d.countAnd(c, w); s != countPass {
		return s
	}
	if s := d.countHalf(c, w); s != countPass {
		return s
	}
	if _, ok := fractionWords[w]; ok && d.fractionAt(&c.f, c.j, c.cur, c.parts) {
		// "two-thirds of", "a quarter of": a fraction of what follows.
		if c.parts == 0 {
			c.cur = 1
		}
		c.parts++
		c.j++
		return countStop
	}
	if s := d.countVague(c, w); s != countPass {
		return s
	}
	return d.countSeveral(c, w)
}

// countSpacedHyphen takes the spaced hyphen inside a number word, "fifty -
// two"; any other token that is no word ends the count.
func (d *doc) countSpacedHyphen(c *countScan) countStep {
	if c.parts > 0 && c.lastUnit >= 20 && int(c.lastUnit)%10 == 0 && c.lastScale == 0 && d.punct(c.j, '-') {
		if u, ok := units[d.low(c.j+1)]; ok && u < 10 && u > 0 {
			c.j++
			return countNext
		}
	}
	return countStop
}

// countDigits takes a number in digits with what is glued to it: "1,234",
// "7m", "12km", "10-15", "$40-50 billion".
func (d *doc) countDigits(c *countScan) countStep {
	if c.parts > 0 && c.lastScale == 0 {
		return countStop // "423 0000": two numbers
	}
	v, scale, rest, tail, ok := d.digitsAt(c.j, &c.f)
	if !ok {
		if c.parts == 0 {
			return countNone
		}
		return countStop
	}
	c.f.wordOnly = false
	c.cur += v
	if scale > 0 {
		c.total += c.cur * scale
		c.cur = 0
		c.lastScale = scale
	} else {
		c.lastScale = 0
	}
	c.parts++
	c.j = rest
	if c.f.measure || c.f.percent {
		return countStop // 12km, 2.5pc, 85p: the unit ends the number
	}
	if tail != "" {
		d.digitTail(&c.f, tail, v, scale)
		if c.f.isRange && scale == 0 && c.j < len(d.toks) && d.isWord(c.j) {
			// $40-50 billion: the scale applies to both ends.
			if s, ok := scales[d.low(c.j)]; ok && s >= 1000 {
				c.cur *= s
				c.f.hi *= s
				c.j++
			}
		}
		return countStop
	}
	c.lastUnit = v
	return countNext
}

// countHyphenWord takes a hyphenated number word: twenty-one, fifty-two,
// and "three-day", whose tail ends the count.
func (d *doc) countHyphenWord(c *countScan, w string) countStep {
	if strings.IndexByte(w, '-') <= 0 || !(c.parts == 0 || c.lastScale >= 100) {
		return countPass
	}
	head, tail, _ := strings.Cut(w, "-")
	u, ok := units[head]
	if !ok {
		return countPass
	}
	if u2, ok2 := units[tail]; ok2 && u >= 20 && u2 < 10 {
		c.cur += u + u2
		c.parts++
		c.j++
		c.lastUnit = u + u2
		return countNext
	}
	if s := d.countHyphenRange(c, u, tail); s != countPass {
		return s
	}
	if sc, ok := scales[tail]; ok && sc >= 12 && sc < 1e12 && tail != "dozens" && tail != "mm" && tail != "mil" {
		// "two-dozen", "three-hundred", "five-million": the scale glued on.
		c.cur += u * sc
		if sc >= 1000 {
			c.total += c.cur
			c.cur = 0
			c.wordScale = true
		}
		c.parts++
		c.j++
		c.lastScale = sc
		c.lastUnit = -1
		return countNext
	}
	d.hyphenTail(&c.f, tail)
	c.cur += u
	c.parts++
	c.j++
	return countStop
}

// countHyphenRange takes a range written as one word, "one-to-two
// hundred", "three-or-four thousand": both ends take the scale after it.
func (d *doc) countHyphenRange(c *countScan, lo float64, tail string) countStep {
	sep, end, ok := strings.Cut(tail, "-")
	if !ok || sep != "to" && sep != "or" || c.parts > 0 {
		return countPass
	}
	hi, ok := units[end]
	if !ok || hi <= lo {
		return countPass
	}
	c.j++
	if s, ok := scales[d.lowAt(c.j)]; ok && s >= 100 && d.isWord(c.j) && d.toks[c.j].sent == d.toks[c.start].sent {
		lo, hi = lo*s, hi*s
		c.j++
	}
	c.cur += lo
	c.f.isRange, c.f.hi = true, hi
	c.parts++
	return countStop
}

// countUnitWord takes a number word below a hundred: "two", "twenty",
// the "two" of "twenty two".
func (d *doc) countUnitWord(c *countScan, w string) countStep {
	u, ok := units[w]
	if !ok {
		return countPass
	}
	if c.parts > 0 && c.lastScale == 0 && !(c.lastUnit >= 20 && int(c.lastUnit)%10 == 0 && u < 10) {
		return countStop
	}
	c.cur += u
	c.parts++
	c.lastUnit = u
	c.lastScale = 0
	c.j++
	return countNext
}

// countScaleWord takes a scale word: "1.4 million", "two hundred", "a
// dozen", "a thousand"; a count does not start with one but after "a".
func (d *doc) countScaleWord(c *countScan, w string) countStep {
	s, ok := scales[w]
	if !ok || !(w != "dozens" && w != "mm" && w != "mil" || c.parts > 0) {
		return countPass
	}
	j := c.j
	if c.parts == 0 && !(j > 0 && (d.is(j-1, "a") || d.is(j-1, "an"))) && !(w == "hundred" && scales[d.low(j+1)] >= 1000) {
		return countStop
	}
	if c.cur == 0 {
		c.cur = 1
	}
	if c.parts == 0 && (d.is(j-1, "a") || d.is(j-1, "an")) {
		c.f.a, c.f.qa = j-1, j-1
	}
	if s == 100 && c.cur >= 100 && c.andAt > 0 {
		// "3 hundred and 2 hundred": two numbers; stop at "and".
		c.total, c.cur, c.j = c.andTotal, c.andCur, c.andAt
		return countStop
	}
	if s == 100 || s == 12 {
		c.cur *= s
	} else {
		c.total += c.cur * s
		c.cur = 0
		c.wordScale = true
	}
	c.lastScale = s
	c.lastUnit = -1
	c.parts++
	c.j++
	return countNext
}

// countAnd takes the "and" of "two hundred and two" when a number follows
// it, and remembers where it was in case it joins two numbers.
func (d *doc) countAnd(c *countScan, w string) countStep {
	if w != "and" || c.lastScale < 100 || c.j+1 >= len(d.toks) || c.parts == 0 {
		return countPass
	}
	nx := d.lt[d.toks[c.j+1].start:d.toks[c.j+1].end]
	head, _, _ := strings.Cut(nx, "-")
	if _, ok := units[head]; ok || isDigit(rune(nx[0])) {
		c.andAt, c.andTotal, c.andCur = c.j, c.total, c.cur
		c.j++
		return countNext
	}
	return countPass
}

// countHalf takes "half a million", "half a dozen", "a quarter of a
// million": a fraction of a scale word.
func (d *doc) countHalf(c *countScan, w string) countStep {
	if w != "half" && w != "quarter" || c.parts > 0 {
		return countPass
	}
	n := len(d.toks)
	k := c.j + 1
	if w == "quarter" && d.is(k, "of") {
		k++
	}
	if d.is(k, "a") {
		k++
	}
	if w == "quarter" {
		if s, ok := scales[d.low(k)]; ok && s >= 1000 && k < n {
			if d.is(c.j-1, "a") {
				c.f.a, c.f.qa = c.j-1, c.j-1 // "nearly a quarter of a million"
			}
			c.total += s / 4
			c.parts++
			c.lastScale = s
			c.j = k + 1
			return countNext
		}
	}
	if w == "half" && k < n {
		if s, ok := scales[d.low(k)]; ok && s >= 12 {
			c.total += s / 2
			c.parts++
			c.lastScale = s
			c.j = k + 1
			return countNext
		}
	}
	return countPass
}

// countVague reads a vague count that opens the number: dozens, hundreds
// of thousands, tens of thousands. "the hundreds", "counted in dozens"
// and a lone "scores" or "tens" are no count.
func (d *doc) countVague(c *countScan, w string) countStep {
	v, ok := vagueCounts[w]
	if !ok || c.parts > 0 {
		return countPass
	}
	j := c.j
	if (w == "scores" || w == "tens") && !d.is(j+1, "of") {
		return countNone
	}
	if d.is(j-1, "the") || d.is(j-1, "their") || d.is(j-1, "in") && d.is(j-2, "counted") {
		return countNone
	}
	c.f.vague = true
	j++
	if d.is(j, "of") {
		if m, ok := vagueCounts[d.low(j+1)]; ok && m > v {
			v *= m
			j += 2
		} else if s, ok := scales[d.low(j+1)]; ok && s > 100 {
			v *= s
			j += 2
		}
	}
	c.f.value, c.f.b, c.f.unitEnd = v, j, j
	return countDone
}

// countSeveral reads "several hundred", "a few thousand", "several
// dozen": at least two of the scale, a vague count. Any other word ends
// the count.
func (d *doc) countSeveral(c *countScan, w string) countStep {
	if w != "several" && w != "few" && w != "couple" || c.parts > 0 {
		return countStop
	}
	j := c.j
	if w == "couple" {
		// "a couple of hundred", "a couple hundred": at least two of the scale.
		if !d.is(j-1, "a") {
			return countStop
		}
		if d.is(j+1, "of") {
			j++
		}
	}
	if s, ok := scales[d.low(j+1)]; ok && s >= 100 && s != 12 || d.is(j+1, "dozen") {
		if d.is(c.j-1, "a") {
			c.f.a, c.f.qa = c.j-1, c.j-1
		}
		c.f.vague = true
		mult := 2.0
		if d.is(j+1, "dozen") {
			s = 12
		}
		e := j + 2
		// "several hundred thousand": a larger scale after the first.
		if big := scales[d.lowAt(e)]; big >= 1000 && s < 1000 && d.isWord(e) {
			s *= big
			e++
		}
		c.f.value, c.f.b, c.f.unitEnd = mult*s, e, e
		return countDone
	}
	return countStop
}

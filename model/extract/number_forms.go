package extract

import "strconv"

// Numbers written in forms the digit and word readers of numbers.go do not
// cover: negatives (-2.1%, minus 3, minus-3) and fractions (a quarter of,
// half of, two-thirds of).

// negativeAt reads a negative number at token i: a minus sign glued to
// digits after a space or an opening bracket ("-2.1%", "−4"), or the word
// minus ("minus 3", "minus-3"). A hyphen between two numbers is a range,
// and one after a letter is part of a name (COVID-19): neither is a sign.
func (d *doc) negativeAt(i int) (figure, bool) {
	t := d.toks[i]
	w := d.lt[t.start:t.end]
	next := -1
	switch {
	case t.kind != tWord && (w == "-" || w == "−") && i+1 < len(d.toks) && d.toks[i+1].start == t.end &&
		d.isWord(i+1) && isDigit(rune(d.text[d.toks[i+1].start])) && opensBefore(prevRune(d.text, t.start)):
		if d.isWord(i-1) && isDigit(rune(d.text[d.toks[i-1].start])) {
			return figure{}, false // "10 -15": a range written loosely
		}
		next = i + 1
	case w == "minus" && i+1 < len(d.toks) && d.isWord(i+1) && (isDigit(rune(d.text[d.toks[i+1].start])) || units[d.low(i+1)] > 0):
		next = i + 1
	case len(w) > len("minus-") && w[:len("minus-")] == "minus-":
		rest := w[len("minus-"):]
		v, err := strconv.ParseFloat(rest, 64)
		if err != nil {
			u, ok := units[rest]
			if !ok {
				return figure{}, false
			}
			v = u
		}
		return figure{a: i, qa: i, b: i + 1, unitEnd: i + 1, value: -v}, true
	default:
		return figure{}, false
	}
	g, ok := d.countAt(next)
	if !ok || g.vague {
		return figure{}, false
	}
	g.a, g.qa = i, i
	g.value = -g.value
	if g.isRange {
		g.isRange, g.hi = false, 0 // "-5-10" is no range of ours
	}
	return g, true
}

// fractionAt reads a fraction word at token j that a count or "a" opens:
// "a quarter of", "a third of", "two thirds of", "half of the", and sets
// f.frac. cur is the count read so far (0 when none). It reports whether
// the word was a fraction.
// auxVerbs after a fraction make it a subject: "a quarter are children".
var auxVerbs = set("are", "had", "have", "is", "was", "were")

func (d *doc) fractionAt(f *figure, j int, cur float64, parts int) bool {
	w := d.low(j)
	fv, ok := fractionWords[w]
	// "a third were children": a fraction as the subject of its verb.
	subject := (d.is(j-1, "a") || d.is(j-1, "one")) && w != "half" && w[len(w)-1] != 's' && d.in(j+1, auxVerbs)
	if !ok || !d.is(j+1, "of") && !subject && !(w == "half" && (d.is(j+1, "the") || d.is(j+1, "its") || d.is(j+1, "their"))) {
		return false
	}
	switch {
	case parts > 0:
		// "two thirds of", "three quarters of": a small count before.
		if cur < 1 || cur > 9 || w == "half" {
			return false
		}
		f.frac = fv
	case d.is(j-1, "a") || d.is(j-1, "one"):
		if w == "half" || w[len(w)-1] == 's' {
			return false
		}
		f.a, f.qa = j-1, j-1
		f.frac = fv
	case w == "half":
		// "half of the residents", not "the second half of the year".
		if p := d.lowAt(j - 1); p == "the" || p == "first" || p == "second" || p == "and" || p == "a" || p == "latter" || p == "other" {
			return false
		}
		f.frac = fv
	default:
		return false
	}
	return true
}

package extract

import (
	"strconv"
	"strings"
)

// timeUnits are what a duration counts.
var timeUnits = map[string]string{
	"year": "years", "years": "years", "month": "months", "months": "months", "week": "weeks",
	"weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
	"minute": "minutes", "minutes": "minutes", "decade": "decades", "decades": "decades",
	"yr": "years", "yrs": "years", "hrs": "hours",
}

// digitTail handles what follows a hyphen after digits: a range (10-15),
// a unit used as an adjective (a 5-year conflict), an age (12-year-old).
func (d *doc) digitTail(f *figure, tail string, v, scale float64) {
	if tail == "" {
		return
	}
	if isDigit(rune(tail[0])) {
		k := 0
		for k < len(tail) && (isDigit(rune(tail[k])) || tail[k] == '.') {
			k++
		}
		hi, err := strconv.ParseFloat(tail[:k], 64)
		if err != nil {
			f.noCount = true
			return
		}
		tailScaled := false
		if s, ok := suffixScales[tail[k:]]; ok {
			hi *= s // 5k-20k
			tailScaled = true
		} else if tail[k:] != "" {
			f.noCount = true // 2013-14a, 7-10pm: not a count
			return
		}
		if v >= 1000 && v <= 2100 && hi < 100 {
			f.noCount = true // 2013-14: years
			return
		}
		if scale > 0 && !tailScaled {
			hi *= scale
		}
		if hi > v {
			f.isRange, f.hi = true, hi
		} else {
			f.noCount = true // a score or a code: 2-1, 3-0
		}
		return
	}
	d.hyphenTail(f, tail)
}

func (d *doc) hyphenTail(f *figure, tail string) {
	seg, rest, _ := strings.Cut(tail, "-")
	switch {
	case timeUnits[seg] != "":
		if strings.HasPrefix(rest, "old") {
			f.age, f.unit = true, timeUnits[seg] // the 48-year-old
			return
		}
		if w := d.lowAt(f.a); w != "" && d.toks[f.a].cap && !isDigit(rune(w[0])) && d.isWord(f.a+1) && d.toks[f.a+1].cap {
			f.noCount = true // the Six-Day War: a name
			return
		}
		f.dur, f.unit = true, timeUnits[seg]
	case seg == "plus":
		f.qual, f.qkind = "plus", 1
	case seg == "strong":
		f.unit, f.force = "troops", true // a 3,000-strong force
	case fractionWords[seg] > 0 && (seg[len(seg)-1] == 's' || d.is(f.a, "one") || seg == "half") && strings.HasPrefix(d.lowAt(f.a), "one-") == (seg[len(seg)-1] != 's'):
		f.frac = fractionWords[seg] // two-thirds, one-third
	case strings.HasSuffix(seg, "th") || strings.HasSuffix(seg, "ths") || strings.HasPrefix(seg, "third") || strings.HasPrefix(seg, "quarter") || seg == "half":
		f.noCount = true // a fraction
	case currencyWords[seg] != "":
		f.currency = currencyWords[seg]
	case seg == "time" || seg == "off" || seg == "way" || seg == "sided" || seg == "fold" || seg == "point" || seg == "nil" || seg == "all":
		f.noCount = true // one-time, two-way
	case seg == "to" && rest != "" && isDigit(rune(rest[0])) && !f.wordOnly:
		// "passed 230-to-198": a tally, whose first number stays a count.
	case seg == "to" || seg == "on" || seg == "by" || seg == "or" || seg == "in":
		f.noCount = true // one-to-one, two-on-one, 3-in-1: a kind, not a count
	case f.currency != "" || seg == "and" || units[seg] > 0 || measureUnits[seg] || scales[seg] > 0 || !isLetters(seg) || len(seg) < 3 ||
		thingUnits[seg] != "" || troopUnits[seg] || thingNouns[seg+"s"] || personUnits[seg+"s"] || thingUnits[seg+"s"] != "":
		f.unit = seg // a 44-truck convoy, a 55-kilometer zone, a 16-inch screen
	default:
		// A compound adjective: the two-state solution, a three-judge
		// panel. It names a kind of thing, it counts nothing.
		f.noCount = true
	}
}

// rangeAfter joins "X to Y", "X-Y", "between X and Y", "from X to Y".
func (d *doc) rangeAfter(f *figure) {
	if f.isRange || f.noCount || f.vague {
		return
	}
	k := f.b
	if k >= len(d.toks) {
		return
	}
	between := d.is(f.a-1, "between") || d.is(f.a-2, "between") && d.punct(f.a-1, '$')
	from := d.is(f.a-1, "from")
	sep := d.low(k)
	ok := false
	switch {
	case sep == "to" || sep == "through" || sep == "-" || sep == "–" || sep == "~":
		ok = true
	case sep == "and" && between:
		ok = true
	case sep == "or" && (d.is(k+1, "more") || d.is(k+1, "less") || d.is(k+1, "fewer") || d.is(k+1, "so")):
		return
	case sep == "or" && f.wordOnly && f.value < 10:
		// "two or three hundred people": a range only when the scale of
		// the second end applies to the first (below).
		ok = true
	}
	if !ok || k+1 >= len(d.toks) {
		return
	}
	nk := k + 1
	if d.punct(nk, '$') || d.lt[d.toks[nk].start:d.toks[nk].end] == "€" || d.lt[d.toks[nk].start:d.toks[nk].end] == "£" {
		nk++
	}
	if nk >= len(d.toks) {
		return
	}
	g, gok := d.countAt(nk)
	if !gok || g.vague || g.noCount {
		return
	}
	lo := f.value
	hi := g.value
	// "2 to 3 million", "two to three hundred": the scale of the second
	// applies to the first.
	scaled := false
	if lo < hi && hi >= 100 && lo < 1000 && f.wordOnly == g.wordOnly {
		for _, s := range []float64{1e12, 1e9, 1e6, 1e3, 100} {
			if hi >= s && lo*s <= hi && lo*s >= hi/100 && (s > 100 || lo < 10) && d.scaleWordIn(g.a, g.b) {
				lo *= s
				scaled = true
				break
			}
		}
	}
	if hi <= lo || sep == "or" && !scaled {
		return
	}
	if (between || from || sep == "-" || sep == "–" || sep == "to") && lo >= 1800 && hi <= 2100 && lo == float64(int(lo)) && hi == float64(int(hi)) && f.b-f.a == 1 && g.b-g.a == 1 {
		f.noCount = true // "between 2010 and 2015": years
		return
	}
	if (sep == "to" || sep == "-" || sep == "–") && !between && !from && lo >= 1000 && lo <= 2100 && hi <= 2100 && f.b-f.a == 1 {
		return // 2011-2016 as years
	}
	f.value, f.hi, f.isRange = lo, hi, true
	f.b = g.b
	f.unitEnd = g.b
	if g.unit != "" && f.unit == "" {
		f.unit = g.unit
		f.dur = g.dur
		f.age = g.age // between 12 and 17-years-old
	}
	if between {
		f.qa = f.a - 1
		if d.punct(f.a-1, '$') {
			f.qa = f.a - 2
		}
		f.qual = "between"
	} else if from {
		f.qa = f.a - 1
		f.qual = "from"
	}
}

func (d *doc) scaleWordIn(a, b int) bool {
	for k := a; k < b; k++ {
		w := d.low(k)
		if _, ok := scales[w]; ok {
			return true
		}
		if n := len(w); n > 0 && !isDigit(rune(w[n-1])) && isDigit(rune(w[0])) {
			return true // 20k, 3m
		}
	}
	return false
}

type qualPhrase struct {
	words []string
	kind  int8
}

// qualifiers before a figure, longest first. Kind 1 sets a lower bound,
// 2 an upper bound, 3 marks an approximation.
var qualifiers = []qualPhrase{
	{[]string{"no", "fewer", "than"}, 1}, {[]string{"no", "less", "than"}, 1}, {[]string{"not", "less", "than"}, 1},
	{[]string{"in", "excess", "of"}, 1}, {[]string{"a", "minimum", "of"}, 1}, {[]string{"well", "over"}, 1},
	{[]string{"just", "over"}, 1}, {[]string{"more", "than"}, 1}, {[]string{"greater", "than"}, 1},
	{[]string{"at", "least"}, 1}, {[]string{"upwards", "of"}, 1}, {[]string{"over"}, 1}, {[]string{"above"}, 1},
	{[]string{"exceeding"}, 1}, {[]string{"exceed"}, 1}, {[]string{"exceeds"}, 1}, {[]string{"exceeded"}, 1},
	{[]string{"surpass"}, 1}, {[]string{"surpassed"}, 1}, {[]string{"topped"}, 1},
	{[]string{"no", "more", "than"}, 2}, {[]string{"not", "more", "than"}, 2}, {[]string{"a", "maximum", "of"}, 2},
	{[]string{"just", "under"}, 2}, {[]string{"just", "shy", "of"}, 2}, {[]string{"as", "many", "as"}, 2},
	{[]string{"as", "much", "as"}, 2}, {[]string{"up", "to"}, 2}, {[]string{"fewer", "than"}, 2},
	{[]string{"less", "than"}, 2}, {[]string{"at", "most"}, 2}, {[]string{"close", "to"}, 2},
	{[]string{"almost"}, 2}, {[]string{"nearly"}, 2}, {[]string{"under"}, 2}, {[]string{"below"}, 2},
	{[]string{"an", "estimated"}, 3}, {[]string{"approximately"}, 3}, {[]string{"approx"}, 3},
	{[]string{"about"}, 3}, {[]string{"around"}, 3}, {[]string{"roughly"}, 3}, {[]string{"some"}, 3},
	{[]string{"estimated"}, 3}, {[]string{"circa"}, 3}, {[]string{"~"}, 3}, {[]string{"perhaps"}, 3},
	{[]string{"an", "approximate"}, 3}, {[]string{"reportedly"}, 0},
}

// qualifiersByLength tries the longest phrases first: "no more than"
// before "more than".
var qualifiersByLength = func() []qualPhrase {
	out := make([]qualPhrase, 0, len(qualifiers))
	for n := 3; n >= 1; n-- {
		for _, q := range qualifiers {
			if len(q.words) == n {
				out = append(out, q)
			}
		}
	}
	return out
}()

// qualifier reads the words before the figure and after it (or more, plus).
func (d *doc) qualifier(f *figure) {
	if f.qual == "" {
		for _, q := range qualifiersByLength {
			a := f.a - len(q.words)
			if a < 0 {
				continue
			}
			ok := true
			for k, w := range q.words {
				if d.low(a+k) != w || d.toks[a+k].sent != d.toks[f.a].sent {
					ok = false
					break
				}
			}
			if ok && q.kind != 0 {
				f.qa, f.qkind = a, q.kind
				f.qual = strings.ToLower(d.text[d.toks[a].start:d.toks[f.a-1].end])
				break
			}
		}
	}
	k := f.b
	switch {
	case d.is(k, "or") && (d.is(k+1, "more") || d.is(k+1, "above")), d.is(k, "and") && d.is(k+1, "more"):
		if f.qual == "" || f.qkind == 3 {
			f.qual, f.qkind = "or more", 1
		}
		f.b, f.unitEnd = k+2, k+2
	case d.is(k, "or") && (d.is(k+1, "less") || d.is(k+1, "fewer")):
		if f.qual == "" || f.qkind == 3 {
			f.qual, f.qkind = "or less", 2
		}
		f.b, f.unitEnd = k+2, k+2
	case d.is(k, "or") && d.is(k+1, "so"):
		if f.qual == "" {
			f.qual, f.qkind = "or so", 3
		}
		f.b, f.unitEnd = k+2, k+2
	case d.is(k, "plus") || d.punct(k, '+') && d.toks[k].start == d.toks[k-1].end:
		if f.qual == "" {
			f.qual, f.qkind = "plus", 1
		}
		f.b, f.unitEnd = k+1, k+1
	}
	if f.isRange && f.qkind == 0 {
		f.qkind = 4
	}
}

// measureUnits are units of measure written before a noun: a 16-inch screen.
var measureUnits = set("acre", "acres", "bed", "centimeter", "centimetre", "cm", "degree",
	"degrees", "feet", "floor", "foot", "ft", "gallon", "gallons", "gb", "gram", "hectare",
	"hectares", "horsepower", "inch", "inch-thick", "inches", "kg", "kilogram", "kilometer",
	"kilometers", "kilometre", "kilometre-long", "kilometres", "km", "kph", "kw", "lane", "lb",
	"liter", "litre", "megawatt", "meter", "meters", "metre", "metres", "mile", "mile-long",
	"miles", "millimeter", "millimetre", "mm", "mph", "mw", "ounce", "oz", "percent", "pound",
	"seat", "square", "storey", "story", "tb", "ton", "tonne", "volt", "watt", "yard", "yards")

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

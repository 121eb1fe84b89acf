package extract

import (
	"math"
	"strings"
)

// figures turns the numbers found into Stats with bounds and categories.
// Every quantity is reported, a bare count with category Other: which
// figures matter is the reader's choice (model.Headline and
// model.KeyFigures make it for the badges), not the extractor's.
func (d *doc) figures() []Stat {
	fs := d.scanFigures()
	d.shareUnitForward(fs)
	out := make([]Stat, 0, len(fs))
	for i := range fs {
		f := &fs[i]
		if f.unit == "" && f.currency == "" && !f.percent && i > 0 {
			d.inheritUnit(f, &fs[i-1])
		}
		st := Stat{Value: f.value, Qualifier: f.qual, Vague: f.vague}
		st.Category = d.categorise(f)
		if i > 0 && d.afterIncluding(f.qa-1) && peopleCat(out[len(out)-1].Category) && d.toks[fs[i-1].a].sent == d.toks[f.a].sent && !f.percent && f.currency == "" {
			// "killed seven people, including three police officers": a
			// part of the figure before it, with its category.
			st.Category = out[len(out)-1].Category
		}
		if f.wordOnly && f.value == 1 && !f.isRange && (f.unit == "people" || f.unit == "troops") && !peopleCat(st.Category) {
			// "One resident told reporters", "a notebook from one
			// victim": one person nothing befell is a way to say "a",
			// not a figure. "One soldier was killed" stays.
			continue
		}
		switch {
		case f.currency != "":
			st.Unit = f.currency
		case f.percent:
			st.Unit = "percent"
		default:
			st.Unit = f.unit
		}
		if st.Unit == "" && peopleCat(st.Category) {
			st.Unit = "people"
		}
		v := tidy(f.value)
		st.Value = v
		switch {
		case f.isRange:
			hi := tidy(f.hi)
			st.Lower, st.Upper = &v, &hi
		case f.vague || f.qkind == 1:
			st.Lower = &v
		case f.qkind == 2:
			st.Upper = &v
		case f.qkind == 3:
		default:
			u := v
			st.Lower, st.Upper = &v, &u
		}
		end := f.unitEnd
		if f.b > end {
			end = f.b
		}
		st.Start = d.toks[f.qa].start
		st.End = d.toks[end-1].end
		if f.percent && f.unitEnd > f.b {
			st.End = d.toks[f.unitEnd-1].end
		}
		st.Text = d.text[st.Start:st.End]
		out = append(out, st)
	}
	return out
}

// afterIncluding reports whether token k is "including", or the comma
// closing an aside right after it: "killed 62, including, according to
// officials, 54 children".
func (d *doc) afterIncluding(k int) bool {
	if d.is(k, "including") {
		return true
	}
	if !d.punct(k, ',') {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-8 && d.toks[j].sent == d.toks[k].sent; j-- {
		if d.punct(j, ',') {
			return d.is(j-1, "including")
		}
	}
	return false
}

// tidy removes the binary noise of a decimal times a scale: 4.1 billion
// is 4100000000, not 4099999999.9999995.
func tidy(v float64) float64 {
	if v >= 1000 || v <= -1000 {
		if r := math.Round(v); math.Abs(v-r) < 1e-6*math.Abs(v) {
			return r
		}
	}
	return v
}

// shareUnitForward gives a bare number the unit of the number that follows
// it after "and" or "or": "15 and 20 years", "5 or 10 percent", "3 and 4
// km". The two figures stay apart; only the noun is shared.
func (d *doc) shareUnitForward(fs []figure) {
	for i := 0; i+1 < len(fs); i++ {
		f, g := &fs[i], &fs[i+1]
		if f.unit != "" || f.currency != "" || f.percent || f.unitEnd != f.b || f.isRange || f.age {
			continue
		}
		if !(d.is(f.b, "and") || d.is(f.b, "or")) || g.qa != f.b+1 || g.unit == "" && g.currency == "" && !g.percent {
			continue
		}
		f.unit, f.currency, f.percent, f.dur, f.measure, f.age, f.force = g.unit, g.currency, g.percent, g.dur, g.measure, g.age, g.force
	}
}

// inheritUnit gives a bare number the noun of the figure before it in an
// elliptical coordination: "Nearly 2,000 homes were destroyed and a
// further 5,400 damaged", "12 of the 48 trucks".
func (d *doc) inheritUnit(f, prev *figure) {
	if prev.unit == "" || prev.dur || prev.currency != "" || prev.percent || f.dur {
		return
	}
	if d.toks[prev.a].sent != d.toks[f.a].sent || prev.unitEnd > f.qa || f.qa-prev.unitEnd > 12 {
		return
	}
	// Only "a further 5,400", "another 30", or "and 5,400 damaged": a
	// bare number before a participle. Elsewhere (box scores, recipes) a
	// bare number after a figure is a different thing.
	p := f.qa - 1
	more := false
	for p > prev.unitEnd && (d.is(p, "further") || d.is(p, "another") || d.is(p, "additional") || d.is(p, "a") || d.is(p, "an")) {
		more = more || !d.is(p, "a") && !d.is(p, "an")
		p--
	}
	if !(d.is(p, "and") || d.punct(p, ',') || d.is(p, "while") || d.is(p, "but")) || f.value <= 1 {
		return
	}
	if w := d.lowAt(f.b); !more && !(d.isWord(f.b) && !d.toks[f.b].cap && strings.HasSuffix(w, "ed")) {
		return
	}
	f.unit = prev.unit
}

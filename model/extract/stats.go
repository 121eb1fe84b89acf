package extract

import "math"

// figures turns the numbers found into Stats with bounds and categories.
// With keepBare false it drops bare numbers: no unit, no currency or
// percent sign, no event word near them ("seating for four", table cells,
// sports scores). They are the bulk of false figures in news text and
// carry nothing a reader of conflict news can use. The number-suite test
// keeps them, since it measures recognition alone.
func (d *doc) figures(keepBare bool) []Stat {
	fs := d.scanFigures()
	out := make([]Stat, 0, len(fs))
	for i := range fs {
		f := &fs[i]
		st := Stat{Value: f.value, Qualifier: f.qual, Vague: f.vague}
		st.Category = d.categorise(f)
		if !keepBare && st.Category == Other && f.unit == "" && f.currency == "" && !f.percent && !f.vague && !f.scaled {
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
		if st.Unit == "" {
			switch st.Category {
			case Killed, Injured, Displaced, Refugees, Detained, Missing, AtRisk:
				st.Unit = "people"
			}
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

package extract

// Speaker candidates: the rules propose, the ranker chooses. For each
// quotation the candidates are what the attribution rules found, the
// speaker of the quotation before, the names outside quotations in the
// quotation's sentence and the sentences either side of it, and the
// person a nearby he or she stands for. A name met several times counts
// once, at its nearest place, with every source that proposed it.

// candSource is a bit set of where a candidate came from.
type candSource uint8

const (
	srcRule    candSource = 1 << iota // the attribution rules chose it
	srcPrev                           // the previous quotation's speaker
	srcRun                            // a name near the quotation
	srcPronoun                        // the antecedent of a nearby he/she
)

// cand is one possible speaker of a quotation.
type cand struct {
	w   who
	src candSource
	ri  int // the run of its nearest mention, or -1
	tok int // token of its nearest mention (the pronoun for srcPronoun), or -1
	// rank is how many other candidates stand nearer on the same side.
	rank int
}

// quoteCtx is what the candidates of one quotation are measured against.
type quoteCtx struct {
	k      int // quotation index
	a, b   int // its tokens [a,b), marks included
	rule   who // what the rules chose (found with an empty name: "a spokesman said")
	prev   who // the speaker the rules gave the quotation before, in this paragraph or the one before
	prevK  int // that quotation, or -1
	sentLo int32
	sentHi int32
}

// maxCands bounds the candidates of one quotation: the nearest names win.
const maxCands = 12

// speakerCandidates lists the candidates of quotation k.
func (d *doc) speakerCandidates(qc *quoteCtx, buf []cand) (out []cand) {
	out = buf[:0]
	add := func(c cand) {
		if c.w.name == "" {
			return
		}
		for i := range out {
			if out[i].w.name == c.w.name {
				out[i].src |= c.src
				if c.ri >= 0 && (out[i].ri < 0 || d.tokDist(qc, c.tok) < d.tokDist(qc, out[i].tok)) {
					out[i].ri, out[i].tok = c.ri, c.tok
				}
				if out[i].w.role == "" {
					out[i].w.role = c.w.role
				}
				return
			}
		}
		if len(out) < maxCands {
			if c.tok >= 0 {
				for i := range out {
					if out[i].tok >= 0 && (out[i].tok < qc.a) == (c.tok < qc.a) {
						c.rank++
					}
				}
			}
			out = append(out, c)
		}
	}
	defer func() { out = d.agreeWithPronoun(qc, out) }()
	if qc.rule.name != "" {
		add(cand{w: qc.rule, src: srcRule, ri: -1, tok: -1})
	}
	if qc.prev.name != "" {
		add(cand{w: qc.prev, src: srcPrev, ri: -1, tok: -1})
	}
	// Names and pronouns outside quotations, nearest first: the
	// quotation's sentence, then one sentence either side.
	lo, hi := d.sentBounds(qc)
	d.order = d.nearOrder(qc, lo, hi, d.order[:0])
	for _, j := range d.order {
		t := d.toks[j]
		if t.kind != tWord || t.quote >= 0 {
			continue
		}
		if ri := d.runAt[j]; ri >= 0 && d.runs[ri].a == j {
			r := d.runs[ri]
			if r.kind == entPlace || r.kind == entTitle || r.inQ || d.notASpeaker(r) {
				continue
			}
			w := d.whoOfRunBare(int(ri))
			add(cand{w: w, src: srcRun, ri: int(ri), tok: j})
			continue
		}
		if !t.cap || j == 0 || d.toks[j-1].sent != t.sent {
			var g int8
			switch d.low(j) {
			case "he":
				g = 1
			case "she":
				g = 2
			}
			if g != 0 {
				w := d.pronoun(t.start, g)
				add(cand{w: w, src: srcPronoun, ri: -1, tok: j})
			}
		}
	}
	return out
}

// sentBounds is the token range of the sentences around a quotation: the
// one before its opening, its own, and the one after its closing.
func (d *doc) sentBounds(qc *quoteCtx) (int, int) {
	lo := qc.a
	s := d.toks[qc.a].sent - 1
	for lo > 0 && d.toks[lo-1].sent >= s && d.toks[lo-1].para >= d.toks[qc.a].para-1 {
		lo--
	}
	hi := qc.b
	e := d.toks[qc.b-1].sent + 1
	for hi < len(d.toks) && d.toks[hi].sent <= e && d.toks[hi].para == d.toks[qc.b-1].para {
		hi++
	}
	return lo, hi
}

// nearOrder lists the tokens of [lo,hi) outside the quotation, nearest to
// it first, the side after the quotation first at equal distance (news
// attributes after the quote more often than before).
func (d *doc) nearOrder(qc *quoteCtx, lo, hi int, out []int) []int {
	l, r := qc.a-1, qc.b
	for l >= lo || r < hi {
		if r < hi {
			out = append(out, r)
			r++
		}
		if l >= lo {
			out = append(out, l)
			l--
		}
	}
	return out
}

// tokDist is how many tokens lie between token j and the quotation.
func (d *doc) tokDist(qc *quoteCtx, j int) int {
	switch {
	case j < 0:
		return 1 << 20
	case j < qc.a:
		return qc.a - j
	case j >= qc.b:
		return j - qc.b + 1
	}
	return 0
}

// notASpeaker rules out capitalised words that never speak: a month or a
// weekday, or a single common word opening its sentence ("Calling it …",
// "Along with …", "Early in her career").
func (d *doc) notASpeaker(r nameRun) bool {
	if r.words != 1 {
		return false
	}
	w := d.low(r.na)
	if _, ok := months[w]; ok || weekdays[w] {
		return true
	}
	return r.initial && r.na == r.a && !maleNames[w] && !femaleNames[w] && (commonOpener(w) || functionCaps[w])
}

var weekdays = set("friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday")

// agreeWithPronoun drops the candidates a "he said" or "she said" next to
// the quotation rules out: a person of the other gender, or a body.
func (d *doc) agreeWithPronoun(qc *quoteCtx, cands []cand) []cand {
	g := d.attributionPronoun(qc)
	if g == 0 {
		return cands
	}
	keep := cands[:0]
	for _, c := range cands {
		cg := c.w.gender
		if cg == 0 && !c.w.org {
			cg = d.genderOf(c.w.name)
		}
		if c.w.org || cg != 0 && cg != g {
			continue
		}
		keep = append(keep, c)
	}
	return keep
}

// attributionPronoun is the gender of a he or she that attributes the
// quotation: within three tokens after it (“Q,” she said) or just before
// it (she said: “Q”). 0 when there is none.
func (d *doc) attributionPronoun(qc *quoteCtx) int8 {
	para := d.toks[qc.a].para
	look := func(j int) int8 {
		if j < 0 || j >= len(d.toks) || d.toks[j].para != para || !d.isWord(j) {
			return 0
		}
		switch d.low(j) {
		case "he":
			return 1
		case "she":
			return 2
		}
		return 0
	}
	for j := qc.b; j < qc.b+3; j++ {
		if g := look(j); g != 0 {
			return g
		}
	}
	for j := qc.a - 1; j >= qc.a-3; j-- {
		if g := look(j); g != 0 && d.isWord(j+1) && speechVerbs[d.low(j+1)] {
			return g
		}
	}
	return 0
}

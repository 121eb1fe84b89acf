package extract

import "strings"

// Speakers after a speech verb: “Q,” said Stephanie Grisham; said
// planetary geologist Rosaly Lopes; said the company; said a report from
// Kotak Institutional Equities.

// npForward reads a speaker after a speech verb: “Q,” said Stephanie Grisham.
func (d *doc) npForward(i, _ int) who {
	for i < len(d.toks) && d.isWord(i) && (d.is(i, "the") || d.is(i, "a") || d.is(i, "an")) {
		i++
	}
	if !d.isWord(i) {
		return who{}
	}
	if w, ok := d.kinThenName(i); ok {
		return w
	}
	if w, ok := d.possessorsRoleName(i); ok {
		return w
	}
	if w, ok := d.bodysRoleName(i); ok {
		return w
	}
	if w, ok := d.describedThenNamed(i); ok {
		return w
	}
	i = d.skipLowerRole(i)
	if ri := d.runAt[i]; ri >= 0 {
		return d.runForward(ri)
	}
	return d.wordForward(i)
}

// kinThenName handles the name in apposition to a description of a
// person: "according to his aunt, Jane Starner,".
func (d *doc) kinThenName(i int) (who, bool) {
	k := i
	if d.toks[k].cap && !d.in(k, determiners) {
		return who{}, false
	}
	for k < len(d.toks) && k < i+4 && d.isWord(k) && !d.toks[k].cap {
		k++
	}
	if k > i && d.punct(k, ',') && personNouns[d.low(k-1)] || k > i && d.punct(k, ',') && (maleKin[d.low(k-1)] || femaleKin[d.low(k-1)]) {
		if ri := d.runAt[k+1]; ri >= 0 && d.runs[ri].a == k+1 && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && d.runs[ri].kind != entTitle {
			return d.whoOfRun(int(ri)), true
		}
	}
	return who{}, false
}

// possessorsRoleName handles a name after someone's role: "writes
// Huber's longtime tag team partner Erick Rowan": the possessive names
// whose partner, the name after the role words speaks.
func (d *doc) possessorsRoleName(i int) (who, bool) {
	ri := d.runAt[i]
	if ri < 0 || d.runs[ri].a != i {
		return who{}, false
	}
	if c := d.runs[ri].b; !d.possessive(c-1) && d.punct(c, ',') && c+1 < len(d.toks) {
		// A body named in two parts: "University of California, San
		// Diego's chancellor".
		if r2 := d.runAt[c+1]; r2 >= 0 && d.runs[r2].a == c+1 {
			ri = r2
		}
	}
	if !d.possessive(d.runs[ri].b - 1) {
		return who{}, false
	}
	k := d.runs[ri].b
	if k < len(d.toks) && d.toks[k].kind == tPunct && (d.text[d.toks[k].start] == '\'' || strings.HasPrefix(d.text[d.toks[k].start:], "’")) {
		k++ // the apostrophe after "Edmunds'"
	}
	n := 0
	for k < len(d.toks) && n < 5 && d.isWord(k) && !d.toks[k].cap {
		k++
		n++
	}
	if n == 0 || !roleLike(d.low(k-1)) && !personNouns[d.low(k-1)] && !maleKin[d.low(k-1)] && !femaleKin[d.low(k-1)] {
		return who{}, false
	}
	if d.punct(k, ',') {
		k++ // "the university's chancellor, Pradeep Khosla"
	}
	if k >= len(d.toks) {
		return who{}, false
	}
	pi := d.runAt[k]
	if pi < 0 || d.runs[pi].a != k || d.runs[pi].kind == entPlace || d.runs[pi].kind == entOrg {
		return who{}, false
	}
	w := d.whoOfRun(int(pi))
	return w, w.name != ""
}

// bodysRoleName handles a name after a body and a role in lower case:
// "according to Samoa Observer editor Keni Lesa", "said Reuters reporter
// Jane Roe": the person speaks, not the body.
func (d *doc) bodysRoleName(i int) (who, bool) {
	w, _, ok := d.bodysRoleNameEnd(i)
	return w, ok
}

// bodysRoleNameEnd is bodysRoleName with the end of the name's run.
func (d *doc) bodysRoleNameEnd(i int) (who, int, bool) {
	ri := d.runAt[i]
	if ri < 0 || d.runs[ri].a != i || d.possessive(d.runs[ri].b-1) || d.runs[ri].kind == entPerson || d.runs[ri].gender != 0 {
		return who{}, 0, false
	}
	k := d.runs[ri].b
	n := 0
	for k < len(d.toks) && n < 3 && d.isWord(k) && !d.toks[k].cap {
		if prepositions[d.low(k)] || determiners[d.low(k)] {
			return who{}, 0, false // "Ryan Cloutier of the Harvard Center": no role
		}
		k++
		n++
	}
	if n == 0 || k >= len(d.toks) {
		return who{}, 0, false
	}
	if w := d.low(k - 1); !roleLike(w) && !titles[w] {
		return who{}, 0, false
	}
	pi := d.runAt[k]
	if pi < 0 || d.runs[pi].a != k || d.runs[pi].kind == entPlace || d.runs[pi].kind == entOrg || d.runs[pi].kind == entTitle {
		return who{}, 0, false
	}
	w := d.whoOfRun(int(pi))
	return w, d.runs[pi].b, w.name != "" && !w.org
}

// describedThenNamed handles a described person named at the end of the
// sentence, after a comma: "said another witness in the impeachment
// probe, former White House Russia adviser Fiona Hill.".
func (d *doc) describedThenNamed(k int) (who, bool) {
	if d.toks[k].cap || !(personNouns[d.low(k)] || (d.is(k, "another") || d.is(k, "one")) && personNouns[d.low(k+1)]) {
		return who{}, false
	}
	c := k + 1
	for c < len(d.toks) && c < k+10 && d.isWord(c) && !d.toks[c].cap {
		c++
	}
	for c < len(d.toks) && c < k+14 && d.isWord(c) && d.toks[c].sent == d.toks[k].sent {
		c++ // "of the Eurasia Group": capitalised words of a body
	}
	if !d.punct(c, ',') {
		return who{}, false
	}
	for e := c + 1; e < len(d.toks) && e < c+12 && d.toks[e].sent == d.toks[k].sent && d.isWord(e); e++ {
		ri := d.runAt[e]
		if ri < 0 || d.runs[ri].a != e {
			continue
		}
		r := d.runs[ri]
		if !(d.punct(r.b, '.') || d.punct(r.b, ',')) {
			e = r.b - 1 // "White House Russia adviser": a modifier of the role
			continue
		}
		if r.b-r.na < 2 {
			break
		}
		if w := d.whoOfRun(int(ri)); w.name != "" && !w.org && (w.person || w.gender != 0) {
			return w, true
		}
		break
	}
	return who{}, false
}

// skipLowerRole skips the lower-case words of a role before the name:
// "said planetary geologist Rosaly Lopes", "wrote 43-year-old Martin
// Taylor" (an age is a person's too). It returns the name's first token,
// or i.
func (d *doc) skipLowerRole(i int) int {
	if d.runAt[i] >= 0 || d.toks[i].cap {
		return i
	}
	k := i
	for k < len(d.toks) && k < i+5 && d.isWord(k) && !d.toks[k].cap && d.runAt[k] < 0 && !functionCaps[d.low(k)] && !speechVerbs[d.low(k)] {
		k++
	}
	if k > i && k < len(d.toks) && d.runAt[k] >= 0 && d.runs[d.runAt[k]].a == k && (personNouns[d.low(k-1)] || personTitles[d.low(k-1)] || roleLike(d.low(k-1)) || strings.HasSuffix(d.low(k-1), "-year-old")) {
		return k
	}
	return i
}

// runForward reads the speaker when a run of capitals, ri, follows the
// speech verb: the name with its apposition as the role, or the body of
// "the US military", or the person after "NASA administrator".
func (d *doc) runForward(ri int32) who {
	r := d.runs[ri]
	// A lower-case org noun after the run: "the US military".
	if d.isWord(r.b) && !d.toks[r.b].cap && orgNouns[d.low(r.b)] {
		return who{name: d.text[d.toks[r.na].start:d.toks[r.b].end], found: true, org: true}
	}
	if r.kind != entPerson && r.gender == 0 {
		if w, ok := d.bodyRoleName(r); ok {
			return w
		}
	}
	nb := r.b
	if d.punct(nb, '.') && dottedInitials(d.word(nb-1)) {
		nb++ // the period of "an F.B.I. agent"
	}
	if d.isWord(nb) && !d.toks[nb].cap && (personNouns[d.low(nb)] || roleLike(d.low(nb))) && r.kind != entPerson {
		// "a Taliban spokesman", "an F.B.I. agent": unless a name follows.
		if k := nb + 1; k < len(d.toks) && d.runAt[k] >= 0 {
			return d.whoOfRun(int(d.runAt[k]))
		}
		return who{found: true}
	}
	w := d.whoOfRun(int(ri))
	if w.name != "" && d.punct(r.b, ',') && w.role == "" {
		if e := d.appositionEnd(r.b); e > 0 {
			w.role = d.roleText(r.b+1, e)
		} else if d.isWord(r.b+1) && roleStart[d.low(r.b+1)] {
			e := r.b + 1
			for e < len(d.toks) && d.toks[e].sent == d.toks[r.b].sent && d.toks[e].kind == tWord {
				e++
			}
			w.role = d.roleText(r.b+1, e)
		}
	}
	return w
}

// bodyRoleName handles a body, a lower-case role and the person's name
// after the verb: "responded NASA administrator Jim Bridenstine".
func (d *doc) bodyRoleName(r nameRun) (who, bool) {
	k := r.b
	for k < len(d.toks) && k < r.b+2 && d.isWord(k) && !d.toks[k].cap && !functionCaps[d.low(k)] && !speechVerbs[d.low(k)] {
		k++
	}
	if k > r.b && k < len(d.toks) && d.toks[k].sent == d.toks[r.a].sent {
		if pi := d.runAt[k]; pi >= 0 && d.runs[pi].a == k && d.runs[pi].b-d.runs[pi].na >= 2 {
			// "said UCL astronomer Angelos Tsiaras": a role noun
			// between makes the second name a person's even when
			// the first name is one the lists do not know.
			if w := d.whoOfRun(int(pi)); w.name != "" && !w.org && (w.person || w.gender != 0 || roleLike(d.low(k-1))) {
				return w, true
			}
		}
	}
	return who{}, false
}

// wordForward reads a speaker after the verb that is no name: he or she,
// "said the company.", "said the actor.", "said a report from …";
// anyone else ("a spokesman for the UN", "officials") is unnamed.
func (d *doc) wordForward(i int) who {
	w := d.low(i)
	if w == "he" || w == "she" {
		g := int8(1)
		if w == "she" {
			g = 2
		}
		r := d.pronoun(d.toks[i].start, g)
		r.found = true
		return r
	}
	if d.is(i-1, "the") && !d.toks[i].cap && genericBodies[w] && !d.isWord(i+1) {
		// "said the company.": the body last named nearby.
		return d.orgRef(w, i)
	}
	if d.is(i-1, "the") && !d.toks[i].cap && descNoun(w) && !d.isWord(i+1) {
		// "said the actor.": the person last named as one.
		return d.titleRef(w, i)
	}
	if reportNouns[w] {
		// "said a report from Kotak Institutional Equities", "according
		// to a tweet on Monday by Mike Pompeo"
		for k := i + 1; k < len(d.toks) && k < i+5 && d.toks[k].sent == d.toks[i].sent; k++ {
			if (d.is(k, "from") || d.is(k, "by") || d.is(k, "of")) && k+1 < len(d.toks) {
				if w := d.npForward(k+1, 0); w.name != "" {
					return w
				}
				break
			}
		}
		r := d.issuer(w, i)
		r.found = true
		return r
	}
	return who{found: true}
}

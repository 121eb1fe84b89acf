package extract

import "strings"

// Subjects set off by commas before a speech verb: the name as the
// apposition ("Egypt's foreign minister, Nabil Farouk, warned"), the name
// before an apposition ("Ian Bremmer, the president of the Eurasia group,
// told") and an age ("Fatima Ali, 34, said").

// commaSubject finds the subject of a speech verb whose subject ends in
// the comma at token j.
func (d *doc) commaSubject(j, lo int) who {
	if r, ok := d.nameAsApposition(j, lo); ok {
		return r
	}
	// "Jane Roe, Dean of Springfield Law School, called": a title run
	// set off by commas after the name.
	if ri := d.runAt[j-1+boolInt(j == 0)]; j > 0 && ri >= 0 && d.runs[ri].b == j {
		if r, ok := d.titledApposition(d.runs[ri], lo); ok {
			return r
		}
	}
	// An age: "Fatima Ali, 34, said".
	if j >= 3 && d.isWord(j-1) && isDigit(rune(d.text[d.toks[j-1].start])) && d.punct(j-2, ',') && d.runAt[j-3] >= 0 && d.runs[d.runAt[j-3]].b == j-2 {
		return d.whoOfRun(int(d.runAt[j-3]))
	}
	return d.appositionBefore(j, lo)
}

// nameAsApposition handles the name as the apposition of a description
// of a person: "Egypt's foreign minister, Nabil Farouk, warned".
func (d *doc) nameAsApposition(j, lo int) (who, bool) {
	ri := d.runAt[j-1+boolInt(j == 0)]
	if j > 0 && ri >= 0 && d.runs[ri].b == j && d.punct(d.runs[ri].a-1, ',') && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && d.runs[ri].kind != entTitle && (d.runs[ri].na == d.runs[ri].a || d.runs[ri].words >= 2) {
		n := 0
		for p := d.runs[ri].a - 2; p >= lo && n < 12; p-- {
			if d.punct(p, ')') {
				// "The general secretary of the RMT union (National
				// Union of …), Mick Cash, said": skip the bracket.
				for p > lo && p > d.runs[ri].a-30 && !d.punct(p, '(') {
					p--
				}
				continue
			}
			if d.punct(p, '.') && p > lo && d.isWord(p-1) && d.toks[p-1].end == d.toks[p].start {
				continue // the period of "U.S."
			}
			if !d.isWord(p) {
				break
			}
			n++
			w := d.low(p)
			for _, pre := range [...]string{"then-", "ex-", "former-"} {
				w = strings.TrimPrefix(w, pre) // "The then-manager of …, David Clay, called"
			}
			if !d.toks[p].cap && personNouns[w] || wordBits[stem(w)]&(bPersonTitle|bRoleTitle|bOccupation|bLeadRole) != 0 {
				// "A Republican Assemblywoman, Jill Tolles, also
				// commented", "The Senate Minority Leader, Chuck Schumer,
				// said": a role, in capitals or not.
				return d.whoOfRun(int(ri)), true
			}
		}
	}
	return who{}, false
}

// appositionBefore handles the name before an apposition that ends in
// the comma at j: "Ian Bremmer, the president of the Eurasia group,
// told". A long apposition may hold commas of its own ("… in Munich,
// Germany, and co-author of the study, said"): it walks back over them to
// the comma that follows a name.
func (d *doc) appositionBefore(j, lo int) who {
	for c := j - 1; c >= lo && c > j-45; c-- {
		if d.punct(c, ',') {
			if d.isWord(c+1) && (roleStart[d.low(c+1)] || d.is(c+1, "which") || d.toks[c+1].cap && d.possessive(c+1)) {
				if c > lo && (d.runAt[c-1] >= 0 || c+1 == j-1 || c > j-25) {
					r := d.npBackward(c-1, lo)
					if r.found && r.name != "" && r.role == "" {
						r.role = d.roleText(c+1, j)
					}
					if r.found || c <= j-25 {
						return r
					}
				}
			}
			if c <= j-25 || d.runAt[c-1+boolInt(c == 0)] < 0 && c < j-1 && !d.isWord(c+1) {
				break
			}
			continue
		}
		if d.toks[c].kind == tQuote {
			break
		}
	}
	return who{}
}

// appositionHead handles a subject whose apposition lacks its closing comma:
// "Ian Bremmer, the president of the Eurasia group told". Walking back from
// j over words only, it looks for a comma followed by a role that names a
// person's function, and returns the name before that comma.
func (d *doc) appositionHead(j, lo int) (who, bool) {
	role := false
	for c := j; c >= lo && c > j-16; c-- {
		if d.toks[c].kind == tWord {
			w := d.low(c)
			if !d.toks[c].cap && (personNouns[w] || personTitles[w]) {
				role = true
			}
			continue
		}
		if !d.punct(c, ',') || !role || !d.isWord(c+1) || !roleStart[d.low(c+1)] {
			return who{}, false
		}
		if ri := d.runAt[c-1+boolInt(c == 0)]; c > 0 && ri >= 0 && d.runs[ri].b == c && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && !d.in(d.runs[ri].a-1, prepositions) {
			w := d.whoOfRun(int(ri))
			if w.name != "" {
				w.role = d.roleText(c+1, j+1)
				return w, true
			}
		}
		return who{}, false
	}
	return who{}, false
}

package extract

import "strings"

// Whether a name run is the subject of the verb after it (r.subj) and
// whether that verb is a speech verb (r.speech). Attribution trusts these
// marks when it looks for a quotation's speaker.

// clauseRole marks the run as a subject, and as a speaker when its verb
// is a speech verb.
func (d *doc) clauseRole(r *nameRun) {
	// "…, says Richard Locksley, an immunologist …": a name right after
	// a speech verb that takes the inverted subject is its speaker.
	if p := r.a - 1; d.isWord(p) && !d.toks[p].cap && inversionVerbs[d.low(p)] && (d.punct(r.b, ',') || d.punct(r.b, '.')) {
		r.subj, r.speech = true, true
		return
	}
	// "Jeanine Pirro’s comments": a possessive modifies the noun after
	// it, which is no verb of the name's.
	if isPossessive(d.word(r.b - 1)) {
		return
	}
	k := d.skipAfterName(r)
	finite := false
	for d.isWord(k) && auxiliaries[d.low(k)] {
		finite = finite || finiteAux[d.low(k)]
		k++
	}
	// After a preposition, an article or "than" a name is a modifier or
	// in a subordinate comparison: "than Rose-Lynn Harlan has ever been".
	afterPrep := d.isWord(r.a-1) && !d.toks[r.a-1].cap && (d.low(r.a-1) == "a" || d.low(r.a-1) == "an" || d.low(r.a-1) == "than" || prepositions[d.low(r.a-1)])
	// "the murder of journalist Jamal Khashoggi": a role noun between the
	// preposition and the name leaves the name the preposition's object.
	afterPrep = afterPrep || d.isWord(r.a-1) && !d.toks[r.a-1].cap && roleLike(d.low(r.a-1)) && d.isWord(r.a-2) && prepositions[d.low(r.a-2)]
	// "at London's Royal Veterinary College, questioned": so does a
	// possessor between them.
	if p := r.a - 1; d.possessive(p) && d.toks[p].cap {
		for p > 0 && d.isWord(p-1) && d.toks[p-1].cap && d.toks[p-1].sent == d.toks[r.a].sent {
			p--
		}
		afterPrep = afterPrep || d.isWord(p-1) && !d.toks[p-1].cap && prepositions[d.low(p-1)]
	}
	// "at the United States think tank": so does "the" between them.
	afterPrep = afterPrep || d.is(r.a-1, "the") && d.isWord(r.a-2) && !d.toks[r.a-2].cap && prepositions[d.low(r.a-2)]
	if finite && !afterPrep && d.isWord(k) && !d.toks[k].cap && d.toks[k].sent == d.toks[r.a].sent {
		// "Johnson is under fire", "Corbyn has long been": a finite
		// verb after the name makes it the subject, whatever follows.
		r.subj = true
		r.speech = speechVerbs[d.low(k)]
		return
	}
	if afterPrep {
		// "in an Oliver Sacks kind of way": a name used as a modifier.
		return
	}
	if d.objectOfVerbBefore(r) {
		return
	}
	if d.is(k, "and") && d.isWord(k+1) && !d.toks[k+1].cap {
		// "Wong and three of his co-authors have started": the first of
		// two subjects, the other no name.
		for e := k + 2; e < k+8 && d.isWord(e) && !d.toks[e].cap && d.toks[e].sent == d.toks[r.a].sent; e++ {
			if finiteAux[d.low(e)] {
				r.subj = true
				return
			}
		}
	}
	if d.isWord(k) && !d.toks[k].cap && d.toks[k].sent == d.toks[r.a].sent {
		switch d.low(k) {
		case "of", "and", "or", "in", "at", "on", "for", "with", "to", "from", "by", "into", "near", "under",
			"last", "next", "this", "ago", "earlier", "later", "yesterday", "today", "since", "until", "during":
		default:
			r.subj = true
			r.speech = speechVerbs[d.low(k)]
		}
	}
}

// objectOfVerbBefore handles "he emailed Gaiman about …", "told Benioff":
// the run is the object of the verb before, not the subject of what
// follows.
func (d *doc) objectOfVerbBefore(r *nameRun) bool {
	p := r.a - 1
	return d.isWord(p) && !d.toks[p].cap && d.toks[p].sent == d.toks[r.a].sent && !namingVerbs[d.low(p)] &&
		(objectVerbs[d.low(p)] || strings.HasSuffix(d.low(p), "ed") && len(d.low(p)) > 4)
}

// skipAfterName returns the token where the run's verb may start, past a
// bracket, an age, an aside or an apposition after the name.
func (d *doc) skipAfterName(r *nameRun) int {
	k := d.skipNameBracket(r)
	// "Mohammad bin Salman of Saudi Arabia accepted", "Marc Ouellet of
	// the Holy See said": where the person is from is no part of the
	// clause.
	if k == r.b && d.is(k, "of") && d.toks[k].sent == d.toks[r.a].sent {
		e := k + 1
		if d.is(e, "the") {
			e++
		}
		// Capitalised words only: the runs after this one are not made
		// yet.
		f := e
		for d.isWord(f) && d.toks[f].cap && d.toks[f].sent == d.toks[r.a].sent && f < e+6 {
			f++
		}
		if f > e {
			k = f
		}
	}
	// ", 54," an age; ", the governor," an apposition; ", said" a verb
	// after an apposition that ended before the name.
	if d.punct(k, ',') && d.isWord(k+1) && (isDigit(rune(d.text[d.toks[k+1].start])) || parentheticals[d.low(k+1)]) && d.punct(k+2, ',') {
		k += 3 // ", 54," an age; ", however," an aside
	}
	if d.punct(k, ',') && d.isWord(k+1) && finiteAux[d.low(k+1)] && !d.toks[k+1].cap {
		// "Since then, a Republican, Mark Amodei, has voiced": the comma
		// closes an apposition that opened before the name.
		return k + 1
	}
	if d.punct(k, ',') {
		if e := d.appositionEnd(k); e > 0 {
			k = e
			if d.punct(k, ',') {
				k++
			}
			// "X, a security official, on Tuesday told": a day between
			// the apposition and the verb.
			if d.is(k, "on") && d.isWord(k+1) && weekdays[d.low(k+1)] {
				k += 2
			} else if d.is(k, "yesterday") || d.is(k, "today") || d.is(k, "earlier") || d.is(k, "later") {
				k++
			}
		} else if d.isWord(k+1) && speechVerbs[d.low(k+1)] {
			k++
		} else if d.isWord(k+1) && !d.toks[k+1].cap && (strings.HasSuffix(d.low(k+1), "ing") || prepositions[d.low(k+1)] || asideOpeners[d.low(k+1)]) {
			k = d.skipAside(k)
		}
	}
	return k
}

// skipNameBracket skips a bracket after the name, no part of the clause:
// "Rep. Robert Aderholt (R-AL), ranking member". It returns the token
// after the bracket, or the run's end.
func (d *doc) skipNameBracket(r *nameRun) int {
	k := r.b
	if d.punct(k, '(') {
		// Up to 24 tokens: the bracket may list titles in quotation
		// marks ("filmmaker Charlie McDowell (“The Discovery,” “The One I
		// Love”), also remembers").
		for e := k + 1; e < len(d.toks) && e < k+24 && d.toks[e].sent == d.toks[r.a].sent; e++ {
			if d.punct(e, ')') {
				k = e + 1
				break
			}
		}
	}
	return k
}

// skipAside skips an aside between the subject and its verb that starts
// at the comma k: "Okoro, speaking at a rally on Sunday, urged calm",
// "Young, in his testimony, didn't". It returns the word after the
// closing comma, or k when there is none.
func (d *doc) skipAside(k int) int {
	for e := k + 2; e < len(d.toks) && e < k+25 && d.toks[e].sent == d.toks[k].sent && d.toks[e].kind != tQuote; e++ {
		if d.punct(e, ',') {
			if d.isWord(e+1) && !d.toks[e+1].cap {
				return e + 1
			}
			break
		}
	}
	return k
}

// appositionEnd returns the end (exclusive) of the apposition that starts
// at the comma c: the closing comma, or the speech verb when the closing
// comma is missing. It returns -1 when there is none.
func (d *doc) appositionEnd(c int) int {
	if !d.isWord(c+1) || !(roleStart[d.low(c+1)] || d.possessive(c+1) && d.toks[c+1].cap) {
		return -1
	}
	relative := false // "a former minister who was jailed": a clause inside the apposition
	for k := c + 1; k < len(d.toks) && k < c+25; k++ {
		t := d.toks[k]
		if t.sent != d.toks[c].sent || t.kind == tQuote {
			return -1
		}
		if d.punct(k, ',') {
			return k
		}
		if d.is(k, "who") || d.is(k, "which") || d.is(k, "that") || d.is(k, "whose") {
			relative = true
		}
		if t.kind == tWord && finiteAux[d.low(k)] && !d.toks[k].cap && !relative {
			return -1 // "According to Castan, the two sides have agreed": a clause, not an apposition
		}
		if t.kind == tWord && speechVerbs[d.low(k)] && !d.toks[k].cap && k > c+2 {
			return k // "Ian Bremmer, the president of the Eurasia group told"
		}
	}
	return -1
}

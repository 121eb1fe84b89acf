package extract

import "strings"

// What a name run names, where its title ends, and whether it is the
// subject of the verb after it. classify runs the rules in order; each
// rule handles one shape of text.

// classify splits a run into title and name and guesses what it names.
func (d *doc) classify(r *nameRun) {
	all := d.allPlaceWords(r)
	d.splitTitle(r)
	d.noTitleBeforeOneWord(r)
	if d.bodyOfOrFor(r) {
		return
	}
	d.nameStart(r)
	if d.namelessRun(r, all) {
		return
	}
	d.kindFromNameWords(r)
	d.genderFromTitles(r)
	d.trimLead(r)
	d.genderFromFirstName(r)
	d.clauseRole(r)
}

// allPlaceWords reports whether every word of the run is a place, a
// nationality, "of" or "the": "the United States", "South Sudan".
func (d *doc) allPlaceWords(r *nameRun) bool {
	for k := r.a; k < r.b; k++ {
		if d.toks[k].kind != tWord {
			continue
		}
		w := stem(d.low(k))
		if w != "of" && w != "the" && wordBits[w]&(bPlace|bNationality) == 0 {
			return false
		}
	}
	return true
}

// splitTitle sets r.na, the start of the name after the title words,
// walking back from the run's end: "US Secretary of State | John Kerry".
func (d *doc) splitTitle(r *nameRun) {
	r.na = r.b
	for k := r.b - 1; k >= r.a; k-- {
		if d.toks[k].kind != tWord {
			if d.punct(k, '.') && k-1 >= r.a && len(d.low(k-1)) == 1 && k+1 < r.b {
				continue // the period of an initial: Silvia S. Martins
			}
			break
		}
		w := stem(d.low(k))
		if w == "new" && k+1 < r.b && newPlaces[d.low(k+1)] {
			r.na = k // "New York Times": a place's name, not the title "new"
			continue
		}
		// A nationality that ends a name of two words or more is a
		// surname: "Qandeel Baloch".
		if b := wordBits[w]; b&bTitle != 0 || b&bNationality != 0 && (k < r.b-1 || r.b-r.a == 1) || (w == "of" || w == "the" || w == "for") || b&bCountry != 0 && k < r.b-1 {
			break // "ambassador to Britain Liu Xiaming": the place is not the name
		}
		if k < r.b-1 && strings.IndexByte(d.word(k), '.') < 0 && acronym(d.word(k)) {
			break // "Browns DL Sheldon Richardson", "NFL QB Tom Brady": a label, not the name
		}
		r.na = k
	}
}

// noTitleBeforeOneWord undoes the title of "Red Hat": a single word
// after title-like words that name no role, rank or place ("red", a word
// of "Red Cross official") is no person's name, and the run is one name.
func (d *doc) noTitleBeforeOneWord(r *nameRun) {
	if r.na == r.a || r.b-r.na != 1 || !d.isWord(r.na) {
		return
	}
	for k := r.a; k < r.na; k++ {
		if !d.isWord(k) || wordBits[stem(d.low(k))]&(bPersonTitle|bRoleTitle|bOccupation|bLeadRole|bNationality|bCountry|bPlace|bRegion|bOrgNoun|bFunctionCap) != 0 {
			return
		}
	}
	r.na = r.a
}

// bodyOfOrFor handles "Centre for Economic Policy Research", "Bank of
// England", "Commission on Public Debates": a body's noun joined by
// of/for/on to words that hold no title is a body's name. It reports whether it classified the run.
func (d *doc) bodyOfOrFor(r *nameRun) bool {
	if r.na > r.a && d.isWord(r.na-1) && (d.is(r.na-1, "of") || d.is(r.na-1, "for") || d.is(r.na-1, "on")) && orgNouns[stem(d.low(r.na-2))] {
		r.kind = entOrg
		d.bodyName(r)
		return true
	}
	// "Commission on International Religious Freedom": a title-like word
	// ("International") after the preposition, and no first name after it.
	for k := r.na - 1; k > r.a; k-- {
		if !(d.is(k, "of") || d.is(k, "for") || d.is(k, "on")) || d.toks[k].cap {
			continue
		}
		if !orgNouns[stem(d.low(k-1))] || !d.toks[k-1].cap {
			return false
		}
		for n := k + 1; n < r.b; n++ {
			if maleNames[d.low(n)] || femaleNames[d.low(n)] {
				return false
			}
		}
		r.kind = entOrg
		d.bodyName(r)
		return true
	}
	return false
}

// bodyName makes a body's name the whole run but its leading function
// words: "International Relief Committee", not the words after the
// title-like ones.
func (d *doc) bodyName(r *nameRun) {
	r.na = r.a
	for r.na < r.b-1 && functionCaps[d.low(r.na)] {
		r.na++
	}
}

// nameStart moves the start of the name: a royal or religious title
// stays with a single name (Prince Andrew, Pope Francis, King Abdullah),
// and a particle cannot start the name ("of State" is a title).
func (d *doc) nameStart(r *nameRun) {
	if r.b-r.na == 1 && r.na > r.a && royalTitles[d.low(r.na-1)] {
		r.na--
	}
	for r.na < r.b && d.toks[r.na].kind == tWord && !d.toks[r.na].cap {
		r.na++
	}
}

// namelessRun classifies a run that is all place words ("South Sudan")
// or all title ("the Interior Ministry", "one neo-bank CEO told me"). It
// reports whether the run was one.
func (d *doc) namelessRun(r *nameRun, all bool) bool {
	switch {
	case all:
		r.kind = entPlace
		r.na = r.a
		if d.is(r.a, "the") {
			r.na++
		}
		return true
	case r.na == r.b:
		r.kind = entOrg
		r.na = r.a
		// Only a person's title, no name: "one neo-bank CEO told me".
		onlyTitles := true
		for k := r.a; k < r.b; k++ {
			if w := stem(d.low(k)); d.toks[k].kind == tWord && !personTitles[w] && !roleTitles[w] {
				onlyTitles = false
			}
		}
		if onlyTitles {
			r.kind = entTitle
		}
		return true
	}
	return false
}

// kindFromNameWords tells a body or a place by the name's words: an
// acronym or a known body (NASA, UNHCR), a body's noun at the end
// ("International Relief Committee") or a place word after a name that is
// no first name ("Kabul Province").
func (d *doc) kindFromNameWords(r *nameRun) {
	if r.b-r.na == 1 && (knownOrgs[stem(d.low(r.na))] || acronym(stem(d.word(r.na)))) {
		r.kind = entOrg // NASA, UNHCR: an acronym is a body, not a person
	}
	last := stem(d.low(r.b - 1))
	if orgNouns[last] || places[last] && r.b-r.na > 1 && !maleNames[d.low(r.na)] && !femaleNames[d.low(r.na)] && !d.roleBeforeName(r) {
		if orgNouns[last] {
			r.kind = entOrg
			d.bodyName(r)
		} else {
			r.kind = entPlace
		}
	}
}

// roleBeforeName reports a role before the name, which makes a place
// word at its end a surname: "Actor Denzel Washington", and one in lower
// case before the run, "rapper Kanye West". Asked only of names that end
// in a place word.
func (d *doc) roleBeforeName(r *nameRun) bool {
	if wordBits[stem(d.low(r.a))]&(bOccupation|bLeadRole|bPersonTitle|bRoleTitle) != 0 {
		return true
	}
	p := r.a - 1
	if d.punct(p, ',') {
		// "The mayor of London, Sadiq Khan, tweeted": the name set off
		// after a role.
		for k := p - 1; k >= 0 && k >= p-6 && d.isWord(k) && d.toks[k].sent == d.toks[r.a].sent; k-- {
			if !d.toks[k].cap && (personNouns[d.low(k)] || wordBits[d.low(k)]&(bOccupation|bPersonTitle|bRoleTitle) != 0) {
				return true
			}
		}
		return false
	}
	return d.isWord(p) && !d.toks[p].cap && (personNouns[d.low(p)] || wordBits[d.low(p)]&(bOccupation|bPersonTitle) != 0)
}

// genderFromTitles reads person and gender from the title words in the
// run ("Mrs", "King") and from a role noun just before it: "spokesman
// Zabihullah Mujahid", "his brother Ali".
func (d *doc) genderFromTitles(r *nameRun) {
	for k := r.a; k < r.na; k++ {
		b := wordBits[stem(d.low(k))]
		if b&bPersonTitle != 0 && r.kind == entOther {
			r.kind = entPerson
		}
		if b&bMaleTitle != 0 {
			r.gender = 1
		} else if b&bFemaleTitle != 0 {
			r.gender = 2
		}
	}
	if p := r.a - 1; d.isWord(p) && !d.toks[p].cap && (personNouns[d.low(p)] || personTitles[d.low(p)] || occupations[d.low(p)]) {
		if r.kind == entOther {
			r.kind = entPerson
		}
		if maleTitles[d.low(p)] || maleKin[d.low(p)] {
			r.gender = 1
		} else if femaleTitles[d.low(p)] || femaleKin[d.low(p)] {
			r.gender = 2
		}
	}
}

// genderFromFirstName reads the gender from a known first name; a name
// of two words or more with a gender, or followed by an apposition that
// describes a person ("Ian Bremmer, the president"), is a person's.
func (d *doc) genderFromFirstName(r *nameRun) {
	first := d.low(r.na)
	if r.gender == 0 {
		if maleNames[first] {
			r.gender = 1
		} else if femaleNames[first] {
			r.gender = 2
		}
	}
	if r.kind == entOther && r.gender != 0 && r.b-r.na >= 2 {
		r.kind = entPerson
	}
	if r.kind == entOther && d.punct(r.b, ',') && d.isWord(r.b+1) && roleStart[d.low(r.b+1)] && r.b-r.na >= 2 {
		r.kind = entPerson
	}
}

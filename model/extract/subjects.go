// Subjects: who a speech verb belongs to — the noun phrase before it (with
// its apposition) or after it ("said X") — and what a name resolves to.

package extract

import "strings"

// subjectAt takes the noun phrase that opens the clause at token lo.
func (d *doc) subjectAt(lo, limit int) who {
	// "After the hearing, Hawk Sawyer issued …": an opening phrase set off
	// by a comma comes before the subject.
	if d.isWord(lo) && (prepositions[d.low(lo)] || functionCaps[d.low(lo)]) {
		for c := lo + 1; c < limit && c < lo+9; c++ {
			if d.punct(c, ',') {
				if d.isWord(c+1) && d.toks[c+1].cap {
					lo = c + 1
				}
				break
			}
		}
	}
	i := lo
	for i < limit && d.isWord(i) && functionCaps[d.low(i)] && !d.in(i, malePron) && !d.in(i, femalePron) {
		i++
	}
	if i >= limit {
		return who{}
	}
	// The phrase ends before its verb: the last word of the run or the
	// org noun after it.
	j := i
	if ri := d.runAt[i]; ri >= 0 {
		j = d.runs[ri].b - 1
		if d.is(j+1, "and") && d.hasRun(j+2) {
			return who{found: true} // "Dale and Martha disputed …, saying": two speakers
		}
		if d.isWord(j+1) && !d.toks[j+1].cap && (orgNouns[d.low(j+1)] || reportNouns[d.low(j+1)]) {
			j++
		}
	}
	return d.subjectBefore(j+1, lo)
}

// subjectBefore finds the subject of the speech verb at v, not looking
// before token lo.
func (d *doc) subjectBefore(v, lo int) who {
	j := v - 1
	if j > lo && d.punct(j, '.') && d.isWord(j-1) && genSuffix(d.low(j-1)) {
		j-- // "James Kennedy Jr. said": the period belongs to the name
	}
	for j >= lo && d.isWord(j) && !d.toks[j].cap && (auxiliaries[d.low(j)] || d.mannerAdverb(j)) {
		j--
	}
	// "Netanyahu, however, said": a parenthetical adverb.
	if j-2 >= lo && d.punct(j, ',') && d.isWord(j-1) && parentheticals[d.low(j-1)] && d.punct(j-2, ',') {
		j -= 3
	}
	// "Richardson, via USA Today, said", "Kerry, in a statement, said": a
	// phrase set off by commas that opens with a preposition.
	if j-2 >= lo && d.punct(j, ',') {
		for c := j - 2; c >= lo && c >= j-8; c-- {
			if d.punct(c, ',') {
				if d.isWord(c+1) && !d.toks[c+1].cap && prepositions[d.low(c+1)] && d.isWord(c-1) {
					j = c - 1
				}
				break
			}
			if d.toks[c].kind != tWord && !d.punct(c, '.') {
				break
			}
		}
	}
	// "Kerry on Thursday said", "Kerry, on Thursday, said"
	if j-1 >= lo && d.is(j-1, "on") && d.isWord(j) && d.toks[j].cap && functionCaps[d.low(j)] {
		j -= 2
	}
	if j < lo {
		return who{}
	}
	if d.is(j, "and") || d.is(j, "but") {
		// "X accused the army of … and said …": the subject of the
		// verb before.
		for p := j - 1; p >= lo && p > j-15; p-- {
			if d.toks[p].quote >= 0 {
				return who{}
			}
			if d.toks[p].kind != tWord {
				break
			}
			if !d.toks[p].cap && speechVerbs[d.low(p)] && !weakSpeechVerbs[d.low(p)] {
				return d.subjectBefore(p, lo)
			}
		}
		// "Van Der Beek even touched upon the idea … and noted": the
		// subject of the first verb, if a name opens the clause.
		for p := j - 1; p >= lo && p > j-25; p-- {
			if d.toks[p].quote >= 0 || d.punct(p, ',') && p < j-1 && !d.hasRun(p-1) {
				break
			}
			if ri := d.runAt[p]; ri >= 0 && d.runs[ri].a == p && d.runs[ri].subj && d.runs[ri].kind != entPlace {
				if p == lo || d.punct(p-1, ',') || functionCaps[d.low(p-1)] {
					return d.whoOfRun(int(ri))
				}
			}
		}
		// "China's ambassador to Britain accused … and warned": a
		// described person opening the sentence.
		if lo+3 < j && d.possessive(lo) && d.isWord(lo+1) && descNoun(d.low(lo+1)) && (d.is(lo+2, "to") || d.is(lo+2, "in")) {
			if ri := d.runAt[lo+3]; ri >= 0 && d.runs[ri].a == lo+3 && d.runs[ri].kind == entPlace {
				return d.npBackward(d.runs[ri].b-1, lo)
			}
		}
		return who{}
	}
	t := d.toks[j]
	if t.kind == tWord {
		w := d.low(j)
		if w == "he" || w == "she" {
			g := int8(1)
			if w == "she" {
				g = 2
			}
			r := d.pronoun(t.start, g)
			r.found = true
			return r
		}
		if w == "it" && d.lastOrg.name != "" && t.start-d.orgPos < 800 && !d.otherBodyBetween(d.orgPos, t.start, d.lastOrg.name) {
			// "“Q,” it added": the body that spoke just before.
			r := d.lastOrg
			r.found = true
			return r
		}
		if w == "it" {
			// "Human Rights Watch urged restraint. “Q,” it said": a body
			// named as the subject of the sentence before.
			if r := d.theyBody(j); r.name != "" {
				r.found = true
				return r
			}
		}
		if w == "they" {
			// "Big Machine have twice denied … “Q,” they said": a body
			// named as the subject of the sentence before.
			if r := d.theyBody(j); r.name != "" {
				r.found = true
				return r
			}
		}
		if neverSpeakers[w] {
			return who{found: true}
		}
	}
	if d.punct(j, ',') {
		// The name as the apposition: "Egypt's foreign minister, Nabil
		// Farouk, warned".
		if ri := d.runAt[j-1+boolInt(j == 0)]; j > 0 && ri >= 0 && d.runs[ri].b == j && d.punct(d.runs[ri].a-1, ',') && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && d.runs[ri].kind != entTitle && (d.runs[ri].na == d.runs[ri].a || d.runs[ri].words >= 2) {
			for p := d.runs[ri].a - 2; p >= lo && p > d.runs[ri].a-8 && d.isWord(p); p-- {
				if !d.toks[p].cap && (personNouns[d.low(p)] || personTitles[d.low(p)]) {
					return d.whoOfRun(int(ri))
				}
			}
		}
		// Apposition: "Ian Bremmer, the president of the Eurasia group, told"
		// A long apposition may hold commas of its own ("… in Munich,
		// Germany, and co-author of the study, said"): walk back over
		// them to the comma that follows a name.
		// An age: "Fatima Ali, 34, said".
		if j >= 3 && d.isWord(j-1) && isDigit(rune(d.text[d.toks[j-1].start])) && d.punct(j-2, ',') && d.runAt[j-3] >= 0 && d.runs[d.runAt[j-3]].b == j-2 {
			return d.whoOfRun(int(d.runAt[j-3]))
		}
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
	r := d.npBackward(j, lo)
	return r
}

// memberOf handles "Peter Iseley of worldwide victim group Ending Clergy
// Abuse said", "Yvette Cooper of the Labour Party added": a body after of,
// at or from is where the person before it works; the person speaks.
func (d *doc) memberOf(r nameRun, lo int) (who, bool) {
	k := r.a - 1
	for n := 0; n < 5 && k > lo && d.isWord(k) && !d.toks[k].cap && !memberPreps[d.low(k)]; n++ {
		if speechVerbs[d.low(k)] || functionCaps[d.low(k)] && !determiners[d.low(k)] {
			return who{}, false
		}
		k--
	}
	if k <= lo || !d.in(k, memberPreps) {
		return who{}, false
	}
	pi := d.runAt[k-1]
	if pi < 0 || d.runs[pi].b != k {
		return who{}, false
	}
	p := d.runs[pi]
	if p.kind == entOrg || p.kind == entPlace || p.kind == entTitle || p.words < 2 && p.kind != entPerson {
		return who{}, false
	}
	w := d.whoOfRun(int(pi))
	return w, w.name != "" && !w.org
}

var memberPreps = set("at", "from", "of", "with")

// roleLike reports a lower-case noun that names what a person does:
// astronomer, analyst, historian, or one the word lists know.
func roleLike(w string) bool {
	if personNouns[w] || occupations[w] || personTitles[w] {
		return true
	}
	for _, suf := range [...]string{"er", "or", "ist", "ian", "ant", "ent"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// npBackward reads the noun phrase that ends at token j.
func (d *doc) npBackward(j, lo int) who {
	if j < lo || j < 0 || d.toks[j].kind != tWord {
		return who{}
	}
	if w, ok := d.appositionHead(j, lo); ok {
		return w
	}
	if ri := d.runAt[j]; ri >= 0 && d.runs[ri].b-1 == j {
		r := d.runs[ri]
		if r.kind == entPlace && r.a >= 2 && (d.is(r.a-1, "to") || d.is(r.a-1, "in")) && d.isWord(r.a-2) && descNoun(d.low(r.a-2)) {
			// "China's ambassador to Britain accused …": a person
			// described, whose name may come later ("China's ambassador
			// to Britain Liu Xiaming has said").
			desc := d.lt[d.toks[r.a-2].start:d.toks[r.b-1].end]
			w := d.laterNamed(desc, d.toks[j].end)
			w.found = true
			return w
		}
		if w, ok := d.memberOf(r, lo); ok {
			return w
		}
		if r.na == r.a && d.in(r.a-1, prepositions) {
			// "a user on Weibo posted", "analyst at ICICI Securities said":
			// a noun after a preposition is not the subject.
			return who{found: true}
		}
		if d.inPhrase(r.a) {
			// "The authors of the research published in the journal JAMA
			// Psychiatry argued": the name is in a modifier of the subject.
			return who{found: true}
		}
		if d.is(r.a-1, "and") && d.hasRun(r.a-2) {
			// "Dale and Martha said": two speakers, no one of them.
			return who{found: true}
		}
		return d.whoOfRun(int(ri))
	}
	w := d.low(j)
	if d.toks[j].cap {
		return who{}
	}
	if reportNouns[w] {
		// "the statement said": the body that issued it speaks.
		r := d.issuer(w, j)
		r.found = true
		return r
	}
	if orgNouns[w] {
		// "the US military", "the Afghan government"
		a := j
		for a-1 >= lo && d.isWord(a-1) && (d.toks[a-1].cap && d.runAt[a-1] >= 0 || !d.toks[a-1].cap && orgModifiers[d.low(a-1)]) {
			a--
		}
		for a < j && !d.toks[a].cap && orgModifiers[d.low(a)] && !d.toks[j-1].cap && a == j-1 {
			break
		}
		if a == j {
			// "the ministry said": the body of that kind named last, if
			// any ("the Defence Ministry").
			return d.orgRef(w, j)
		}
		if ri := d.runAt[a]; ri >= 0 && d.runs[ri].a < a {
			a = d.runs[ri].a
		}
		if !d.toks[a].cap && d.runAt[a] < 0 && a == j-1 {
			// only a lower-case modifier: "the foreign ministry"; an
			// earlier fuller mention may name it.
			if r := d.orgRef(w, j); r.name != "" {
				return r
			}
		}
		for a < j && d.in(a, functionCaps) {
			a++
		}
		name := d.text[d.toks[a].start:d.toks[j].end]
		return who{name: stem(name), found: true, org: true}
	}
	if d.is(j-1, "the") && genericBodies[w] && !orgNouns[w] {
		// "the label said", "the monitor said"
		return d.orgRef(w, j)
	}
	if d.is(j-1, "the") && descNoun(w) {
		// "the president said", "the actor said": the person last named
		// with that title or description.
		return d.titleRef(w, j)
	}
	if personNouns[w] || w == "group" {
		// An unnamed person: "a spokesman said". No name is better
		// than a guess.
		return who{found: true}
	}
	return who{}
}

var set1the = set("the")

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

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// whoOfRun resolves a run to the fullest name and role of what it names.
func (d *doc) whoOfRun(ri int) who {
	w := d.whoOfRunBare(ri)
	if w.name != "" && !w.org {
		w.role = d.roleOf(w.name)
	}
	return w
}

// whoOfRunBare is whoOfRun without the role, which costs a scan of the
// text: the ranker looks the role up only for the candidate it keeps.
func (d *doc) whoOfRunBare(ri int) who {
	r := d.runs[ri]
	if r.kind == entTitle {
		return who{found: true}
	}
	if r.kind == entOther && r.b-r.na == 1 && functionCaps[d.low(r.na)] {
		return who{}
	}
	if r.words == 1 {
		if w := d.low(r.na); len(w) > 3 && w[len(w)-1] == 's' && nationalities[w[:len(w)-1]] {
			return who{found: true} // "most Americans": a population, not a speaker
		}
		if w := d.low(r.na); r.kind != entOrg && (personNouns[w] || len(w) > 4 && w[len(w)-1] == 's' && (personNouns[w[:len(w)-1]] || occupations[w[:len(w)-1]])) {
			return who{found: true} // "Officials told Reuters", "Teachers chanted": unnamed people
		}
	}
	name, fr := d.fullest(ri)
	w := who{name: name, found: true, person: r.kind == entPerson, gender: r.gender}
	f := d.runs[fr]
	if f.kind == entPerson {
		w.person = true
	}
	if w.gender == 0 || fr != ri && f.gender != 0 && r.na == r.a && r.words == 1 {
		// A lone surname takes the gender of the full name: "Omar"
		// after "Ilhan Omar" is no man called Omar.
		w.gender = f.gender
	}
	if r.kind == entPlace || r.kind == entOrg || f.kind == entOrg || f.kind == entPlace || r.words == 1 && knownOrgs[strings.ToLower(name)] {
		w.org = true
	}
	return w
}

// titleRef resolves "the president", "the minister" to the person last
// named with that title before token j: "President Trump … the president
// said".
func (d *doc) titleRef(title string, j int) who {
	for ri := len(d.runs) - 1; ri >= 0; ri-- {
		r := d.runs[ri]
		if r.a >= j || r.kind == entPlace || r.kind == entOrg || r.words == 0 {
			continue
		}
		if r.inQ {
			continue
		}
		hit := false
		for k := r.a; k < r.na; k++ {
			hit = hit || d.low(k) == title
		}
		// "actor James Van Der Beek", "former senator Bob Kerrey": the
		// lower-case words just before the name.
		for k := r.a - 1; !hit && k >= 0 && k >= r.a-3 && d.isWord(k) && !d.toks[k].cap && !functionCaps[d.low(k)]; k-- {
			hit = d.low(k) == title
		}
		// "Kurt Volker, former special envoy to Kyiv,": the apposition.
		if !hit && d.punct(r.b, ',') {
			if e := d.appositionEnd(r.b); e > 0 {
				for k := r.b + 1; k < e && k < r.b+8 && !hit; k++ {
					hit = d.isWord(k) && !d.toks[k].cap && d.low(k) == title
				}
			}
		}
		if hit && r.a < j {
			w := d.whoOfRun(ri)
			if w.org || !w.person && w.gender == 0 && d.genderOf(w.name) == 0 {
				// "BMJ Case Reports, the 43-year-old man": no person.
				continue
			}
			w.found = true
			return w
		}
	}
	// No one earlier: no speaker. A bare title is not searched for
	// further on ("the president said" … "Ukrainian President
	// Zelensky" may be someone else); laterNamed is for descriptions.
	return who{found: true}
}

// laterNamed finds the person a description stands for when the article
// names them only further on, with the same words right before the name:
// "the ambassador to Britain said …" … "ambassador to Britain Liu
// Xiaming". desc is lower case; the search runs a few paragraphs from
// byte offset from.
func (d *doc) laterNamed(desc string, from int) who {
	end := from + 2500
	if end > len(d.lt) {
		end = len(d.lt)
	}
	for off := from; off < end; {
		i := strings.Index(d.lt[off:end], desc)
		if i < 0 {
			break
		}
		a := off + i
		e := a + len(desc)
		off = e
		if pr := prevRune(d.lt, a); pr >= 0 && !isSpace(pr) {
			continue // inside a longer word: "secretary-general"
		}
		k := lowerBound(d.toks, e)
		if k >= len(d.toks) || d.toks[k].quote >= 0 || d.toks[k].start != e+1 {
			continue
		}
		ri := d.runAt[k]
		if ri < 0 {
			continue
		}
		r := d.runs[ri]
		if r.kind == entPlace || r.kind == entOrg || r.kind == entTitle || r.b-r.na < 2 {
			continue
		}
		if w := d.whoOfRun(int(ri)); w.name != "" && !w.org {
			return w
		}
	}
	return who{}
}

// descNoun reports whether w, after "the", describes one person who may
// have been named with it before: the senator, the actor, the envoy.
func descNoun(w string) bool {
	if personTitles[w] || occupations[w] {
		return true
	}
	return personNouns[w] && !strings.HasSuffix(w, "s") && !genericPeople[w]
}

// genericPeople say too little to stand for one person named before.
var genericPeople = set("daughter", "father", "man", "medic", "member", "mother", "observer",
	"resident", "son", "source", "survivor", "witness", "woman", "worker")

// npForward reads a speaker after a speech verb: “Q,” said Stephanie Grisham.
func (d *doc) npForward(i, _ int) who {
	for i < len(d.toks) && d.isWord(i) && (d.is(i, "the") || d.is(i, "a") || d.is(i, "an")) {
		i++
	}
	if !d.isWord(i) {
		return who{}
	}
	// "according to his aunt, Jane Starner,": the name in apposition to
	// a description of a person.
	if k := i; !d.toks[k].cap || d.in(k, determiners) {
		for k < len(d.toks) && k < i+4 && d.isWord(k) && !d.toks[k].cap {
			k++
		}
		if k > i && d.punct(k, ',') && personNouns[d.low(k-1)] || k > i && d.punct(k, ',') && (maleKin[d.low(k-1)] || femaleKin[d.low(k-1)]) {
			if ri := d.runAt[k+1]; ri >= 0 && d.runs[ri].a == k+1 && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && d.runs[ri].kind != entTitle {
				return d.whoOfRun(int(ri))
			}
		}
	}
	// "said another witness in the impeachment probe, former White House
	// Russia adviser Fiona Hill.": a described person named at the end of
	// the sentence, after a comma.
	if k := i; !d.toks[k].cap && (personNouns[d.low(k)] || (d.is(k, "another") || d.is(k, "one")) && personNouns[d.low(k+1)]) {
		c := k + 1
		for c < len(d.toks) && c < k+10 && d.isWord(c) && !d.toks[c].cap {
			c++
		}
		for c < len(d.toks) && c < k+14 && d.isWord(c) && d.toks[c].sent == d.toks[k].sent {
			c++ // "of the Eurasia Group": capitalised words of a body
		}
		if d.punct(c, ',') {
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
					return w
				}
				break
			}
		}
	}
	// "said planetary geologist Rosaly Lopes": lower-case words of a
	// role before the name.
	if d.runAt[i] < 0 && !d.toks[i].cap {
		k := i
		for k < len(d.toks) && k < i+5 && d.isWord(k) && !d.toks[k].cap && d.runAt[k] < 0 && !functionCaps[d.low(k)] && !speechVerbs[d.low(k)] {
			k++
		}
		if k > i && k < len(d.toks) && d.runAt[k] >= 0 && d.runs[d.runAt[k]].a == k && (personNouns[d.low(k-1)] || personTitles[d.low(k-1)] || strings.HasSuffix(d.low(k-1), "ist") || strings.HasSuffix(d.low(k-1), "er") || strings.HasSuffix(d.low(k-1), "or") || strings.HasSuffix(d.low(k-1), "-year-old")) {
			// "wrote 43-year-old Martin Taylor": an age is a person's too.
			i = k
		}
	}
	if ri := d.runAt[i]; ri >= 0 {
		r := d.runs[ri]
		// A lower-case org noun after the run: "the US military".
		if d.isWord(r.b) && !d.toks[r.b].cap && orgNouns[d.low(r.b)] {
			return who{name: d.text[d.toks[r.na].start:d.toks[r.b].end], found: true, org: true}
		}
		if r.kind != entPerson && r.gender == 0 {
			// "responded NASA administrator Jim Bridenstine": a body, a
			// lower-case role and the person's name.
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
						return w
					}
				}
			}
		}
		if d.isWord(r.b) && !d.toks[r.b].cap && personNouns[d.low(r.b)] && r.kind != entPerson {
			// "a Taliban spokesman": unless a name follows.
			if k := r.b + 1; k < len(d.toks) && d.runAt[k] >= 0 {
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
		// "said a report from Kotak Institutional Equities"
		if (d.is(i+1, "from") || d.is(i+1, "by") || d.is(i+1, "of")) && i+2 < len(d.toks) && d.runAt[i+2] >= 0 {
			return d.whoOfRun(int(d.runAt[i+2]))
		}
		r := d.issuer(w, i)
		r.found = true
		return r
	}
	// "a spokesman for the UN", "officials": unnamed.
	return who{found: true}
}

// otherBodyBetween reports whether a body or place other than name is
// named outside quotations between byte offsets a and b.
func (d *doc) otherBodyBetween(a, b int, name string) bool {
	for i := lowerBound(d.toks, a); i < len(d.toks) && d.toks[i].start < b; i++ {
		if d.toks[i].quote >= 0 {
			continue
		}
		if d.isWord(i) && !d.toks[i].cap && orgNouns[d.low(i)] {
			return true
		}
		if ri := d.runAt[i]; ri >= 0 && d.runs[ri].a == i && (d.runs[ri].kind == entOrg || d.runs[ri].kind == entPlace) {
			if n, _ := d.fullest(int(ri)); n != name {
				return true
			}
		}
	}
	return false
}

// inPhrase reports whether the name starting at token a follows a
// preposition and a common noun: "in the journal JAMA Psychiatry", "at
// the newspaper Le Monde". A role noun there ("of the ministry spokesman
// X") makes it a person's name, which the other rules handle.
func (d *doc) inPhrase(a int) bool {
	k := a - 1
	if !d.isWord(k) || d.toks[k].cap || personNouns[d.low(k)] || personTitles[d.low(k)] || titles[d.low(k)] {
		return false
	}
	k--
	for k >= 0 && d.isWord(k) && !d.toks[k].cap && (determiners[d.low(k)] || adjectiveLike(d.low(k))) {
		k--
	}
	return d.isWord(k) && !d.toks[k].cap && prepositions[d.low(k)]
}

// hasRun reports whether token i lies in a run of capitalised words.
func (d *doc) hasRun(i int) bool {
	return i >= 0 && i < len(d.runAt) && d.runAt[i] >= 0
}

// theyBody resolves "they" at token j to a body that is the subject of the
// sentence before j's sentence (outside quotations): a body by its name
// or kind, or a proper name with a plural verb ("Big Machine have"), as
// British copy writes companies and bands. People are never resolved: an
// unnamed "they" stays without a speaker.
func (d *doc) theyBody(j int) who {
	s := d.sentStart(j)
	// the sentence before, skipping sentences that are all quotation
	for s > 0 {
		p := d.sentStart(s - 1)
		if d.toks[s-1].quote < 0 || d.toks[p].quote < 0 {
			s = p
			break
		}
		s = p
	}
	if d.toks[j].start-d.toks[s].start > 600 || d.toks[s].quote >= 0 {
		return who{}
	}
	ri := d.runAt[s]
	for k := s; ri < 0 && k < s+3 && d.isWord(k) && functionCaps[d.low(k)]; k++ {
		ri = d.runAt[k+1]
	}
	if ri < 0 && d.is(s, "the") && d.isWord(s+1) && orgNouns[d.low(s+1)] {
		// "The company that runs the AMAs, Dick Clark Productions,
		// denies …": the body named in apposition to the subject.
		for c := s + 2; c < s+14 && c < len(d.toks) && d.toks[c].sent == d.toks[s].sent && d.toks[c].quote < 0; c++ {
			if d.punct(c, ',') {
				if oi := d.runAt[c+1]; oi >= 0 && d.runs[oi].a == c+1 && d.punct(d.runs[oi].b, ',') && d.runs[oi].kind != entPlace && d.runs[oi].kind != entPerson {
					if w := d.whoOfRun(int(oi)); w.name != "" && !w.person && w.gender == 0 {
						w.org = true
						return w
					}
				}
				break
			}
		}
	}
	if ri < 0 {
		return who{}
	}
	r := d.runs[ri]
	w := d.whoOfRun(int(ri))
	known := r.words == 1 && knownOrgs[d.low(r.na)] // the Taliban, Hamas: bodies, whatever else the word is
	if w.name == "" || w.person || w.gender != 0 || r.kind == entPlace && !known {
		return who{}
	}
	if r.kind == entOrg || known || d.isWord(r.b) && pluralVerbs[d.low(r.b)] {
		w.org = true
		return w
	}
	return who{}
}

// pluralVerbs after a proper name make it a collective: "Big Machine have".
var pluralVerbs = set("are", "argue", "claim", "deny", "do", "have", "insist", "plan", "say",
	"want", "were")

// mannerAdverb reports an -ly adverb right after a name, before its verb:
// "Brooke tearfully asked". Only after a name: "the family said" keeps
// its noun.
func (d *doc) mannerAdverb(j int) bool {
	w := d.low(j)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && d.hasRun(j-1) && d.runs[d.runAt[j-1]].b == j
}

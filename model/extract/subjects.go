// Subjects: who a speech verb belongs to — the noun phrase before it (with
// its apposition) or after it ("said X") — and what a name resolves to.

package extract

import "strings"

// subjectAt takes the noun phrase that opens the clause at token lo.
func (d *doc) subjectAt(lo, limit int) who {
	// "After the hearing, Hawk Sawyer issued …": an opening phrase set off
	// by a comma comes before the subject.
	lo = d.clauseStart(lo, limit)
	// "a Republican, Mark Amodei, has voiced": a description set off
	// before the name.
	if d.is(lo, "a") || d.is(lo, "an") {
		for c := lo + 1; c < limit && c < lo+6; c++ {
			if d.punct(c, ',') {
				if ri := d.runAt[min(c+1, len(d.toks)-1)]; c+1 < limit && ri >= 0 && d.runs[ri].a == c+1 && d.punct(d.runs[ri].b, ',') {
					lo = c + 1
				}
				break
			}
		}
	}
	i := lo
	if d.isWord(i) && strings.HasPrefix(d.low(i), "then-") && d.runAt[min(i+1, len(d.toks)-1)] >= 0 {
		i++ // "then-Secretary Vázquez affirmed": the title glued to "then"
	}
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

// clauseStart skips the opening phrases set off by commas before a
// clause's subject, from token lo: "After the hearing, X issued",
// several of them one after another: "In March, at the final debate,
// Biden announced".
func (d *doc) clauseStart(lo, limit int) int {
	// An opening participle too: "Having won tournaments as a kid, X
	// decided …".
	for n := 0; n < 3 && d.isWord(lo) && (prepositions[d.low(lo)] || functionCaps[d.low(lo)] || strings.HasSuffix(d.low(lo), "ing") && d.openerWord(lo)); n++ {
		next := lo
		for c := lo + 1; c < limit && c < lo+14; c++ {
			if d.punct(c, ',') {
				if d.isWord(c+1) && (d.toks[c+1].cap || prepositions[d.low(c+1)] || d.is(c+1, "a") || d.is(c+1, "an") || d.is(c+1, "the") || strings.HasPrefix(d.low(c+1), "then-")) {
					next = c + 1
				}
				break
			}
		}
		if next == lo {
			break
		}
		lo = next
	}
	return lo
}

// subjectBefore finds the subject of the speech verb at v, not looking
// before token lo.
func (d *doc) subjectBefore(v, lo int) who {
	j := d.subjectEnd(v, lo)
	if j < lo {
		return who{}
	}
	if d.is(j, "and") || d.is(j, "but") {
		return d.coordinatedSubject(j, lo)
	}
	if r, ok := d.relativeAntecedent(d.low(j), j, lo); ok && d.isWord(j) && !d.toks[j].cap {
		return r
	}
	if r, ok := d.pronounSubject(j); ok {
		return r
	}
	if d.punct(j, ',') {
		return d.commaSubject(j, lo)
	}
	return d.npBackward(j, lo)
}

// subjectEnd returns the last token of the subject of the speech verb at
// v, past auxiliaries, manner adverbs and asides between them.
func (d *doc) subjectEnd(v, lo int) int {
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
		for c := j - 2; c >= lo && c >= j-14; c-- {
			if d.punct(c, ',') {
				if d.isWord(c+1) && !d.toks[c+1].cap && (prepositions[d.low(c+1)] || asideOpeners[d.low(c+1)] || strings.HasSuffix(d.low(c+1), "ing")) && d.isWord(c-1) {
					j = c - 1
					// "The Ministry has, in a statement, called": the
					// auxiliary before the phrase.
					for j > lo && d.isWord(j) && !d.toks[j].cap && auxiliaries[d.low(j)] {
						j--
					}
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
	// "… and on Twitter referred to": a phrase after "and" before the
	// verb; the subject is the one before "and".
	if ri := d.runAt[max(j, 0)]; j >= lo && ri >= 0 && d.runs[ri].b == j+1 {
		if p := d.runs[ri].a - 1; p-1 >= lo && prepositions[d.low(p)] && !d.toks[p].cap && (d.is(p-1, "and") || d.is(p-1, "but")) {
			j = p - 1
		}
	}
	return j
}

// asideOpeners open a clause set off by commas between a subject and its
// verb: "Biden, while campaigning in Michigan, called".
var asideOpeners = set("after", "although", "before", "though", "when", "while")

// coordinatedSubject finds the subject of a speech verb after "and" or
// "but" at token j: "X accused the army of … and said …".
func (d *doc) coordinatedSubject(j, lo int) who {
	// The subject of the speech verb before.
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

// pronounSubject resolves a pronoun subject at token j: he or she to its
// antecedent, "it" and "they" to the body that spoke or was the subject
// just before. Words that never speak ("who", "which") give no speaker.
// It reports whether j was such a word.
func (d *doc) pronounSubject(j int) (who, bool) {
	t := d.toks[j]
	if t.kind != tWord {
		return who{}, false
	}
	w := d.low(j)
	if w == "he" || w == "she" {
		g := int8(1)
		if w == "she" {
			g = 2
		}
		r := d.pronoun(t.start, g)
		r.found = true
		return r, true
	}
	if w == "it" && d.lastOrg.name != "" && t.start-d.orgPos < 800 && !d.otherBodyBetween(d.orgPos, t.start, d.lastOrg.name) {
		// "“Q,” it added": the body that spoke just before.
		r := d.lastOrg
		r.found = true
		return r, true
	}
	if w == "it" || w == "they" {
		// "Human Rights Watch urged restraint. “Q,” it said", "Big
		// Machine have twice denied … “Q,” they said": a body named as
		// the subject of the sentence before.
		if r := d.theyBody(j); r.name != "" {
			r.found = true
			return r, true
		}
	}
	if neverSpeakers[w] {
		return who{found: true}, true
	}
	return who{}, false
}

// memberOf handles "Peter Iseley of worldwide victim group Ending Clergy
// Abuse said", "Yvette Cooper of the Labour Party added": a body after of,
// at or from is where the person before it works; the person speaks.
func (d *doc) memberOf(r nameRun, lo int) (who, bool) {
	k := r.a - 1
	for n := 0; n < 5 && k > lo && d.isWord(k) && (!d.toks[k].cap || d.is(k, "the") || d.possessive(k)) && !memberPreps[d.low(k)]; n++ {
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
	if len(w) < 6 || functionCaps[w] || prepositions[w] || notRoles[w] {
		return false // "after", "under", "whether": no one's role
	}
	for _, suf := range [...]string{"er", "or", "ist", "ian", "ant", "ent"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// notRoles end like a role noun without being one.
var notRoles = set("another", "current", "either", "neither", "recent", "together", "whatever", "whenever",
	"wherever", "whichever", "whoever")

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

// personNamedLike finds the person, named earlier in full, whose surname
// is the one word of run r: a surname that is also a place (Jordan, Kent,
// Georgia) in a speaker's position.
func (d *doc) personNamedLike(r nameRun) (who, bool) {
	if d.lasts.head == nil {
		d.indexLasts()
	}
	// An earlier full name first, a later one when there is none
	// ("Baloch wrote …" before "Qandeel Baloch made …").
	later := -1
	for oi := d.lasts.first(r.key); oi >= 0; oi = d.lasts.after(oi) {
		o := &d.runs[oi]
		if o.inQ || o.words < 2 || !strings.HasSuffix(o.key, " "+r.key) {
			continue
		}
		// A name of unknown kind counts when its first word is no
		// place: "Kanye West" is a person, "South West" is not.
		if !(o.kind == entPerson || o.gender != 0 || o.kind == entOther && wordBits[strings.ToLower(o.key[:strings.IndexByte(o.key, ' ')])]&(bPlace|bNationality|bCountry) == 0) {
			continue
		}
		if o.a < r.a {
			return who{name: o.key, found: true, person: true, gender: o.gender}, true
		}
		if later < 0 {
			later = int(oi)
		}
	}
	if later >= 0 {
		o := &d.runs[later]
		return who{name: o.key, found: true, person: true, gender: o.gender}, true
	}
	return who{}, false
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
	if r.kind == entPlace && r.words == 1 {
		if w, ok := d.personNamedLike(r); ok {
			return w // "Jordan said" after "Michael Jordan": the person
		}
	}
	if r.words == 1 {
		if w := d.low(r.na); w == "you" || r.initial && r.na == r.a && !orgNouns[stem(w)] && !maleNames[w] && !femaleNames[w] && d.openerWord(r.na) {
			// "Calling it …", "Having left …", "Former …", "You know":
			// a word that opens the sentence, no name.
			return who{}
		}
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

// openerWord reports whether the capitalised word at token i, opening a
// sentence, is surely no name: a title or function word, or a verb form or
// adverb ("Calling it …", "Having won …", "Asked about …", "Early in …").
// Names share those endings (Boeing, Manning, Kelly, Jared): the ending
// counts only before an object or a preposition, where a name would take
// a verb ("Boeing did", "Kelly said"). Plural endings are left out, as
// surnames share them (Sanders, Withers).
func (d *doc) openerWord(i int) bool {
	w := d.low(i)
	if personNouns[w] || titles[w] || functionCaps[w] || speechVerbs[w] || w == "having" || w == "being" {
		return true
	}
	if !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ed") {
		return false
	}
	n := d.low(i + 1)
	return d.punct(i+1, ',') || determiners[n] || prepositions[n] || n == "it" || n == "them" || n == "him" || n == "her" || n == "up" || n == "out"
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
	if !d.isWord(k) || d.toks[k].cap || !prepositions[d.low(k)] {
		return false
	}
	// "speaker of the parliament Ali Larijani wrote": a role before the
	// phrase makes it all a title, and the name its holder.
	return !(d.isWord(k-1) && (personTitles[d.low(k-1)] || titles[d.low(k-1)] || roleLike(d.low(k-1))))
}

// hasRun reports whether token i lies in a run of capitalised words.
func (d *doc) hasRun(i int) bool {
	return i >= 0 && i < len(d.runAt) && d.runAt[i] >= 0
}

// mannerAdverb reports an -ly adverb right after a name, before its verb:
// "Brooke tearfully asked". Only after a name: "the family said" keeps
// its noun.
func (d *doc) mannerAdverb(j int) bool {
	w := d.low(j)
	return len(w) > 4 && strings.HasSuffix(w, "ly") && d.hasRun(j-1) && d.runs[d.runAt[j-1]].b == j
}

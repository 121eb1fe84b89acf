package extract

// The noun phrase that ends just before a speech verb: a name ("Kerry
// said"), a body ("the US military said"), a report ("the statement
// said"), a described person ("the president said").

// npBackward reads the noun phrase that ends at token j.
func (d *doc) npBackward(j, lo int) who {
	if j < lo || j < 0 || d.toks[j].kind != tWord {
		return who{}
	}
	if w, ok := d.appositionHead(j, lo); ok {
		return w
	}
	if ri := d.runAt[j]; ri >= 0 && d.runs[ri].b-1 == j {
		return d.runBackward(ri, j, lo)
	}
	w := d.low(j)
	if d.toks[j].cap {
		return who{}
	}
	if r, ok := d.relativeAntecedent(w, j, lo); ok {
		return r
	}
	if reportNouns[w] {
		// "the statement said": the body that issued it speaks.
		r := d.issuer(w, j)
		r.found = true
		return r
	}
	if orgNouns[w] {
		return d.orgNounBackward(w, j, lo)
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
	return d.personOfGroup(j, lo)
}

// personOfGroup reads a person named before "from the … camp", "of the …
// faction": "Regina Ip from the pro-Beijing camp said". j is the group's
// noun in lower case.
func (d *doc) personOfGroup(j, lo int) who {
	for k := j - 1; k >= lo && k > j-6 && d.isWord(k) && !d.toks[k].cap; k-- {
		if w := d.low(k); w == "from" || w == "of" || w == "in" {
			if ri := d.runAt[max(k-1, 0)]; k-1 >= lo && ri >= 0 && d.runs[ri].b == k && (d.runs[ri].kind == entPerson || d.runs[ri].gender != 0 || d.runs[ri].words >= 2 && d.runs[ri].kind == entOther) {
				return d.whoOfRun(int(ri))
			}
			break
		}
	}
	return who{}
}

// runBackward reads the subject when the run ri ends at token j: the
// name, unless it is a modifier, one of two speakers or a place that
// describes someone.
func (d *doc) runBackward(ri int32, j, lo int) who {
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
	if r.kind != entPerson && r.gender == 0 && d.is(r.a-1, "in") && r.a-2 >= lo {
		// "The Aam Aadmi Party in Goa said": the body of the place.
		if oi := d.runAt[r.a-2]; oi >= 0 && d.runs[oi].b == r.a-1 && d.runs[oi].kind == entOrg {
			return d.whoOfRun(int(oi))
		}
	}
	if w, ok := d.memberOf(r, lo); ok {
		return w
	}
	if w, ok := d.titledApposition(r, lo); ok {
		return w
	}
	if w, ok := d.bodyVoice(r); ok {
		return w
	}
	if r.na == r.a && d.in(r.a-1, prepositions) && !d.is(r.a-1, "with") {
		// "a user on Weibo posted", "analyst at ICICI Securities said":
		// a noun after a preposition is not the subject; after "with" it
		// is, of an absolute phrase: "with Steve Scalise calling it …".
		return who{found: true}
	}
	if d.is(r.a-1, "what") {
		// "was met with what WalesOnline called “fury”": the subject of
		// a clause of its own, whatever phrase holds it.
		return d.whoOfRun(int(ri))
	}
	if d.inPhrase(r.a) {
		// "The authors of the research published in the journal JAMA
		// Psychiatry argued": the name is in a modifier of the subject.
		return who{found: true}
	}
	if d.is(r.a-1, "and") && d.hasRun(r.a-2) && d.runs[d.runAt[r.a-2]].kind != entTitle && wordBits[stem(d.low(r.a-2))]&(bPersonTitle|bRoleTitle) == 0 {
		// ("President and CEO Andy Vesey said": two titles, one person.)
		// "Dale and Martha said": two speakers, no one of them.
		return who{found: true}
	}
	return d.whoOfRun(int(ri))
}

// bodyVoice reads a body that speaks through an unnamed voice or by its
// kind before the run r: "a spokesman for 10 Downing Street said", "an
// official from TfL stated" (the body speaks, as news labels it), "the
// government of American Samoa issued" (the Government of American
// Samoa).
func (d *doc) bodyVoice(r nameRun) (who, bool) {
	p := r.a - 1
	if !d.isWord(p) || d.toks[p].cap || !d.isWord(p-1) || d.toks[p-1].cap {
		return who{}, false
	}
	prep, head := d.low(p), d.low(p-1)
	switch {
	case r.na == r.a && (prep == "for" || prep == "from" || prep == "of" || prep == "at") && voiceNouns[head] && (d.is(p-2, "a") || d.is(p-2, "an")):
		if r.kind == entPerson || r.gender != 0 {
			return who{}, false
		}
		w := d.whoOfRunBare(int(d.runAt[r.a]))
		if w.name == "" || w.person {
			return who{}, false
		}
		w.org = true
		return w, true
	case prep == "of" && r.kind != entPerson && r.gender == 0 && head == "government" && d.is(p-2, "the"):
		// The whole run: "American Samoa", whose key drops the
		// nationality word.
		return who{name: "Government of " + stem(d.text[d.toks[r.a].start:d.toks[r.b-1].end]), found: true, org: true}, true
	}
	return who{}, false
}

// mediaNouns are where a body publishes: its website speaks for it.
var mediaNouns = set("account", "blog", "channel", "page", "website")

// voiceNouns are the unnamed people through whom a body speaks.
var voiceNouns = set("official", "representative", "spokesman", "spokesperson", "spokeswoman")

// relativeAntecedent reads the subject of a relative clause, the word w
// at token j: "Toronto Police, which indicated …", "Alex Greenwich who
// said …", "Mark Hay, a marine ecologist at GT, who said …", "a statement
// which read …" (the body that issued it).
func (d *doc) relativeAntecedent(w string, j, lo int) (who, bool) {
	if w != "which" && w != "who" && w != "that" || j-1 < lo {
		return who{}, false
	}
	if p := j - 1; d.isWord(p) && !d.toks[p].cap && reportNouns[d.low(p)] && w != "who" {
		r := d.issuer(d.low(p), p)
		r.found = true
		return r, true
	}
	if w == "that" {
		return who{}, false
	}
	if ri := d.runAt[j-1]; ri >= 0 && d.runs[ri].b == j && d.runs[ri].kind != entPlace {
		if r := d.runs[ri]; w == "who" && (r.kind == entOrg || r.kind == entTitle) {
			return who{}, false
		}
		return d.whoOfRun(int(ri)), true
	}
	if d.punct(j-1, ',') && j-2 >= lo {
		if ri := d.runAt[j-2]; ri >= 0 && d.runs[ri].b == j-1 && d.runs[ri].kind != entPlace && (w == "which" || d.runs[ri].kind != entOrg) {
			return d.whoOfRun(int(ri)), true
		}
		if w == "who" {
			// "Mark Hay, a marine ecologist at GT, who said": the name
			// before the apposition, even as the object of "led by".
			for c := j - 2; c > lo && c > j-30 && d.toks[c].kind != tQuote; c-- {
				if !d.punct(c, ',') || !d.isWord(c+1) || !roleStart[d.low(c+1)] {
					continue
				}
				if ri := d.runAt[c-1]; ri >= 0 && d.runs[ri].b == c && d.runs[ri].kind != entOrg && d.runs[ri].kind != entPlace {
					if r := d.whoOfRun(int(ri)); r.name != "" && !r.org {
						return r, true
					}
				}
				break
			}
		}
	}
	return who{}, false
}

// titledApposition handles an apposition in capitals between a name and
// its verb: "Erwin Chemerinsky, Dean of UC Berkeley School of Law, called
// it", "Jane Roe, Chair in Global Politics at …, said". The run r opens
// with a title; the person is the name before the comma.
func (d *doc) titledApposition(r nameRun, lo int) (who, bool) {
	a := r.a
	if d.is(a-1, "the") {
		a-- // "Chris Wright, the Chief Technology Officer of Red Hat said"
	}
	if !d.punct(a-1, ',') || !titles[stem(d.low(r.a))] || a-2 < lo {
		return who{}, false
	}
	pi := d.runAt[a-2]
	if pi < 0 || d.runs[pi].b != a-1 {
		return who{}, false
	}
	p := d.runs[pi]
	if p.kind == entOrg || p.kind == entPlace || p.kind == entTitle || p.words < 2 {
		return who{}, false
	}
	w := d.whoOfRun(int(pi))
	if w.name == "" || w.org {
		return who{}, false
	}
	if w.role == "" {
		w.role = d.roleText(r.a, r.b)
	}
	return w, true
}

// orgNounBackward reads a body named by its kind, the org noun w at token
// j: "the US military", "the Afghan government", "the ministry".
func (d *doc) orgNounBackward(w string, j, lo int) who {
	a := j
	for a-1 >= lo && d.isWord(a-1) && (d.toks[a-1].cap && d.runAt[a-1] >= 0 || !d.toks[a-1].cap && orgModifiers[d.low(a-1)]) {
		a--
	}
	for a < j && !d.toks[a].cap && orgModifiers[d.low(a)] && !d.toks[j-1].cap && a == j-1 {
		break
	}
	if a == j && d.in(j-1, prepositions) {
		// "Richard Ferrand in relaying the news to parliament said": the
		// body is the object of a phrase between the subject and its
		// verb; the subject is the person before the phrase.
		for k := j - 2; k >= lo && k > j-12 && d.isWord(k) && d.toks[k].quote < 0; k-- {
			if ri := d.runAt[k]; ri >= 0 && d.runs[ri].b == k+1 {
				if d.in(k+1, prepositions) && (d.runs[ri].kind == entPerson || d.runs[ri].gender != 0) {
					return d.whoOfRun(int(ri))
				}
				break
			}
		}
	}
	if a == j {
		// "the ministry said": the body of that kind named last, if
		// any ("the Defence Ministry").
		r := d.orgRef(w, j)
		if r.name == "" && !d.in(j-1, determiners) && !d.possessive(j-1) && !(d.isWord(j-1) && !d.toks[j-1].cap) {
			// "police said", "army said": a body that needs no name
			// (not "Day's animal foundation said": a body unnamed).
			return who{name: d.word(j), found: true, org: true}
		}
		return r
	}
	if ri := d.runAt[a]; ri >= 0 && d.runs[ri].a < a {
		a = d.runs[ri].a
	}
	if ri := d.runAt[j-1]; ri >= 0 && d.possessive(j-1) && mediaNouns[w] {
		// "the WHO's website said": the body whose website it is.
		if o := d.whoOfRunBare(int(ri)); o.name != "" {
			o.org, o.found = true, true
			return o
		}
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

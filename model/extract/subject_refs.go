package extract

import "strings"

// References: the person or body that "the president", "the ambassador to
// Britain" or "they" stands for, named before or further on.

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

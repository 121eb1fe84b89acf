// Bodies: "the statement said" and "the ministry said" resolve to the body
// named earlier that issued the statement or bears the name.

package extract

import "strings"

// orgRef resolves "the ministry", "the committee" to the latest body named
// with that head noun before token j: "the Defence Ministry".
func (d *doc) orgRef(noun string, j int) who {
	for ri := len(d.runs) - 1; ri >= 0; ri-- {
		r := d.runs[ri]
		if r.a >= j || r.inQ || r.key == "" {
			continue
		}
		last := stem(d.low(r.b - 1))
		if last == noun && r.words >= 2 || r.words >= 3 && headedBy(r.key, noun) {
			return who{name: r.key, found: true, org: true}
		}
	}
	// "the interior ministry said …" earlier: a lower-case name.
	for k := j - 1; k > 0; k-- {
		if d.toks[k].quote >= 0 || d.low(k) != noun {
			continue
		}
		if m := d.low(k - 1); d.isWord(k-1) && !d.toks[k-1].cap && orgModifiers[m] {
			return who{name: d.text[d.toks[k-1].start:d.toks[k].end], found: true, org: true}
		}
	}
	if genericBodies[noun] {
		// "Dick Clark Productions denied … “Q,” the production company
		// said": the body last named as the subject of a clause nearby.
		for ri := len(d.runs) - 1; ri >= 0; ri-- {
			r := d.runs[ri]
			if r.a >= j || r.inQ || !r.subj && !r.initial || r.key == "" {
				continue
			}
			if d.toks[j].start-d.toks[r.a].start > 1500 {
				break
			}
			if !d.bodyLike(r) {
				continue
			}
			if w := d.whoOfRun(ri); w.name != "" && !w.person && w.gender == 0 {
				w.org, w.found = true, true
				return w
			}
		}
	}
	return who{found: true}
}

// documentBy reads who a document at token j is from: "a statement
// from X", "by X", "the opinion of the Court", "a decree signed by X".
func (d *doc) documentBy(j int) who {
	if d.is(j+1, "from") || d.is(j+1, "by") || d.is(j+1, "of") && (d.is(j+2, "the") || d.isWord(j+2) && d.toks[j+2].cap) {
		return d.npForward(j+2, 0)
	}
	if d.isWord(j+1) && strings.HasSuffix(d.low(j+1), "ed") && d.is(j+2, "by") {
		return d.npForward(j+3, 0)
	}
	return who{}
}

// headedBy reports whether a body's name has noun as its head before "of"
// or "on": "the court" is the Court of Session, "the commission" the
// Commission on Presidential Debates.
func headedBy(key, noun string) bool {
	for _, prep := range [...]string{" of ", " on "} {
		if i := strings.Index(key, prep); i > 0 {
			head := key[:i]
			if sp := strings.LastIndexByte(head, ' '); sp >= 0 {
				head = head[sp+1:]
			}
			return strings.EqualFold(head, noun)
		}
	}
	return false
}

// genericBodies describe any kind of body: "the company said" may stand
// for a body whose name does not end with the word.
var genericBodies = set("agency", "airline", "automaker", "broadcaster", "carrier", "charity",
	"company", "firm", "group", "insurer", "label", "monitor", "network", "organisation",
	"organization", "publisher", "regulator", "retailer", "start-up", "startup", "studio",
	"watchdog")

// bodyLike reports whether a run names a body by its shape: a known body,
// an acronym or a company word at its end (Productions, Records, Inc).
func (d *doc) bodyLike(r nameRun) bool {
	if r.kind == entOrg {
		return true
	}
	if r.kind != entOther || r.gender != 0 {
		return false
	}
	last := d.word(r.b - 1)
	if r.words == 1 && acronym(last) {
		return true
	}
	return companyWords[stem(d.low(r.b-1))]
}

var companyWords = set("ag", "airlines", "airways", "brands", "capital", "co", "communications",
	"corp", "corporation", "energy", "enterprises", "entertainment", "foods", "games", "group",
	"holdings", "inc", "industries", "labs", "llc", "ltd", "media", "motors", "networks",
	"partners", "pharmaceuticals", "pictures", "plc", "productions", "records", "resources",
	"sa", "studios", "systems", "technologies")

// orgModifiers name a body in lower case: "the interior ministry".
var orgModifiers = set("agriculture", "civil", "constitutional", "defence", "defense", "economy",
	"education", "election", "electoral", "emergency", "energy", "federal", "finance",
	"foreign", "health", "home", "humanitarian", "information", "interior", "justice", "local",
	"military", "national", "opposition", "provincial", "rebel", "regional", "state", "supreme",
	"transport")

// issuer finds who issued "the statement": the latest earlier "X said in a
// statement", "a statement from X" or "X issued a statement".
func (d *doc) issuer(noun string, self int) who {
	for j := self; j >= 0; j-- {
		if d.toks[j].quote >= 0 || !d.isWord(j) || stem(d.low(j)) != noun {
			continue
		}
		// "the committee's statement said"
		if p := j - 1; d.isWord(p) && isPossessive(d.word(p)) && !d.toks[p].cap && orgNouns[stem(d.low(p))] {
			if r := d.orgRef(stem(d.low(p)), p); r.name != "" {
				return r
			}
		}
		if j == self {
			// "RIAA's take-down notice claimed": the possessor issued it.
			for p := j - 1; p >= 0 && p >= j-3 && d.isWord(p); p-- {
				if ri := d.runAt[p]; ri >= 0 && d.runs[ri].b == p+1 && d.possessive(p) {
					if r := d.whoOfRunBare(int(ri)); r.name != "" {
						r.found = true
						return r
					}
					break
				}
				if determiners[d.low(p)] || d.toks[p].cap && !acronym(d.word(p)) {
					break // an acronym may come between: "RIAA's DMCA notice"
				}
			}
			if r := d.documentBy(j); r.name != "" {
				return r // "The opinion of the Court read", "The decree signed by the Pope read"
			}
			// "X issued a statement saying …": the statement is this one.
			for v := j - 1; v >= 0 && v > j-4; v-- {
				if d.is(v, "issued") || d.is(v, "released") || d.is(v, "published") {
					// Its issuer, named or not ("The ministry issued a
					// statement"): never an earlier statement's.
					r := d.subjectBefore(v, d.sentStart(v))
					r.found = true
					return r
				}
			}
			continue
		}
		// X said in a statement
		if (d.is(j-1, "a") || d.is(j-1, "an") || d.is(j-1, "its") || d.is(j-1, "the")) && d.is(j-2, "in") {
			if v := j - 3; v >= 0 && d.in(v, speechVerbs) {
				if r := d.subjectBefore(v, d.sentStart(v)); r.name != "" {
					return r
				}
			}
		}
		if r := d.documentBy(j); r.name != "" {
			return r
		}
		// X issued a statement / X's statement
		if j > 0 {
			if ri := d.runAt[j-1]; ri >= 0 && d.runs[ri].b == j {
				return d.whoOfRun(int(ri))
			}
		}
		for v := j - 1; v >= 0 && v > j-4; v-- {
			if d.is(v, "issued") || d.is(v, "released") || d.is(v, "published") || d.is(v, "put") {
				if r := d.subjectBefore(v, d.sentStart(v)); r.name != "" {
					return r
				}
			}
		}
	}
	return who{}
}

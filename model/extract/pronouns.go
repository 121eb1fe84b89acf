// Pronouns: "he said" goes to the last person named as a subject or a
// speaker, respecting he and she.

package extract

import "strings"

// mention is a person named as the subject of a clause or as a speaker:
// the candidates for a later "he said".
type mention struct {
	pos    int
	name   string
	role   string
	gender int8
	speech bool // subject of a speech verb: a strong antecedent
	inner  bool // subject of a clause inside the sentence: "whether Thomas slept", "the night Epstein died"
}

// pronoun resolves he/she to the last person named as a subject or a
// speaker before pos, within the last few paragraphs, of the right gender.
func (d *doc) pronoun(pos int, g int8) who {
	best := -1
	bestScore := -1 << 30
	for i, m := range d.ments {
		if m.pos >= pos || pos-m.pos > 1500 {
			continue
		}
		mg := m.gender
		if mg == 0 {
			mg = d.genderOf(m.name)
		}
		if mg != 0 && mg != g {
			continue
		}
		// A person of known gender beats a slightly nearer one of
		// unknown gender.
		score := m.pos
		if mg == 0 && !m.speech {
			score -= 150
		}
		if m.inner && !m.speech {
			// "Figgins declined to address whether Thomas slept … on the
			// night Epstein died. “…,” he said": the main subject speaks.
			score -= 400
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return who{}
	}
	m := d.ments[best]
	role := m.role
	if role == "" {
		role = d.roleOf(m.name)
	}
	return who{name: m.name, role: role, gender: m.gender, person: true, found: true}
}

// genderOf infers a person's gender from the pronouns that follow their
// name in the same sentence when no other person is named in between:
// "Swift ... her label". Cached per name.
func (d *doc) genderOf(name string) int8 {
	if g, ok := d.genders[name]; ok {
		return g
	}
	// The mentions of the name, of its surname and of its first name: the
	// runs whose key is the name, a word-final part or a word-initial part
	// of it.
	if d.keyRuns.head == nil {
		d.keyRuns.init(len(d.runs))
		for ri := range d.runs {
			if r := &d.runs[ri]; !r.inQ && r.key != "" {
				d.keyRuns.add(r.key, ri)
			}
		}
	}
	he, she := 0, 0
	count := func(key string) {
		for ri := d.keyRuns.first(key); ri >= 0; ri = d.keyRuns.after(ri) {
			r := &d.runs[ri]
			for k := r.b; k < len(d.toks) && k < r.b+30 && d.toks[k].sent == d.toks[r.a].sent; k++ {
				if d.runAt[k] >= 0 && d.runs[d.runAt[k]].kind == entPerson {
					break
				}
				if d.toks[k].quote >= 0 {
					continue
				}
				switch d.low(k) {
				case "he", "his", "him", "himself":
					he++
				case "she", "her", "hers", "herself":
					she++
				}
			}
		}
	}
	count(name)
	for i := 0; i < len(name); i++ {
		if name[i] == ' ' {
			count(name[:i])
			count(name[i+1:])
		}
	}
	var g int8
	if he > she {
		g = 1
	} else if she > he {
		g = 2
	}
	if d.genders == nil {
		d.genders = make(map[string]int8)
	}
	d.genders[name] = g
	return g
}

// collectMentions records the people named as subjects outside quotes.
func (d *doc) collectMentions() {
	lastSent := int32(-1) // sentence of the last subject: a second one there is inside a clause
	for ri, r := range d.runs {
		// "According to Muyembe, many people …": a source named after
		// "according to" is a speaker as much as a subject is.
		source := d.is(r.a-1, "to") && d.is(r.a-2, "according")
		if r.kind == entPlace && r.words == 1 && !r.inQ && d.isWord(r.b) && !d.toks[r.b].cap && !prepositions[d.low(r.b)] && !d.is(r.b, "and") {
			// "West backed away …" after "Kanye West": a surname that is
			// also a place word stands for the person. (Place runs get no
			// clause role: the word after it says it is a subject.)
			if w, ok := d.personNamedLike(r); ok {
				d.ments = append(d.ments, mention{pos: d.toks[r.a].start, name: w.name, gender: w.gender, speech: r.speech, inner: d.toks[r.a].sent == lastSent})
				lastSent = d.toks[r.a].sent
			}
			continue
		}
		// "Actor Brendan Fraser's appearance was …. He quipped": a
		// possessor opening the sentence is what the sentence is about.
		topic := r.initial && d.possessive(r.b-1)
		if r.inQ || !r.subj && !source && !topic || r.kind == entPlace || r.kind == entOrg {
			continue
		}
		name, fr := d.fullest(ri)
		f := d.runs[fr]
		// Only people: a title or a first name says so, or the name
		// was the subject of a speech verb ("Premiere Edition" is not).
		if r.kind != entPerson && f.kind != entPerson && !(f.kind == entOther && f.words >= 2 && (r.speech || source || f.gender != 0 || d.genderOf(name) != 0)) &&
			!(f.kind == entOther && f.words == 1 && f.gender != 0 && fr == ri) {
			// A lone first name of known gender is a person too:
			// "Mariam, 29, said her house was destroyed". Not a lone word
			// whose gender only the pronouns after it suggest: "July",
			// "Christmas", "Audience" would pass.
			continue
		}
		g := r.gender
		if g == 0 || fr != ri && d.runs[fr].gender != 0 && r.na == r.a && r.words == 1 {
			// The full name's gender: "Omar" after "Ilhan Omar".
			g = d.runs[fr].gender
		}
		if g == 0 && len(name) > len(r.key) && name[len(r.key)] == ' ' && strings.HasPrefix(name, r.key) {
			// The pronouns after this very mention ("Elise wrote, she
			// interviewed …") before those after the full name.
			g = d.genderOf(r.key)
		}
		d.ments = append(d.ments, mention{pos: d.toks[r.a].start, name: name, gender: g, speech: r.speech || source || topic, inner: d.toks[r.a].sent == lastSent})
		lastSent = d.toks[r.a].sent
	}
}

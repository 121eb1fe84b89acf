package extract

import "strings"

// Cue verbs the lexicon does not know. The list of speech verbs will never
// be complete ("scoffed", "quipped", "conceded"…), so the shape decides:
// a past-tense verb right after a quotation and a name, closing the
// sentence, is how news attributes speech.

// unknownSpeechVerb reports whether token j, right after the name that
// follows a quotation at token i, is a past-tense verb ending the clause:
// “Q,” Jane Roe scoffed.
func (d *doc) unknownSpeechVerb(i, j int) bool {
	ri := d.runAt[i]
	if ri < 0 || d.runs[ri].a != i || d.runs[ri].b != j {
		return false
	}
	return d.pastTenseCue(j) && (d.punct(j+1, '.') || d.punct(j+1, ','))
}

// invertedUnknownVerb reports an inverted attribution with a verb the
// lexicon lacks: “Q,” scoffed Jane Roe. The name must end the sentence.
func (d *doc) invertedUnknownVerb(i int) bool {
	if !d.pastTenseCue(i) {
		return false
	}
	ri := d.runAt[i+1]
	if ri < 0 || d.runs[ri].a != i+1 {
		return false
	}
	e := d.runs[ri].b
	if _, end, ok := d.bodysRoleNameEnd(i + 1); ok {
		e = end // “Q,” quipped Valiant Entertainment editor Heather Antos.
	}
	return d.punct(e, '.') || d.punct(e, ',') || e >= len(d.toks)
}

// pastTenseCue is a lower-case word in -ed that is no participle of the
// kinds that follow quotations without speech ("“Q,” Smith added" is in
// the lexicon; "“Q,” Smith published" is not speech, but neither do
// papers end sentences that way).
func (d *doc) pastTenseCue(j int) bool {
	if !d.isWord(j) || d.toks[j].cap {
		return false
	}
	w := d.low(j)
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !notSpeechVerbs[w]
}

// notSpeechVerbs end a clause after a name without reporting speech.
var notSpeechVerbs = set("arrested", "died", "injured", "killed", "resigned", "retired", "survived",
	"wounded")

// introducesNext reports whether the attribution at token i introduces
// the next quotation rather than closing the one before: “Q1.” Minister
// Jane Roe remarked, “Q2.”
func (d *doc) introducesNext(i int) bool {
	v := d.verbAfter(i)
	if ri := d.runAt[i]; v < 0 && ri >= 0 && d.runs[ri].a == i {
		// “Q1.” Sophie Roe, another lawyer for the victim, told
		// reporters “Q2”: the verb after a long apposition.
		v = d.verbAfter(d.skipAfterName(&d.runs[ri]))
	}
	if v < 0 {
		return false
	}
	k := v + 1
	if d.punct(k, ',') || d.punct(k, ':') {
		k++
	} else {
		// “Q1.” President Roe called it a “terrible event”, “Q1.” He
		// went on noting that “Q2”: the verb's own object is quoted, a
		// few words on.
		for n := 0; n < 4 && d.isWord(k) && d.toks[k].quote < 0 && d.toks[k].sent == d.toks[v].sent; n++ {
			k++
		}
	}
	return k < len(d.toks) && d.toks[k].kind == tQuote && d.toks[k].para == d.toks[i].para
}

// reportsAction reports whether the sentence at token i goes on past its
// verb to what someone was urged or asked to do: “Stop the shelling.”
// Human Rights Watch has urged both sides to talk. A new sentence about
// an act, not the attribution of the quotation before it.
func (d *doc) reportsAction(i int) bool {
	v := d.verbAfter(i)
	if v < 0 {
		return false
	}
	n := 0
	for k := v + 1; k < len(d.toks) && d.toks[k].sent == d.toks[v].sent && d.toks[k].kind != tQuote; k++ {
		if !d.isWord(k) {
			continue
		}
		n++
		if n > 1 && d.is(k, "to") && d.isWord(k+1) && !d.toks[k+1].cap {
			return true
		}
	}
	return false
}

// verbAfter is the first speech verb of the sentence within eight tokens
// of token i, or -1.
func (d *doc) verbAfter(i int) int {
	for v := i; v < len(d.toks) && v < i+8 && d.toks[v].sent == d.toks[i].sent; v++ {
		if d.isWord(v) && !d.toks[v].cap && speechVerbs[d.low(v)] {
			return v
		}
	}
	return -1
}

// writtenCue reports a verb that quotes written words when a document is
// its subject or object: "the statement read:", "“Q,” read the
// statement", "The email began,", "a sign that read".
func (d *doc) writtenCue(j int) bool {
	if !d.isWord(j) || d.toks[j].cap || !writtenVerbs[d.low(j)] {
		return false
	}
	if d.documentSubject(j, d.sentStart(j)) >= 0 {
		return true // "The decree signed by the Pope read"
	}
	for _, k := range [...]int{j - 1, j - 2, j + 1, j + 2, j + 3, j + 4} {
		if d.isWord(k) && !d.toks[k].cap && reportNouns[d.low(k)] {
			return true // "reads an AEW press release"
		}
	}
	// "reads Judge Miller's statement": a possessive name, then the noun.
	if j+1 < len(d.toks) {
		if ri := d.runAt[j+1]; ri >= 0 && d.runs[ri].a == j+1 && d.possessive(d.runs[ri].b-1) {
			if k := d.runs[ri].b; d.isWord(k) && reportNouns[d.low(k)] {
				return true
			}
		}
	}
	return d.is(j-1, "that") && d.isWord(j-2) && reportNouns[d.low(j-2)]
}

// writtenVerbs quote a document's words.
var writtenVerbs = set("began", "begins", "read", "reads", "stated", "states")

// objectBefore reports whether the words just before token j end a
// prepositional phrase, "… not to play for the Iranian Chess Federation
// saying": a participle after it belongs to the sentence's subject, not
// to the object of the preposition.
func (d *doc) objectBefore(j int) bool {
	ri := d.runAt[j-1]
	if j < 2 || ri < 0 || d.runs[ri].b != j {
		return false
	}
	k := d.runs[ri].a - 1
	if d.in(k, determiners) {
		k--
	}
	// "with Foreign Minister Ayman Safadi warning of …" is no object: an
	// absolute phrase, whose name speaks; so is "with Steve Scalise of
	// Louisiana calling …".
	if !d.isWord(k) || d.toks[k].cap || !prepositions[d.low(k)] || d.is(k, "with") {
		return false
	}
	if d.is(k, "of") || d.is(k, "from") {
		if pi := d.runAt[k-1]; k > 0 && pi >= 0 && d.runs[pi].b == k && d.is(d.runs[pi].a-1, "with") {
			return false
		}
	}
	return true
}

// reportedSentence handles a quotation that is a sentence of its own
// after a sentence reporting the same person's words in the paragraph:
// "Zapata said it required much endurance. “It's an isometric exercise
// for the thighs.”" The sentence before must open with its speaker and a
// speech verb, and hold no quotation.
func (d *doc) reportedSentence(k, a int) who {
	q := d.qs[k]
	if a == 0 || !d.opensSentence(a, 0) || !endsSentence(d.text[q.start:q.end]) {
		return who{}
	}
	prev := a - 1
	for prev >= 0 && d.toks[prev].sent == d.toks[a].sent {
		prev--
	}
	if prev < 0 || d.toks[prev].para != d.toks[a].para {
		return who{}
	}
	lo := d.sentStart(prev)
	for j := lo; j <= prev; j++ {
		if d.toks[j].quote >= 0 {
			return who{}
		}
	}
	for v := lo; v <= prev && v < lo+12; v++ {
		if d.isWord(v) && !d.toks[v].cap && speechVerbs[d.low(v)] && !weakSpeechVerbs[d.low(v)] {
			w := d.subjectBefore(v, lo)
			if w.org {
				return who{}
			}
			return w
		}
	}
	return who{}
}

// documentSubject returns the report noun that heads the subject of the
// written verb at j when the sentence opens with it ("The opinion of the
// Court, released on Wednesday, read", "The decree signed by the Pope
// read"), or -1.
func (d *doc) documentSubject(j, lo int) int {
	if !writtenVerbs[d.low(j)] || d.toks[j].cap || j-lo > 14 || !d.is(lo, "the") {
		return -1
	}
	if k := lo + 1; d.isWord(k) && !d.toks[k].cap && reportNouns[d.low(k)] {
		return k
	}
	return -1
}

// gaveQuote reports whether token j is a verb of giving whose object is
// the quotation opening at a, after
// a determiner and at most two words: "The State Department gave its
// “deepest sympathies”", "De La Fuente gave a terse “no.”". The subject
// of the clause speaks.
func (d *doc) gaveQuote(j, a int) bool {
	if !givingVerbs[d.low(j)] || d.toks[j].cap {
		return false
	}
	k := a - 1
	for n := 0; n < 2 && d.isWord(k) && !d.toks[k].cap && !determiners[d.low(k)]; n++ {
		k--
	}
	return k == j+1 && d.isWord(k) && determiners[d.low(k)]
}

var givingVerbs = set("expressed", "gave", "gives", "offered", "offers", "sends", "sent")

// dateWord reports a run that is a month or a weekday: "January 26"
// opening a dateline is no subject.
func (d *doc) dateWord(r nameRun) bool {
	if r.words != 1 {
		return false
	}
	w := d.low(r.na)
	_, month := months[w]
	return month || weekdays[w]
}

// cueBeforeQuote reports a verb the lexicon lacks right before the
// quotation, after its subject: "He quipped “I still have dust in my
// shoes.”", "Jane Roe conceded: “We made mistakes.”"
func (d *doc) cueBeforeQuote(j, a int) bool {
	k := j + 1
	if d.punct(k, ',') || d.punct(k, ':') {
		k++
	}
	if k != a || !d.pastTenseCue(j) {
		return false
	}
	p := j - 1
	if p < 0 {
		return false
	}
	if d.in(p, malePron) || d.in(p, femalePron) {
		return true
	}
	ri := d.runAt[p]
	return ri >= 0 && d.runs[ri].b == j
}

// statementColon reads the subject of a sentence that introduces the
// quotation after a colon by what it issued: "The campaign recycled a
// statement it first put out in July: “Q”", "The family released a
// message: “Q”". The verb need not be one of speech; the document says
// what the quotation is.
func (d *doc) statementColon(a int) who {
	if a < 2 || !d.punct(a-1, ':') {
		return who{}
	}
	lo := d.sentStart(a - 1)
	for j := lo + 2; j < a-1 && j < lo+12; j++ {
		if !d.isWord(j) || d.toks[j].cap || !reportNouns[d.low(j)] || d.toks[j].quote >= 0 {
			continue
		}
		det := j - 1
		for det > lo && d.isWord(det) && !d.toks[det].cap && !determiners[d.low(det)] && j-det < 3 {
			det-- // "a short statement", "a new message"
		}
		v := det - 1
		if !determiners[d.low(det)] || !d.isWord(v) || d.toks[v].cap || determiners[d.low(v)] || prepositions[d.low(v)] {
			return who{}
		}
		if w := d.subjectBefore(v, lo); w.name != "" {
			return w
		}
		return who{}
	}
	return who{}
}

// urgesTo reports "called on drivers to “not forget …”": a call on
// someone to do what the quotation says is the caller's words, unlike
// "called on the “interim” government".
func (d *doc) urgesTo(j, a int) bool {
	return d.is(a-1, "to") && a-j <= 12
}

// describedBy reads the agent of a passive naming verb right before the
// quotation: "Gutierrez was described by the CBCP as “a strong advocate”".
func (d *doc) describedBy(j, a int) who {
	as := a - 1
	if d.is(as, "a") || d.is(as, "an") {
		as-- // "described by the Daily Hive as a “squirrel whisperer”"
	}
	if !d.is(j+1, "by") || !d.is(as, "as") || a-j > 12 {
		return who{}
	}
	w := d.npForward(j+2, 0)
	w.found = w.name != ""
	return w
}

// weakReach is how many words may stand between a weak verb and the
// quotation it attributes: a verb that names what it quotes ("calling the
// investigation into Trump “Soviet-style”") reaches over its object.
func weakReach(w string) int {
	if strings.HasPrefix(w, "call") || strings.HasPrefix(w, "describ") || strings.HasPrefix(w, "label") || strings.HasPrefix(w, "brand") || strings.HasPrefix(w, "dub") || strings.HasPrefix(w, "term") {
		return 6
	}
	return 4
}

// sentenceSubject is the weakest proposal: a few quoted words inside a
// sentence whose subject is a name or he/she, with no verb of speech to
// say so: "Pierce professed himself “deeply concerned”", "Hawkins attacked
// the “macho culture”". The subject chose the words more often than not;
// the ranker weighs this rule by what it learned of it.
func (d *doc) sentenceSubject(k, a int) who {
	q := d.qs[k]
	lo := d.sentStart(a)
	if a == lo || d.opensSentence(a, lo) || moreWords(d.text[q.start:q.end], 12) {
		return who{}
	}
	for j := lo; j < a; j++ {
		if d.toks[j].quote >= 0 {
			return who{} // another quotation before: its own attribution rules
		}
		if d.is(j, "by") && j >= 2 && d.isWord(j-2) && passiveAux[d.low(j-2)] {
			return who{} // "Smith was told by an aide that …": the subject heard it
		}
		if d.writtenCue(j) {
			return who{} // "Protesters held a sign that read “…”": the sign's words
		}
	}
	if d.in(lo, malePron) || d.in(lo, femalePron) {
		g := int8(1)
		if d.in(lo, femalePron) {
			g = 2
		}
		return d.pronoun(d.toks[lo].start, g)
	}
	// "With this alliance, Netanyahu envisioned …": past opening phrases.
	lo = d.clauseStart(lo, a)
	ri := d.runAt[lo]
	if ri >= 0 && d.runs[ri].a == lo && (d.runs[ri].kind == entPlace || d.runs[ri].kind == entTitle) {
		// "Greek prime minister Kyriakos Mitsotakis …": the person after
		// a nationality and a role in lower case.
		if n := d.skipLowerRole(d.runs[ri].b); n != d.runs[ri].b && d.runAt[n] >= 0 {
			ri = d.runAt[n]
		}
	}
	if ri < 0 || d.runs[ri].a > lo+3 || !d.runs[ri].subj || d.runs[ri].kind == entPlace || d.runs[ri].kind == entTitle || d.dateWord(d.runs[ri]) {
		return who{}
	}
	// "Zelensky declined … a recording in which someone audibly says
	// Zelensky “Q”": a speech verb of another subject in the sentence.
	for j := d.runs[ri].b + 1; j < a; j++ {
		if d.isWord(j) && !d.toks[j].cap && d.toks[j].quote < 0 && speechVerbs[d.low(j)] {
			if !d.isWord(j-1) || d.toks[j-1].cap {
				break // right after a name: its own verb, asked by the rules before
			}
			return who{}
		}
	}
	if r := d.runs[ri]; r.words == 1 && r.initial {
		if w := d.low(r.na); len(w) > 3 && w[len(w)-1] == 's' && (personNouns[w] || roleLike(w[:len(w)-1])) {
			return who{} // "Protesters …": a crowd has no one voice
		}
	}
	return d.whoOfRun(int(ri))
}

package extract

import "strings"

// who is the outcome of looking for a speaker.
type who struct {
	name   string
	role   string
	gender int8
	person bool
	org    bool // a body, a place or a document: never "he" or "she"
	found  bool // an attribution was seen; name == "" then means "no speaker" (I, we, an unnamed official)
	via    rule // which rule found it: a feature of the speaker ranker
}

// rule names the attribution rule that proposed a speaker.
type rule uint8

const (
	ruleNone rule = iota
	ruleAfter
	ruleBefore
	ruleHeadline
	ruleAccording
	ruleTrailing
	ruleContinue
	rulePrevPara
	ruleColonLead
	ruleReportedLead
	ruleLaterInSentence
	ruleSubject
	ruleInterview
	ruleVeto // a title or a subheading: nobody's words, whatever the ranker thinks
	ruleCount
)

// attribute gives each quotation its speaker: the rules propose, the
// ranker chooses (speaker_ranker.go).
func (d *doc) attribute() []Quote {
	return d.attributeWith(speakerModel())
}

// attributeWith is attribute with a given ranker; nil keeps the rules'
// own choices.
func (d *doc) attributeWith(m *rankModel) []Quote {
	speakers := d.ruleSpeakers()
	if m != nil {
		speakers = d.rankSpeakers(speakers, m)
	}
	out := make([]Quote, 0, len(d.qs))
	for k, q := range d.qs {
		w := speakers[k]
		// Single quotation marks with no speaker are mostly headline
		// shorthand and scare quotes: 'Huge obstacles'. Keep only the long.
		if q.single && w.name == "" && !moreWords(d.text[q.start:q.end], 3) {
			continue
		}
		quote := Quote{Text: d.text[q.start:q.end], Start: q.start, End: q.end}
		if w.name != "" {
			n := w.name
			quote.Speaker = &n
			if w.role != "" {
				r := w.role
				quote.Role = &r
			}
		}
		out = append(out, quote)
	}
	return out
}

// ruleSpeakers is what the attribution rules say of each quotation.
func (d *doc) ruleSpeakers() []who {
	d.collectMentions()
	speakers := make([]who, len(d.qs))
	marks := d.interviewMarks()
	for k, q := range d.qs {
		a, b := d.quoteTokens(k)
		w := d.attributeOne(k, a, b, speakers)
		if !w.found && w.via != ruleVeto {
			w = d.laterInSentence(k, b)
		}
		if marks != nil && w.name == "" && w.via != ruleVeto {
			if iw := d.interviewSpeaker(marks, k, a, b, w); iw.name != "" {
				w = iw
				w.via = ruleInterview
			}
		}
		// An interview's answerer is "I" in the text around: no he or she
		// stands for them.
		if w.name != "" && !w.org && w.via != ruleInterview && (w.person || w.gender != 0 || strings.IndexByte(w.name, ' ') > 0) {
			d.ments = append(d.ments, mention{pos: q.open, name: w.name, role: w.role, gender: w.gender, speech: true})
		}
		speakers[k] = w
		if w.org && w.name != "" {
			d.lastOrg, d.orgPos = w, q.open
		}
	}
	return speakers
}

func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if isSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// quoteTokens returns the token range [a,b) of quotation k, marks included.
func (d *doc) quoteTokens(k int) (int, int) {
	q := d.qs[k]
	a := lowerBound(d.toks, q.open)
	b := a
	for b < len(d.toks) && d.toks[b].start < q.close {
		b++
	}
	return a, b
}

func lowerBound(toks []token, pos int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].start < pos {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (d *doc) attributeOne(k, a, b int, speakers []who) who {
	q := d.qs[k]
	// A list of titles: “Listen To The Music,” “Black Water,” …
	if d.inTitleList(a, b) {
		return who{via: ruleVeto}
	}
	if d.titleAfterName(k, a) {
		return who{via: ruleVeto}
	}
	// “losers” and “suckers”: words quoted together have one speaker.
	if k > 0 && speakers[k-1].name != "" && d.coordinatedQuotes(k-1, a) {
		w := speakers[k-1]
		w.via = ruleContinue
		return w
	}
	if w := d.afterAttr(k, b); w.found {
		w.via = ruleAfter
		return w
	}
	if w := d.statementColon(a); w.found {
		w.via = ruleBefore
		return w
	}
	if w := d.beforeAttr(a); w.found {
		w.via = ruleBefore
		return w
	}
	if w := d.headlineColon(a); w.found {
		w.via = ruleHeadline
		return w
	}
	if w := d.accordingAfter(b); w.found {
		w.via = ruleAccording
		return w
	}
	if w := d.trailingAttribution(b); w.found {
		w.via = ruleTrailing
		return w
	}
	// A quotation that is a whole paragraph of a few words with no final
	// punctuation is a subheading, not speech.
	p := d.paras[q.para]
	if q.open == p.start && q.close >= p.end-1 && !endsSentence(d.text[q.start:q.end]) {
		return who{via: ruleVeto}
	}
	// Continuation: another quotation earlier in the paragraph, with no
	// other person named in between, or the previous paragraph when this
	// one opens with a quotation.
	pk := k - 1
	for pk >= 0 && d.qs[pk].para == q.para && speakers[pk].name == "" {
		// Skip a title between the speaker's quotations: Maley said on
		// CNBC's “Trading Nation” on Monday. “It was down …”
		if pa, _ := d.quoteTokens(pk); !d.titleAfterName(pk, pa) {
			break
		}
		pk--
	}
	if pk >= 0 && d.qs[pk].para == q.para && speakers[pk].name != "" {
		_, pb := d.quoteTokens(pk)
		prev := speakers[pk]
		if !d.otherNameBetween(pb, a, prev.name) && (d.opensSentence(a, pb) || d.toks[a].sent == d.toks[pb-1].sent || d.sentenceNames(a, prev)) {
			prev.via = ruleContinue
			return prev
		}
		// A few quoted words inside the writer's own later sentence
		// ("… to reconcile dividends with “investing for growth.”")
		// echo the speaker; they are not more of the speech unless the
		// sentence is about the speaker ("… which made Vaughan believe
		// he was “basically seeing …”").
		return who{}
	}
	if q.open == p.start && q.para > 0 && d.onlyQuotesAfter(k, b) {
		if k > 0 && d.qs[k-1].para == q.para-1 && speakers[k-1].name != "" {
			// The previous paragraph's last quotation, if nothing but
			// its attribution follows it there.
			_, pb := d.quoteTokens(k - 1)
			if !d.otherNameBetween(pb, a, speakers[k-1].name) {
				w := speakers[k-1]
				w.via = rulePrevPara
				return w
			}
		}
		if w := d.colonLead(q.para - 1); w.found {
			w.via = ruleColonLead
			return w
		}
		if w := d.reportedLead(q.para - 1); w.name != "" && !w.org {
			w.via = ruleReportedLead
			return w
		}
	}
	if w := d.reportedSentence(k, a); w.name != "" {
		w.via = ruleReportedLead
		return w
	}
	if w := d.sentenceSubject(k, a); w.name != "" {
		w.via = ruleSubject
		return w
	}
	return who{}
}

// coordinatedQuotes reports whether quotation pk ends just before the one
// opening at token a, joined by "and", "or" or a comma in one sentence.
func (d *doc) coordinatedQuotes(pk, a int) bool {
	_, pb := d.quoteTokens(pk)
	if pb >= a || a-pb > 2 || d.toks[pb-1].sent != d.toks[a].sent {
		return false
	}
	for j := pb; j < a; j++ {
		if !d.is(j, "and") && !d.is(j, "or") && !d.punct(j, ',') {
			return false
		}
	}
	return true
}

// laterInSentence handles a quotation whose sentence goes on to another
// quotation attributed after it: The outages have been “terribly
// disruptive” and … at the moment, “we won’t roll the dice,” Vesey said.
func (d *doc) laterInSentence(k, b int) who {
	if k+1 >= len(d.qs) || b >= len(d.toks) {
		return who{}
	}
	a2, b2 := d.quoteTokens(k + 1)
	if a2 >= len(d.toks) || d.toks[a2].sent != d.toks[b-1].sent {
		return who{}
	}
	for i := b; i < a2; i++ {
		if d.isWord(i) && speechVerbs[d.low(i)] {
			return who{} // a verb of its own between them: not the same speaker for sure
		}
	}
	w := d.afterAttr(k+1, b2)
	w.via = ruleLaterInSentence
	return w
}

// opensSentence reports whether the quotation opening at token a starts
// its sentence, with nothing but quotations between it and token lo.
func (d *doc) opensSentence(a, lo int) bool {
	for j := a - 1; j >= lo && d.toks[j].sent == d.toks[a].sent; j-- {
		if d.toks[j].quote < 0 {
			return false
		}
	}
	return true
}

// sentenceNames reports whether the sentence of token a names the person
// w outside quotations, by name or by a pronoun of w's gender.
func (d *doc) sentenceNames(a int, w who) bool {
	g := w.gender
	if g == 0 && !w.org {
		g = d.genderOf(w.name)
	}
	for j := d.sentStart(a); j < len(d.toks) && d.toks[j].sent == d.toks[a].sent; j++ {
		if d.toks[j].quote >= 0 || !d.isWord(j) {
			continue
		}
		if ri := d.runAt[j]; ri >= 0 && d.runs[ri].a == j {
			if n, _ := d.fullest(int(ri)); n == w.name {
				return true
			}
		}
		if d.is(j, "he") || d.is(j, "she") {
			pg := int8(1)
			if d.is(j, "she") {
				pg = 2
			}
			if g == pg || g == 0 && d.pronoun(d.toks[j].start, pg).name == w.name {
				return true
			}
		}
	}
	return false
}

// titleAfterName reports whether quotation k, opening at token a, is the
// title of a show, book or film: a few capitalised words with no final
// punctuation right after a possessive or a preposition ("on CNBC's
// “Trading Nation”", "in “Dancing with the Stars”"). Titles have no
// speaker.
func (d *doc) titleAfterName(k, a int) bool {
	q := d.qs[k]
	s := d.text[q.start:q.end]
	if !moreWords(s, 0) || moreWords(s, 6) || endsSentence(s) {
		return false
	}
	if p := a - 1; !(d.isWord(p) && (d.possessive(p) || !d.toks[p].cap && prepositions[d.low(p)])) {
		return false
	}
	for i := a + 1; i < len(d.toks) && d.toks[i].start < q.end; i++ {
		if d.isWord(i) && !d.toks[i].cap && !nameParticles[d.low(i)] && !functionCaps[d.low(i)] {
			return false
		}
	}
	return true
}

// headlineColon handles "Zelensky: “We will not give up”": a paragraph
// that opens with a name and a colon before the quotation.
func (d *doc) headlineColon(a int) who {
	if a < 2 || !d.punct(a-1, ':') {
		return who{}
	}
	ri := d.runAt[a-2]
	if ri < 0 || d.runs[ri].b != a-1 {
		return who{}
	}
	r := d.runs[ri]
	start := r.a
	if d.is(start-1, "the") {
		start--
	}
	if start > 1 && d.punct(start-1, ',') && d.toks[start-1].para == d.toks[r.a].para {
		// A roundup line: "Jane Roe, The Daily Planet: “Q”": the person
		// opens the line, the outlet follows her name.
		if pi := d.runAt[start-2]; pi >= 0 && d.runs[pi].b == start-1 {
			p := d.runs[pi]
			if (p.a == 0 || d.toks[p.a-1].para != d.toks[p.a].para) && p.kind != entPlace && p.kind != entOrg && p.kind != entTitle {
				return d.whoOfRun(int(pi))
			}
		}
		return who{}
	}
	if r.a > 0 && d.toks[r.a-1].para == d.toks[r.a].para {
		return who{}
	}
	if r.kind == entPlace || r.kind == entTitle {
		return who{}
	}
	return d.whoOfRun(int(ri))
}

// onlyQuotesAfter reports whether what follows quotation k in its
// paragraph is nothing, or a new sentence after a quotation that ended
// one: the shape of a paragraph that continues a speaker's words. “Wild
// Rose” is now available … is not.
func (d *doc) onlyQuotesAfter(k, b int) bool {
	if b >= len(d.toks) || d.toks[b].para != d.toks[b-1].para {
		return true
	}
	if d.toks[b].kind == tQuote {
		return true
	}
	return endsSentence(d.text[d.qs[k].start:d.qs[k].end]) && prevRune(d.text, d.qs[k].end) != ',' && d.toks[b].sent != d.toks[b-1].sent
}

// inTitleList reports whether the quotation at tokens [a,b) sits in a
// comma-separated run of short quotations: song or film titles, not speech.
func (d *doc) inTitleList(a, b int) bool {
	if d.toks[a].kind != tQuote {
		return false
	}
	if moreWords(d.text[d.toks[a].start:d.toks[b-1].end], 8) {
		return false
	}
	// “A,” “B”: the next token after the closing mark opens a quotation
	// in the same paragraph, and this one ends with a comma.
	q := d.qs[d.toks[a].quote]
	if b < len(d.toks) && d.toks[b].kind == tQuote && d.toks[b].para == d.toks[a].para && d.toks[b].start == d.qs[d.toks[b].quote].open && prevRune(d.text, q.end) == ',' {
		return true
	}
	// “A,” “B”: the token before this opening mark closes one that ends
	// with a comma.
	if a > 0 && d.toks[a-1].kind == tQuote && d.toks[a-1].para == d.toks[a].para && d.toks[a-1].end == d.qs[d.toks[a-1].quote].close && prevRune(d.text, d.qs[d.toks[a-1].quote].end) == ',' {
		return true
	}
	return false
}

func endsSentence(s string) bool {
	r := prevRune(s, len(s))
	switch r {
	case '.', '!', '?', ',', '…', ':', ';', '"', '\'', '”', '’', '—', '–':
		return true
	}
	return false
}

// otherNameBetween reports whether a person other than name (or a
// pronoun) is named outside quotations between tokens a and b.
func (d *doc) otherNameBetween(a, b int, name string) bool {
	for i := a; i < b; i++ {
		t := d.toks[i]
		if t.quote >= 0 || t.kind != tWord {
			continue
		}
		if ri := d.runAt[i]; ri >= 0 && d.runs[ri].a == i {
			r := d.runs[ri]
			if r.kind == entPlace || r.kind == entOrg {
				continue
			}
			n, fr := d.fullest(int(ri))
			f := d.runs[fr]
			if (n == name || strings.HasSuffix(name, n)) && d.punct(r.b, ',') {
				// The speaker's own apposition names no one else: "Will
				// Moy, chief executive of … Full Fact, told the BBC".
				if e := d.appositionEnd(r.b); e > 0 {
					i = e
					continue
				}
			}
			if !(r.kind == entPerson || f.kind == entPerson || r.subj && f.words >= 2) {
				continue // "in Vilkove", "of Darsa General Hospital": not a new speaker
			}
			if p := r.a - 1; d.isWord(p) && !d.toks[p].cap && (prepositions[d.low(p)] || objectVerbs[d.low(p)]) {
				continue // "Bornstein wrote of Trump", "Cook told Benioff": not a new speaker
			}
			if d.possessive(r.b - 1) {
				continue // "writes Huber's partner Erick Rowan": a possessor, not a new speaker
			}
			if n != name && !strings.HasSuffix(name, n) {
				return true
			}
		}
		if !t.cap && (d.low(i) == "he" || d.low(i) == "she") {
			// A pronoun subject of its own speech verb is fine;
			// elsewhere it may be someone else.
			continue
		}
	}
	return false
}

// afterAttr handles “Q,” X said / “Q,” said X / “Q,” he added.
func (d *doc) afterAttr(k, b int) who {
	q := d.qs[k]
	if !q.closed || b >= len(d.toks) {
		return who{}
	}
	last := prevRune(d.text, q.end)
	if last == '’' || last == '\'' || last == '”' || last == '"' {
		// A nested quotation closes first: ‘No, you first,’”
		last = prevRune(d.text, q.end-len(string(last)))
	}
	i := b
	comma := false
	for i < len(d.toks) && d.toks[i].kind == tPunct && (d.text[d.toks[i].start] == ',' || d.text[d.toks[i].start] == '-' || strings.HasPrefix(d.text[d.toks[i].start:], "—") || strings.HasPrefix(d.text[d.toks[i].start:], "–")) {
		comma = true
		i++
	}
	if i >= len(d.toks) || d.toks[i].para != d.toks[b-1].para || d.toks[i].kind != tWord {
		return who{}
	}
	switch last {
	case '?', '!':
		if !comma && d.introducesNext(i) {
			// “Why should bishops be exempt?” Archbishop Roe said, “Q2”:
			// the next speaker's own words follow.
			return who{}
		}
	case ',', '—', '–', '-', '…':
	default:
		// “Q”, he said (commas outside) is fine; “Q” agreement is not
		// an attribution. Without a comma, only a name or a pronoun
		// right before its speech verb is: “Q” Mayer said.
		if !comma && !d.directAttribution(i) {
			return who{}
		}
		if last == '.' && !comma && (d.reportsOn(i) || d.introducesNext(i) || d.reportsAction(i)) {
			// “… dinner.” Martha added that shortly before …: a new
			// sentence reporting more, not the attribution of this one.
			return who{}
		}
	}
	ii := i
	if d.isWord(ii) && !d.toks[ii].cap && (strings.HasSuffix(d.low(ii), "ly") || d.is(ii, "further") || d.is(ii, "also") || d.is(ii, "then")) {
		ii++ // “Q,” further saying …
	}
	if d.in(ii, speechVerbs) && strings.HasSuffix(d.low(ii), "ing") {
		return who{} // “Q,” adding …: the speaker is before
	}
	if d.in(i, clauseJoins) || d.is(i, "including") {
		// “Q,” and analysts said …: a new clause, not an attribution;
		// “Q,” including Li Wenliang, who warned …: the list goes on.
		return who{}
	}
	if d.writtenCue(i) {
		// “Q,” read the statement.
		w := d.npForward(i+1, q.end)
		w.found = true
		return w
	}
	if d.in(i, speechVerbs) && !d.in(i, weakSpeechVerbs) && !d.toks[i].cap || d.is(i, "said") || d.is(i, "says") || (comma || last == ',') && d.invertedUnknownVerb(i) {
		// “Q,” said X
		w := d.npForward(i+1, q.end)
		if w.name == "" && !comma && isLetter(last) && d.isWord(i+1) && prepositions[d.low(i+1)] {
			// “… the little deal” announced in October, said X: a
			// participle about the quoted words, not "said X".
			return who{}
		}
		w.found = true
		return w
	}
	if d.is(i, "according") && d.is(i+1, "to") {
		return who{}
	}
	// “Q,” X [, apposition,] said. A long apposition ("a postdoctoral
	// fellow at the Max Planck Institute for Astrophysics in Munich,
	// Germany, and co-author of the study") may hold commas of its own.
	sent := d.toks[i].sent
	long := false
	if ri := d.runAt[i]; ri >= 0 && d.runs[ri].a == i {
		k := d.runs[ri].b
		long = d.punct(k, ',') && d.isWord(k+1) && roleStart[d.low(k+1)]
	}
	for j := i; j < len(d.toks) && j < i+45; j++ {
		t := d.toks[j]
		if t.sent != sent || t.kind == tQuote || t.para != d.toks[i].para {
			break
		}
		// A weak verb counts right after the name at the end of the
		// sentence: “Q,” Abernathy reported.
		weakOK := weakSpeechVerbs[d.low(j)] && d.runAt[i] >= 0 && d.runs[d.runAt[i]].b == j && (d.punct(j+1, '.') || d.punct(j+1, ','))
		if t.kind == tWord && !t.cap && (speechVerbs[d.low(j)] && (!weakSpeechVerbs[d.low(j)] || weakOK) || d.phrasalSpeech(j) || d.unknownSpeechVerb(i, j)) {
			w := d.subjectBefore(j, i)
			w.found = true
			return w
		}
		if t.kind == tPunct && d.text[t.start] != ',' && d.text[t.start] != '.' && d.text[t.start] != '(' && d.text[t.start] != ')' && !d.possessive(j-1) {
			break
		}
		if j > i+12 && !long && !d.inApposition(i, j) || j > i+30 && !long {
			break
		}
	}
	return who{}
}

// trailingAttribution handles a quotation inside its sentence with the
// attribution at the end: “We don't want those people” working in federal
// prisons, she said.
func (d *doc) trailingAttribution(b int) who {
	if b >= len(d.toks) || b == 0 {
		return who{}
	}
	sent := d.toks[b-1].sent
	for j := b; j < len(d.toks) && j < b+30; j++ {
		t := d.toks[j]
		if t.sent != sent || t.kind == tQuote || t.para != d.toks[b-1].para {
			return who{}
		}
		// ", she said." or an inverted ", reports Wee." at the end.
		if d.punct(j, ',') && j+1 < len(d.toks) && (d.directAttribution(j+1) || d.isWord(j+1) && !d.toks[j+1].cap && inversionVerbs[d.low(j+1)] && d.runAt[j+2] >= 0) {
			k := j + 1
			if d.in(k, speechVerbs) {
				w := d.npForward(k+1, 0)
				w.found = w.name != ""
				return w
			}
			for v := k; v < len(d.toks) && v < k+30; v++ {
				if d.isWord(v) && !d.toks[v].cap && speechVerbs[d.low(v)] {
					w := d.subjectBefore(v, k)
					// the sentence must end here: ", she said."
					return w
				}
			}
			return who{}
		}
	}
	return who{}
}

// directAttribution reports whether token i starts "X said", "he said" or
// "said X" with nothing else in between but an apposition.
func (d *doc) directAttribution(i int) bool {
	if d.in(i, speechVerbs) && !d.in(i, weakSpeechVerbs) {
		return true
	}
	k := i
	if d.in(i, malePron) || d.in(i, femalePron) {
		k = i + 1
	} else if ri := d.runAt[i]; ri >= 0 && d.runs[ri].a == i {
		k = d.runs[ri].b
		if d.punct(k, ',') && d.isWord(k+1) && (roleStart[d.low(k+1)] || d.possessive(k+1)) {
			// “Q” Kurinji Selvaraj, a research analyst at the Council on
			// Energy, Environment and Water, said.
			for j := k + 1; j < len(d.toks) && j < k+45 && d.toks[j].sent == d.toks[k].sent && d.toks[j].kind != tQuote; j++ {
				if d.isWord(j) && !d.toks[j].cap && speechVerbs[d.low(j)] && !weakSpeechVerbs[d.low(j)] && d.punct(j-1, ',') {
					return true
				}
			}
			return false
		}
	} else if n := d.skipLowerRole(i); n != i && d.runAt[n] >= 0 && d.runs[d.runAt[n]].a == n {
		// “Q” study co-author Tak-Sing Wong said: a role in lower case
		// before the name.
		k = d.runs[d.runAt[n]].b
	} else {
		return false
	}
	for d.isWord(k) && auxiliaries[d.low(k)] {
		k++
	}
	return d.in(k, speechVerbs) && !d.toks[k].cap
}

// inApposition reports whether token j lies inside a comma apposition
// that starts after token i.
func (d *doc) inApposition(i, j int) bool {
	commas := 0
	for k := i; k < j; k++ {
		if d.punct(k, ',') {
			commas++
		}
	}
	return commas == 1
}

// accordingAfter handles “Q,” according to X.
func (d *doc) accordingAfter(b int) who {
	i := b
	for i < len(d.toks) && d.toks[i].kind == tPunct && d.text[d.toks[i].start] == ',' {
		i++
	}
	if d.is(i, "according") && d.is(i+1, "to") && d.toks[i].para == d.toks[b-1].para {
		w := d.npForward(i+2, d.toks[i].start)
		w.found = w.name != ""
		return w
	}
	return who{}
}

// beforeAttr handles X said: “Q” / X said that … “Q” / according to X, … “Q”
// and partial quotations inside a reported sentence. It looks back in the
// sentence of the opening mark for the nearest speech verb outside quotes.
func (d *doc) beforeAttr(a int) who {
	if a >= len(d.toks) {
		return who{}
	}
	sent := d.toks[a].sent
	tries := 0
	for j := a - 1; j >= 0 && d.toks[j].sent == sent; j-- {
		t := d.toks[j]
		if t.kind != tWord || t.quote >= 0 {
			continue
		}
		w := d.low(j)
		if w == "according" && d.is(j+1, "to") {
			r := d.npForward(j+2, d.toks[j].start)
			if r.name != "" {
				if d.voiceAfterSource(j+2, a) {
					// "According to the BBC, a spokesman for Downing
					// Street expressed …; “Q”": the outlet reports, the
					// voice speaks.
					return who{found: true}
				}
				r.found = true
				return r
			}
			continue
		}
		if !speechVerbs[w] && !d.phrasalSpeech(j) && !d.writtenCue(j) && !d.cueBeforeQuote(j, a) && !d.presentsAs(j, a) && !d.gaveQuote(j, a) || t.cap && j > 0 && d.toks[j-1].sent == sent {
			continue
		}
		if t.cap && speechVerbs[w] {
			// "Remarked Center for Biological Diversity scientist Tierra
			// Curry, “Q”": the verb opens its sentence, the speaker follows.
			if r := d.npForward(j+1, 0); r.name != "" {
				r.found = true
				return r
			}
		}
		if w == "called" && (d.is(j-1, "so") || d.punct(j-1, '-')) || strings.HasPrefix(w, "so-") {
			continue
		}
		if strings.HasPrefix(w, "call") && (d.is(j+1, "on") || d.is(j+1, "for") || d.is(j+1, "off") || d.is(j+1, "up")) && !d.urgesTo(j, a) && a != j+2 {
			// ("called on “village councils … to …”": the quotation is the
			// call itself, the caller's words.)
			continue // "called on the “interim” government": not speech
		}
		if weakSpeechVerbs[w] && !d.near(j, a, weakReach(w)) && !d.phrasalSpeech(j) && !d.presentsAs(j, a) {
			continue
		}
		if p := j - 1; d.isWord(p) && (determiners[d.low(p)] || isPossessive(d.word(p))) {
			continue // "Trump's call with Zelenskiy", "the report": a noun
		}
		if objectVerbs[w] && d.isWord(j-1) && passiveAux[d.low(j-1)] && d.is(j+1, "by") {
			// "was told by Minister Jane Roe: “Q”": the agent speaks.
			if r := d.npForward(j+2, 0); r.name != "" {
				r.found = true
				return r
			}
		}
		if r := d.passiveAgent(j, a); r.name != "" {
			return r // "was announced to be a “pandemic” by the WHO"
		}
		if d.is(j+1, "by") && (namingVerbs[w] || presentingVerbs[w]) {
			if r := d.describedBy(j, a); r.name != "" {
				return r // "a pattern described by Marine Bulletin as “…”"
			}
		}
		if objectVerbs[w] && d.isWord(j-1) && passiveAux[d.low(j-1)] {
			continue // "he was told by a leaker that …": he heard it
		}
		if namingVerbs[w] && d.isWord(j-1) && passiveAux[d.low(j-1)] {
			continue // "HP is called “feather duvet lung”": a name, not speech
		}
		if w == "statement" || w == "announcement" {
			// "… said in a statement: “Q”" is handled by the verb.
			continue
		}
		lo := d.sentStart(j)
		if r, ok := d.quotedAsSaying(j, lo); ok {
			return r
		}
		if k := d.documentSubject(j, lo); k >= 0 {
			// "The opinion of the Court, released on Wednesday, read":
			// the body that issued the document speaks.
			r := d.issuer(d.low(k), k)
			r.found = true
			return r
		}
		var r who
		if strings.HasSuffix(w, "ing") && (d.punct(j-1, ',') || j == lo || d.objectBefore(j) || (d.is(j-1, "also") || d.is(j-1, "then")) && d.punct(j-2, ',')) {
			// "The US welcomed the exchange, saying …": the subject of
			// the main clause speaks.
			r = d.subjectAt(lo, j)
		} else {
			r = d.subjectBefore(j, lo)
		}
		if r.found && !r.person && r.gender == 0 && r.name != "" {
			// "Pompeo said that … Washington had concluded … “Q”": a
			// capital standing for its government inside what a person
			// said; the person speaks.
			if o := d.outerSpeaker(j, lo); o.name != "" {
				return o
			}
		}
		if r.found {
			return r
		}
		tries++
		if tries >= 2 {
			break
		}
	}
	return who{}
}

// quotedAsSaying reads "Politico quoted Tim Manning, a former official,
// as saying “Q”": the person quoted speaks, not the outlet. j is the
// "saying".
func (d *doc) quotedAsSaying(j, lo int) (who, bool) {
	if !d.is(j, "saying") || !d.is(j-1, "as") {
		return who{}, false
	}
	for k := j - 2; k >= lo && k > j-30; k-- {
		if d.is(k, "quoted") || d.is(k, "quotes") || d.is(k, "cited") {
			if r := d.npForward(k+1, 0); r.name != "" {
				r.found = true
				return r, true
			}
			return who{}, false
		}
	}
	return who{}, false
}

// passiveAgent reads the agent of a passive speech verb at j whose "by"
// comes after the quotation opening at a: "COVID-19 was previously
// announced to be a “pandemic” by the World Health Organization".
func (d *doc) passiveAgent(j, a int) who {
	p := j - 1
	if d.isWord(p) && !d.toks[p].cap && strings.HasSuffix(d.low(p), "ly") {
		p-- // "was previously announced"
	}
	if !d.isWord(p) || !passiveAux[d.low(p)] || d.toks[a].quote < 0 {
		return who{}
	}
	_, b := d.quoteTokens(int(d.toks[a].quote))
	if d.is(b, "by") && d.toks[b].sent == d.toks[a].sent {
		r := d.npForward(b+1, 0)
		r.found = r.name != ""
		return r
	}
	return who{}
}

// voiceAfterSource reports whether the clause after "according to X,"
// (X from token i) has an unnamed voice of a body as its subject before
// the quotation at a: "a spokesman for …", "an official from …".
func (d *doc) voiceAfterSource(i, a int) bool {
	c := i
	for c < a && c < i+10 && !d.punct(c, ',') {
		c++
	}
	if !d.punct(c, ',') || !(d.is(c+1, "a") || d.is(c+1, "an")) || !d.isWord(c+2) || d.toks[c+2].cap {
		return false
	}
	p := c + 3
	return (d.is(p, "for") || d.is(p, "from") || d.is(p, "of") || d.is(p, "at")) && d.isWord(p+1) && (d.toks[p+1].cap || isDigit(rune(d.text[d.toks[p+1].start])))
}

// outerSpeaker finds a person who is the subject of a speech verb earlier
// in the sentence than token v, not before token lo.
func (d *doc) outerSpeaker(v, lo int) who {
	for j := v - 1; j >= lo; j-- {
		if !d.isWord(j) || d.toks[j].quote >= 0 || d.toks[j].cap || !speechVerbs[d.low(j)] || weakSpeechVerbs[d.low(j)] {
			continue
		}
		if p := j - 1; d.isWord(p) && (determiners[d.low(p)] || isPossessive(d.word(p))) {
			continue // "Swift's claims": a noun, not a verb
		}
		if r := d.subjectBefore(j, lo); r.found && r.name != "" && r.person {
			return r
		}
		return who{}
	}
	return who{}
}

// near reports whether fewer than n words lie between tokens j and a.
func (d *doc) near(j, a, n int) bool {
	c := 0
	for k := j + 1; k < a; k++ {
		if d.toks[k].kind == tWord {
			c++
		}
	}
	return c < n
}

func (d *doc) sentStart(j int) int {
	s := d.toks[j].sent
	for j > 0 && d.toks[j-1].sent == s {
		j--
	}
	return j
}

// reportedLead handles a paragraph of quotation after one that reports the
// same person's words without quotation marks: Erekat said it was only
// the latest move … / “They wanted us on our knees …” The paragraph
// before must open with "X said" and hold no quotation of its own.
func (d *doc) reportedLead(pi int) who {
	p := d.paras[pi]
	a := lowerBound(d.toks, p.start)
	if a >= len(d.toks) || d.toks[a].para != int32(pi) {
		return who{}
	}
	for j := a; j < len(d.toks) && d.toks[j].para == int32(pi); j++ {
		if d.toks[j].quote >= 0 {
			return who{}
		}
	}
	if ri := d.runAt[a]; ri >= 0 && d.runs[ri].speech {
		r := d.runs[ri]
		v := r.b
		for v < len(d.toks) && v < r.b+30 && !(d.isWord(v) && !d.toks[v].cap && speechVerbs[d.low(v)]) {
			v++
		}
		if d.isWord(v) && !weakSpeechVerbs[d.low(v)] && d.toks[v].sent == d.toks[a].sent {
			return d.subjectBefore(v, a)
		}
	}
	return who{}
}

// colonLead handles a paragraph ending "X said:" followed by a paragraph
// that is a quotation.
func (d *doc) colonLead(pi int) who {
	p := d.paras[pi]
	if prevRune(d.text, p.end) != ':' {
		return who{}
	}
	end := lowerBound(d.toks, p.end) - 1
	for j := end - 1; j >= 0 && d.toks[j].para == int32(pi) && j > end-15; j-- {
		if d.isWord(j) && d.toks[j].quote < 0 && speechVerbs[d.low(j)] {
			return d.subjectBefore(j, d.sentStart(j))
		}
	}
	return who{}
}

// phrasalSpeech reports whether token j is a verb that reports speech only
// with its particle: "pointed out", "weighed in", "chimed in".
func (d *doc) phrasalSpeech(j int) bool {
	if !d.isWord(j) || d.toks[j].cap {
		return false
	}
	switch d.low(j) {
	case "point", "points", "pointed", "pointing":
		return d.is(j+1, "out")
	case "weigh", "weighs", "weighed", "weighing", "chime", "chimes", "chimed", "chiming":
		return d.is(j+1, "in")
	}
	return false
}

// presentsAs reports whether the verb at j presents someone "as" the
// quotation opening at a, within one clause: "Benioff introduced Cook to
// the audience as “someone who has redefined …”". A name given in
// between ("known as", "called") makes the words a name, not speech.
func (d *doc) presentsAs(j, a int) bool {
	w := d.low(j)
	p := a - 1
	if d.is(p, "a") || d.is(p, "an") {
		p-- // "denounced the claims as a “national embarrassment”"
	}
	if !(d.is(p, "as") && presentingVerbs[w] || d.is(p, "of") && accusingVerbs[w]) || a-j > 14 {
		return false
	}
	for k := j + 1; k < p; k++ {
		if !d.isWord(k) || namingVerbs[d.low(k)] || d.toks[k].quote >= 0 {
			return false
		}
	}
	return true
}

// presentingVerbs present a person or thing as something in the
// subject's words.
var presentingVerbs = set("branded", "brands", "characterised", "characterized", "criticised",
	"criticized", "denounced", "denounces", "described", "describes", "dismissed", "dismisses",
	"hailed", "hails", "introduced", "introduces", "labeled", "labelled", "portrayed",
	"portrays", "praised", "praises", "referred", "refers", "regarded", "regards")

// accusingVerbs put the quoted words on someone with "of": "accused Trump
// of “trying to scare the hell out of America”".
var accusingVerbs = set("accused", "accuses", "accusing")

// reportsOn reports whether the "X said" at token i goes on with a
// reported clause ("Martha added that …", "he said the talks …") rather
// than ending the sentence as an attribution does ("Smith said.", "he
// said in a statement.").
func (d *doc) reportsOn(i int) bool {
	v := i
	for v < len(d.toks) && v < i+8 && !(d.isWord(v) && !d.toks[v].cap && speechVerbs[d.low(v)]) {
		v++
	}
	if !d.isWord(v) || d.toks[v].sent != d.toks[i].sent {
		return false
	}
	if d.is(v+1, "that") {
		return true
	}
	if p := d.low(v + 1); (p == "he" || p == "she" || p == "they" || p == "it" || p == "we") && d.isWord(v+2) && !d.toks[v+2].cap {
		return true // "Pierce then explained he was …": a reported clause, no "that"
	}
	for k := v + 2; k < v+6 && d.isWord(k) && d.toks[k].sent == d.toks[v].sent; k++ {
		if finiteAux[d.low(k)] && !d.toks[k].cap {
			return true // "Authorities stated the road was damaged": a clause of its own
		}
	}
	n := 0
	for k := v + 1; k < len(d.toks) && d.toks[k].sent == d.toks[v].sent && d.toks[k].kind != tQuote; k++ {
		if d.isWord(k) {
			n++
		}
	}
	return n > 8
}

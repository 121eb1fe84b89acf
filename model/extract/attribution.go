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
}

// mention is a person named as the subject of a clause or as a speaker:
// the candidates for a later "he said".
type mention struct {
	pos    int
	name   string
	role   string
	gender int8
	speech bool // subject of a speech verb: a strong antecedent
}

// attribute gives each quotation its speaker.
func (d *doc) attribute() []Quote {
	d.collectMentions()
	out := make([]Quote, 0, len(d.qs))
	speakers := make([]who, len(d.qs))
	for k, q := range d.qs {
		a, b := d.quoteTokens(k)
		w := d.attributeOne(k, a, b, speakers)
		if w.name != "" && !w.org && (w.person || w.gender != 0 || strings.IndexByte(w.name, ' ') > 0) {
			d.ments = append(d.ments, mention{pos: q.open, name: w.name, role: w.role, gender: w.gender, speech: true})
		}
		speakers[k] = w
		// Single quotation marks with no speaker are mostly headline
		// shorthand and scare quotes: 'Huge obstacles'. Keep only the long.
		if q.single && w.name == "" && wordCount(d.text[q.start:q.end]) < 4 {
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
	if w := d.afterAttr(k, b); w.found {
		return w
	}
	if w := d.beforeAttr(a); w.found {
		return w
	}
	if w := d.accordingAfter(b); w.found {
		return w
	}
	if w := d.trailingAttribution(b); w.found {
		return w
	}
	// A list of titles: “Listen To The Music,” “Black Water,” …
	if d.inTitleList(a, b) {
		return who{}
	}
	// A quotation that is a whole paragraph of a few words with no final
	// punctuation is a subheading, not speech.
	p := d.paras[q.para]
	if q.open == p.start && q.close >= p.end-1 && !endsSentence(d.text[q.start:q.end]) {
		return who{}
	}
	// Continuation: another quotation earlier in the paragraph, with no
	// other person named in between, or the previous paragraph when this
	// one opens with a quotation.
	if k > 0 && d.qs[k-1].para == q.para && speakers[k-1].name != "" {
		pa, _ := d.quoteTokens(k - 1)
		_, pb := d.quoteTokens(k - 1)
		_ = pa
		if !d.otherNameBetween(pb, a, speakers[k-1].name) {
			return speakers[k-1]
		}
		return who{}
	}
	if q.open == p.start && q.para > 0 && d.onlyQuotesAfter(k, b) {
		if k > 0 && d.qs[k-1].para == q.para-1 && speakers[k-1].name != "" {
			// The previous paragraph's last quotation, if nothing but
			// its attribution follows it there.
			_, pb := d.quoteTokens(k - 1)
			if !d.otherNameBetween(pb, a, speakers[k-1].name) {
				return speakers[k-1]
			}
		}
		if w := d.colonLead(q.para - 1); w.found {
			return w
		}
	}
	return who{}
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
	if wordCount(d.text[d.toks[a].start:d.toks[b-1].end]) > 8 {
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
			if !(r.kind == entPerson || f.kind == entPerson || r.subj && f.words >= 2) {
				continue // "in Vilkove", "of Darsa General Hospital": not a new speaker
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
	case ',', '?', '!', '—', '–', '-', '…':
	default:
		// “Q”, he said (commas outside) is fine; “Q” agreement is not
		// an attribution. Without a comma, only a name or a pronoun
		// right before its speech verb is: “Q” Mayer said.
		if !comma && !d.directAttribution(i) {
			return who{}
		}
	}
	if d.in(i, speechVerbs) && strings.HasSuffix(d.low(i), "ing") {
		return who{} // “Q,” adding …: the speaker is before
	}
	if d.in(i, speechVerbs) && !d.in(i, weakSpeechVerbs) && !d.toks[i].cap || d.is(i, "said") || d.is(i, "says") {
		// “Q,” said X
		w := d.npForward(i+1, q.end)
		w.found = true
		return w
	}
	if d.is(i, "according") && d.is(i+1, "to") {
		return who{}
	}
	// “Q,” X [, apposition,] said
	sent := d.toks[i].sent
	for j := i; j < len(d.toks) && j < i+30; j++ {
		t := d.toks[j]
		if t.sent != sent || t.kind == tQuote || t.para != d.toks[i].para {
			break
		}
		if t.kind == tWord && !t.cap && speechVerbs[d.low(j)] && !weakSpeechVerbs[d.low(j)] {
			w := d.subjectBefore(j, i)
			w.found = true
			return w
		}
		if t.kind == tPunct && d.text[t.start] != ',' && d.text[t.start] != '.' && d.text[t.start] != '(' && d.text[t.start] != ')' {
			break
		}
		if j > i+12 && !d.inApposition(i, j) {
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
		if d.punct(j, ',') && j+1 < len(d.toks) && d.directAttribution(j+1) {
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
		if d.punct(k, ',') && d.isWord(k+1) && (roleStart[d.low(k+1)] || isPossessive(d.word(k+1))) {
			// “Q” Kurinji Selvaraj, a research analyst at the Council on
			// Energy, Environment and Water, said.
			for j := k + 1; j < len(d.toks) && j < k+30 && d.toks[j].sent == d.toks[k].sent && d.toks[j].kind != tQuote; j++ {
				if d.isWord(j) && !d.toks[j].cap && speechVerbs[d.low(j)] && !weakSpeechVerbs[d.low(j)] && d.punct(j-1, ',') {
					return true
				}
			}
			return false
		}
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
				r.found = true
				return r
			}
			continue
		}
		if !speechVerbs[w] || t.cap && j > 0 && d.toks[j-1].sent == sent {
			continue
		}
		if w == "called" && (d.is(j-1, "so") || d.punct(j-1, '-')) || strings.HasPrefix(w, "so-") {
			continue
		}
		if strings.HasPrefix(w, "call") && (d.is(j+1, "on") || d.is(j+1, "for") || d.is(j+1, "off") || d.is(j+1, "up")) {
			continue // "called on the “interim” government": not speech
		}
		if weakSpeechVerbs[w] && !d.near(j, a, 4) {
			continue
		}
		if w == "statement" || w == "announcement" {
			// "… said in a statement: “Q”" is handled by the verb.
			continue
		}
		lo := d.sentStart(j)
		var r who
		if strings.HasSuffix(w, "ing") && (d.punct(j-1, ',') || j == lo) {
			// "The US welcomed the exchange, saying …": the subject of
			// the main clause speaks.
			r = d.subjectAt(lo, j)
		} else {
			r = d.subjectBefore(j, lo)
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

// subjectAt takes the noun phrase that opens the clause at token lo.
func (d *doc) subjectAt(lo, limit int) who {
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
	for j >= lo && d.isWord(j) && !d.toks[j].cap && auxiliaries[d.low(j)] {
		j--
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
			if d.toks[p].quote >= 0 || d.toks[p].kind != tWord {
				return who{}
			}
			if !d.toks[p].cap && speechVerbs[d.low(p)] && !weakSpeechVerbs[d.low(p)] {
				return d.subjectBefore(p, lo)
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
		if neverSpeakers[w] {
			return who{found: true}
		}
	}
	if d.punct(j, ',') {
		// The name as the apposition: "Egypt's foreign minister, Nabil
		// Farouk, warned".
		if ri := d.runAt[j-1+boolInt(j == 0)]; j > 0 && ri >= 0 && d.runs[ri].b == j && d.punct(d.runs[ri].a-1, ',') && d.runs[ri].kind != entPlace && d.runs[ri].kind != entOrg && d.runs[ri].na == d.runs[ri].a {
			for p := d.runs[ri].a - 2; p >= lo && p > d.runs[ri].a-8 && d.isWord(p); p-- {
				if !d.toks[p].cap && (personNouns[d.low(p)] || personTitles[d.low(p)]) {
					return d.whoOfRun(int(ri))
				}
			}
		}
		// Apposition: "Ian Bremmer, the president of the Eurasia group, told"
		for c := j - 1; c >= lo && c > j-25; c-- {
			if d.punct(c, ',') {
				if d.isWord(c+1) && (roleStart[d.low(c+1)] || d.is(c+1, "which") || d.toks[c+1].cap && isPossessive(d.word(c+1))) {
					r := d.npBackward(c-1, lo)
					if r.found && r.name != "" && r.role == "" {
						r.role = d.roleText(c+1, j)
					}
					return r
				}
				break
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
		if r.na == r.a && d.in(r.a-1, prepositions) {
			// "a user on Weibo posted", "analyst at ICICI Securities said":
			// a noun after a preposition is not the subject.
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
		r := d.issuer(w, d.toks[j].start, j)
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
	if personNouns[w] || w == "group" {
		// An unnamed person: "a spokesman said". No name is better
		// than a guess.
		// But "Taliban spokesman Zabihullah Mujahid" is handled by the run.
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
	}
	name, fr := d.fullest(ri)
	w := who{name: name, found: true, person: r.kind == entPerson, gender: r.gender}
	f := d.runs[fr]
	if f.kind == entPerson {
		w.person = true
	}
	if w.gender == 0 {
		w.gender = f.gender
	}
	if r.kind == entPlace || r.kind == entOrg || f.kind == entOrg || f.kind == entPlace || r.words == 1 && knownOrgs[strings.ToLower(name)] {
		w.org = true
		return w
	}
	w.role = d.roleOf(name)
	return w
}

// npForward reads a speaker after a speech verb: “Q,” said Stephanie Grisham.
func (d *doc) npForward(i, _ int) who {
	for i < len(d.toks) && d.isWord(i) && (d.is(i, "the") || d.is(i, "a") || d.is(i, "an")) {
		i++
	}
	if !d.isWord(i) {
		return who{}
	}
	if ri := d.runAt[i]; ri >= 0 {
		r := d.runs[ri]
		// A lower-case org noun after the run: "the US military".
		if d.isWord(r.b) && !d.toks[r.b].cap && orgNouns[d.low(r.b)] {
			return who{name: d.text[d.toks[r.na].start:d.toks[r.b].end], found: true, org: true}
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
	if reportNouns[w] {
		r := d.issuer(w, d.toks[i].start, i)
		r.found = true
		return r
	}
	// "a spokesman for the UN", "officials": unnamed.
	return who{found: true}
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
	he, she := 0, 0
	for ri := range d.runs {
		r := &d.runs[ri]
		if r.inQ || r.key == "" || r.key != name && !(strings.HasSuffix(name, r.key) && name[len(name)-len(r.key)-1] == ' ') {
			continue
		}
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
	for ri, r := range d.runs {
		if r.inQ || !r.subj || r.kind == entPlace || r.kind == entOrg {
			continue
		}
		name, fr := d.fullest(ri)
		f := d.runs[fr]
		// Only people: a title or a first name says so, or the name
		// was the subject of a speech verb ("Premiere Edition" is not).
		if r.kind != entPerson && f.kind != entPerson && !(f.kind == entOther && f.words >= 2 && (r.speech || f.gender != 0 || d.genderOf(name) != 0)) {
			continue
		}
		g := r.gender
		if g == 0 {
			g = d.runs[fr].gender
		}
		d.ments = append(d.ments, mention{pos: d.toks[r.a].start, name: name, gender: g, speech: r.speech})
	}
}

// orgRef resolves "the ministry", "the committee" to the latest body named
// with that head noun before token j: "the Defence Ministry".
func (d *doc) orgRef(noun string, j int) who {
	for ri := len(d.runs) - 1; ri >= 0; ri-- {
		r := d.runs[ri]
		if r.a >= j || r.inQ || r.key == "" {
			continue
		}
		last := stem(d.low(r.b - 1))
		if last == noun && r.words >= 2 {
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
	return who{found: true}
}

// orgModifiers name a body in lower case: "the interior ministry".
var orgModifiers = set("interior", "defence", "defense", "foreign", "health", "finance", "justice",
	"education", "information", "economy", "agriculture", "energy", "transport", "home", "state",
	"federal", "national", "provincial", "regional", "local", "military", "civil", "emergency",
	"humanitarian", "electoral", "election", "supreme", "constitutional", "rebel", "opposition")

// pastVerb guesses a verb in the past tense: fought, accused, denied.
func pastVerb(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}

// issuer finds who issued "the statement": the latest earlier "X said in a
// statement", "a statement from X" or "X issued a statement".
func (d *doc) issuer(noun string, pos int, self int) who {
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
		// a statement from X / by X
		if d.is(j+1, "from") || d.is(j+1, "by") {
			if r := d.npForward(j+2, 0); r.name != "" {
				return r
			}
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
	_ = pos
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

package extract

import "strings"

// Features of a speaker candidate. They describe shapes, never
// identities: which side of the quotation the name is on and how far, the
// pattern between them (`, X said`, `X said:`, `said X`), the verb next
// to the name (its word, its suffix, whether the lexicon knows it as a
// verb of speech, so a verb never seen in training still has its suffix
// and position), where the name stands in its clause, what kind of name
// it is and how many other names come between. Names themselves are never
// features.
//
// A feature is a 64-bit FNV-1a hash of its name ("side=R"), built up
// piece by piece so that scoring allocates nothing; the weights file keeps
// the names, and loading it hashes them the same way.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// featSink collects the features of one candidate.
type featSink struct {
	fs    []uint64
	names map[uint64]string // filled only when training, for the weights file
}

func (f *featSink) add(tmpl, val string) {
	h := hashStr(hashStr(hashStr(fnvOffset, tmpl), "="), val)
	f.fs = append(f.fs, h)
	if f.names != nil {
		if _, ok := f.names[h]; !ok {
			f.names[h] = tmpl + "=" + val
		}
	}
}

func (f *featSink) add2(tmpl, a, b string) {
	h := hashStr(hashStr(hashStr(hashStr(hashStr(fnvOffset, tmpl), "="), a), "|"), b)
	f.fs = append(f.fs, h)
	if f.names != nil {
		if _, ok := f.names[h]; !ok {
			f.names[h] = tmpl + "=" + a + "|" + b
		}
	}
}

var ruleNames = [ruleCount]string{"none", "after", "before", "headline", "according", "trailing",
	"continue", "prevpara", "colonlead", "reportedlead", "later"}

var smallInts = [...]string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}

func bucket(n int, edges ...int) string {
	for i, e := range edges {
		if n <= e {
			return smallInts[i]
		}
	}
	return smallInts[len(edges)]
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// quoteFeatures describe the quotation itself; joined with "none" they
// let the model learn when no candidate should be trusted.
func (d *doc) quoteFeatures(qc *quoteCtx, f *featSink, prefix string) {
	q := d.qs[qc.k]
	p := d.paras[q.para]
	f.add(prefix+"qpo", boolStr(q.open == p.start))
	f.add(prefix+"qwp", boolStr(q.open == p.start && q.close >= p.end-1))
	last := prevRune(d.text, q.end)
	lc := "o"
	switch last {
	case ',', '.', '?', '!', ':', '-':
		lc = string(last)
	}
	f.add(prefix+"qend", lc)
	f.add(prefix+"qlen", bucket(wordCount(d.text[q.start:q.end]), 3, 8, 20))
	f.add(prefix+"qsingle", boolStr(q.single))
	f.add(prefix+"qclosed", boolStr(q.closed))
	f.add(prefix+"qprev", boolStr(qc.prevK >= 0 && d.qs[qc.prevK].para == q.para))
	f.add(prefix+"rule", ruleNames[qc.rule.via])
	after, before := d.contextShape(qc, 1, 4), d.contextShape(qc, -1, 4)
	f.add(prefix+"after", after)
	f.add(prefix+"before", before)
	f.add2(prefix+"after.rule", after, ruleNames[qc.rule.via])
	f.add(prefix+"rulefound", boolStr(qc.rule.found)+boolStr(qc.rule.name != ""))
}

// noneFeatures are the features of abstaining.
func (d *doc) noneFeatures(qc *quoteCtx, n int, f *featSink) {
	f.fs = f.fs[:0]
	f.add("none", "")
	f.add("none.ncand", bucket(n, 0, 1, 2, 4))
	d.quoteFeatures(qc, f, "none.")
}

// candFeatures are the features of one candidate.
func (d *doc) candFeatures(qc *quoteCtx, c *cand, f *featSink) {
	f.fs = f.fs[:0]
	f.add("bias", "")
	if c.src&srcRule != 0 {
		f.add("src", "rule")
		f.add("via", ruleNames[qc.rule.via])
		f.add2("rule.after", ruleNames[qc.rule.via], d.contextShape(qc, 1, 4))
		f.add2("rule.before", ruleNames[qc.rule.via], d.contextShape(qc, -1, 4))
	}
	if c.src&srcPrev != 0 {
		f.add("src", "prev")
		f.add2("prev.qpo", boolStr(d.qs[qc.k].open == d.paras[d.qs[qc.k].para].start), boolStr(c.src&srcRule != 0))
	}
	if c.src&srcRun != 0 {
		f.add("src", "run")
	}
	if c.src&srcPronoun != 0 {
		f.add("src", "pron")
	}
	f.add("srcs", smallInts[c.src&7]+smallInts[c.src>>3])
	kind := "other"
	switch {
	case c.w.org:
		kind = "org"
	case c.w.person:
		kind = "person"
	}
	f.add("kind", kind)
	f.add("gender", boolStr(c.w.gender != 0))
	f.add("words", bucket(strings.Count(c.w.name, " ")+1, 1, 2))
	f.add2("salience", kind, bucket(d.mentions(c.w.name), 1, 2, 4, 8))
	if c.tok < 0 {
		f.add("side", "X")
		f.add2("side.src", "X", smallInts[c.src&7])
		return
	}
	side := "R"
	if c.tok < qc.a {
		side = "L"
	}
	var sd int32
	if side == "L" {
		sd = d.toks[qc.a].sent - d.toks[c.tok].sent
	} else {
		sd = d.toks[c.tok].sent - d.toks[qc.b-1].sent
	}
	sdelta := smallInts[min(int(sd), 3)]
	dist := d.tokDist(qc, c.tok)
	f.add("side", side)
	f.add2("side.sent", side, sdelta)
	f.add2("side.dist", side, bucket(dist, 1, 2, 4, 8, 16, 32))
	f.add2("side.kind", side, kind)
	f.add2("side.rule", side, boolStr(c.src&srcRule != 0))
	// Other names between the candidate and the quotation.
	between := 0
	x, y := c.tok, qc.a
	if side == "R" {
		x, y = qc.b, c.tok
	}
	verbBetween := false
	for j := x + 1; j < y; j++ {
		if d.toks[j].quote >= 0 {
			continue
		}
		if ri := d.runAt[j]; ri >= 0 && d.runs[ri].a == j && int(ri) != c.ri && d.runs[ri].kind != entPlace {
			between++
		}
		if d.isWord(j) && !d.toks[j].cap && speechVerbs[d.low(j)] {
			verbBetween = true
		}
	}
	f.add2("side.between", side, bucket(between, 0, 1))
	f.add2("side.between.rule", side+boolStr(c.src&srcRule != 0), bucket(between, 0, 1))
	f.add2("side.rank", side, bucket(c.rank, 0, 1))
	f.add2("side.rank.kind", side+kind, bucket(c.rank, 0, 1))
	f.add2("side.rank.sent", side+sdelta, bucket(c.rank, 0, 1))
	f.add2("side.verbbetween", side, boolStr(verbBetween))
	// The shape between: ", X said" reads ",C" then the verb.
	shape := d.shapeBetween(x, y)
	f.add2("side.shape", side, shape)
	f.add2("side.shape.sent", side+sdelta, shape)
	f.add2("side.shape.kind", side+kind, shape)
	f.add2("side.near", side+sdelta, bucket(between, 0, 1)+bucket(c.rank, 0, 1)+boolStr(verbBetween))
	if c.src&srcPronoun != 0 && c.ri < 0 {
		f.add("pron.next", d.wordClass(c.tok+1))
		f.add2("pron.side.next", side, d.wordClass(c.tok+1))
		return
	}
	r := d.runs[c.ri]
	f.add2("side.subj", side, boolStr(r.subj)+boolStr(r.speech))
	f.add("initial", boolStr(r.initial))
	f.add("poss", boolStr(d.possessive(r.b-1)))
	pv := r.a - 1
	f.add2("side.prev", side, d.wordClass(pv))
	nv := r.b
	for d.isWord(nv) && auxiliaries[d.low(nv)] {
		nv++
	}
	f.add2("side.next", side, d.wordClass(nv))
	if d.isWord(nv) && !d.toks[nv].cap {
		w := d.low(nv)
		f.add("next.word", w)
		f.add2("side.next.word", side, w)
		f.add2("side.next.suffix", side, suffix(w))
		f.add2("side.next.lex", side, boolStr(speechVerbs[w])+boolStr(weakSpeechVerbs[w]))
		f.add2("next.after", d.wordClass(nv+1), boolStr(speechVerbs[w]))
	}
	if d.isWord(pv) && !d.toks[pv].cap {
		w := d.low(pv)
		f.add("prev.word", w)
		f.add2("side.prev.word", side, w)
		f.add2("side.prev.suffix", side, suffix(w))
		f.add2("side.prev.lex", side, boolStr(speechVerbs[w])+boolStr(prepositions[w])+boolStr(objectVerbs[w]))
	}
	f.add2("runkind", side, smallInts[r.kind])
}

// wordClass is a coarse shape of token j: a punctuation mark as itself, a
// quotation mark as q, a capitalised word as C, a lower-case word as v
// when the lexicon knows it as speech and w otherwise.
func (d *doc) wordClass(j int) string {
	if j < 0 || j >= len(d.toks) {
		return "^"
	}
	t := d.toks[j]
	switch t.kind {
	case tQuote:
		return "q"
	case tPunct:
		switch c := d.text[t.start]; c {
		case ',', '.', ':', ';', '(', ')', '?', '!':
			return string(c)
		}
		return "p"
	}
	if d.toks[j].quote >= 0 {
		return "Q"
	}
	switch w := d.low(j); {
	case w == "he" || w == "she" || w == "they" || w == "it" || w == "He" || w == "She":
		return "p"
	case t.cap:
		return "C"
	case speechVerbs[w]:
		return "v"
	case w == "the" || w == "a" || w == "an" || w == "his" || w == "her" || w == "its":
		return "d"
	}
	return "w"
}

// contextShape is the shape of the n tokens after the quotation (dir > 0)
// or before it (dir < 0), within its paragraph.
func (d *doc) contextShape(qc *quoteCtx, dir, n int) string {
	var buf [8]byte
	k := 0
	j := qc.b
	if dir < 0 {
		j = qc.a - 1
	}
	para := d.toks[qc.a].para
	for ; k < n && j >= 0 && j < len(d.toks) && d.toks[j].para == para; j += dir {
		c := d.wordClass(j)
		if d.isWord(j) && d.toks[j].cap && (d.low(j) == "he" || d.low(j) == "she") {
			c = "p"
		}
		buf[k] = c[0]
		k++
	}
	if dir < 0 {
		for i := 0; i < k/2; i++ {
			buf[i], buf[k-1-i] = buf[k-1-i], buf[i]
		}
	}
	return string(buf[:k])
}

// shapeBetween is the classes of the tokens strictly between x and y, runs
// of capitalised words folded into one C, cut at six.
func (d *doc) shapeBetween(x, y int) string {
	var buf [8]byte
	n := 0
	for j := x + 1; j < y; j++ {
		c := d.wordClass(j)
		if c == "Q" {
			c = "q"
		}
		if n > 0 && c == "C" && buf[n-1] == 'C' {
			continue
		}
		if n > 0 && c == "q" && buf[n-1] == 'q' {
			continue
		}
		if n == len(buf)-2 {
			buf[n] = '+'
			n++
			break
		}
		buf[n] = c[0]
		n++
	}
	return string(buf[:n])
}

// suffix is a verb's ending, the back-off for verbs never seen in training.
func suffix(w string) string {
	for _, s := range [...]string{"ing", "ed", "es", "s", "d"} {
		if strings.HasSuffix(w, s) {
			return s
		}
	}
	return "-"
}

// mentions counts the runs outside quotations whose name ends with the
// last word of name: how much the article is about that person. The
// counts are built once per text.
func (d *doc) mentions(name string) int {
	if d.lastCounts == nil {
		d.lastCounts = make(map[string]int, len(d.runs))
		for ri := range d.runs {
			if r := &d.runs[ri]; !r.inQ && r.key != "" {
				d.lastCounts[r.key[strings.LastIndexByte(r.key, ' ')+1:]]++
			}
		}
	}
	return d.lastCounts[name[strings.LastIndexByte(name, ' ')+1:]]
}

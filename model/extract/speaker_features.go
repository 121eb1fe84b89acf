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

// tmpl is a feature template with the hash of "name=" worked out once.
type tmpl struct {
	name string
	h    uint64
}

func newTmpl(name string) tmpl { return tmpl{name, hashStr(hashStr(fnvOffset, name), "=")} }

// add records the feature "name=" followed by the parts, joined with
// nothing: a separator is a part of its own ("|").
func (f *featSink) add(t tmpl, parts ...string) {
	h := t.h
	for _, p := range parts {
		h = hashStr(h, p)
	}
	f.fs = append(f.fs, h)
	if f.names != nil {
		if _, ok := f.names[h]; !ok {
			f.names[h] = t.name + "=" + strings.Join(parts, "")
		}
	}
}

// addShape records "name=" + pre + sep + shape + the parts after it,
// hashing the shape's bytes so that no string is built for it.
func (f *featSink) addShape(t tmpl, pre, sep string, shape []byte, post ...string) {
	f.addShape2(t, pre, "", sep, shape, post...)
}

// addShape2 is addShape with a prefix in two parts, joined with nothing,
// so that callers need not build "L0" to join a side and a sentence.
func (f *featSink) addShape2(t tmpl, pre1, pre2, sep string, shape []byte, post ...string) {
	h := hashStr(hashStr(hashStr(t.h, pre1), pre2), sep)
	for _, c := range shape {
		h ^= uint64(c)
		h *= fnvPrime
	}
	for _, p := range post {
		h = hashStr(h, p)
	}
	f.fs = append(f.fs, h)
	if f.names != nil {
		if _, ok := f.names[h]; !ok {
			f.names[h] = t.name + "=" + pre1 + pre2 + sep + string(shape) + strings.Join(post, "")
		}
	}
}

// The feature templates.
var (
	tNone, tNoneNcand                                = newTmpl("none"), newTmpl("none.ncand")
	tQpo, tQwp, tQend, tQlen                         = newTmpl("none.qpo"), newTmpl("none.qwp"), newTmpl("none.qend"), newTmpl("none.qlen")
	tQsingle, tQclosed, tQprev, tQrule               = newTmpl("none.qsingle"), newTmpl("none.qclosed"), newTmpl("none.qprev"), newTmpl("none.rule")
	tQafter, tQbefore, tQafterRule, tQrulefound      = newTmpl("none.after"), newTmpl("none.before"), newTmpl("none.after.rule"), newTmpl("none.rulefound")
	tBias, tSrc, tVia, tRuleAfter, tRuleBefore       = newTmpl("bias"), newTmpl("src"), newTmpl("via"), newTmpl("rule.after"), newTmpl("rule.before")
	tPrevQpo, tSrcs, tKind, tGender, tWords          = newTmpl("prev.qpo"), newTmpl("srcs"), newTmpl("kind"), newTmpl("gender"), newTmpl("words")
	tSalience, tSide, tSideSrc, tSideSent, tSideDist = newTmpl("salience"), newTmpl("side"), newTmpl("side.src"), newTmpl("side.sent"), newTmpl("side.dist")
	tSideKind, tSideRule, tSideBetween               = newTmpl("side.kind"), newTmpl("side.rule"), newTmpl("side.between")
	tSideBetweenRule, tSideRank, tSideRankKind       = newTmpl("side.between.rule"), newTmpl("side.rank"), newTmpl("side.rank.kind")
	tSideRankSent, tSideVerbBetween, tSideShape      = newTmpl("side.rank.sent"), newTmpl("side.verbbetween"), newTmpl("side.shape")
	tSideShapeSent, tSideShapeKind, tSideNear        = newTmpl("side.shape.sent"), newTmpl("side.shape.kind"), newTmpl("side.near")
	tPronNext, tPronSideNext, tSideSubj, tInitial    = newTmpl("pron.next"), newTmpl("pron.side.next"), newTmpl("side.subj"), newTmpl("initial")
	tPoss, tSidePrev, tSideNext, tNextWord           = newTmpl("poss"), newTmpl("side.prev"), newTmpl("side.next"), newTmpl("next.word")
	tSideNextWord, tSideNextSuffix, tSideNextLex     = newTmpl("side.next.word"), newTmpl("side.next.suffix"), newTmpl("side.next.lex")
	tNextAfter, tPrevWord, tSidePrevWord             = newTmpl("next.after"), newTmpl("prev.word"), newTmpl("side.prev.word")
	tSidePrevSuffix, tSidePrevLex, tRunKind          = newTmpl("side.prev.suffix"), newTmpl("side.prev.lex"), newTmpl("runkind")
	tRuleQlen, tRuleAlone                            = newTmpl("rule.qlen"), newTmpl("rule.alone")
)

var ruleNames = [ruleCount]string{"none", "after", "before", "headline", "according", "trailing",
	"continue", "prevpara", "colonlead", "reportedlead", "later", "subject", "interview", "veto"}

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
func (d *doc) quoteFeatures(qc *quoteCtx, f *featSink) {
	q := d.qs[qc.k]
	p := d.paras[q.para]
	f.add(tQpo, boolStr(q.open == p.start))
	f.add(tQwp, boolStr(q.open == p.start && q.close >= p.end-1))
	lc := "o"
	switch prevRune(d.text, q.end) {
	case ',':
		lc = ","
	case '.':
		lc = "."
	case '?':
		lc = "?"
	case '!':
		lc = "!"
	case ':':
		lc = ":"
	case '-':
		lc = "-"
	}
	f.add(tQend, lc)
	f.add(tQlen, d.quoteLen(qc))
	f.add(tQsingle, boolStr(q.single))
	f.add(tQclosed, boolStr(q.closed))
	f.add(tQprev, boolStr(qc.prevK >= 0 && d.qs[qc.prevK].para == q.para))
	via := ruleNames[qc.rule.via]
	f.add(tQrule, via)
	var ab, bb [8]byte
	after, before := d.contextShape(qc, 1, 4, &ab), d.contextShape(qc, -1, 4, &bb)
	f.addShape(tQafter, "", "", after)
	f.addShape(tQbefore, "", "", before)
	f.addShape(tQafterRule, "", "", after, "|", via)
	f.add(tQrulefound, boolStr(qc.rule.found), boolStr(qc.rule.name != ""))
}

// quoteLen buckets the quotation's length in words: a few words (a
// partial quotation, often nobody's) up to a long passage.
func (d *doc) quoteLen(qc *quoteCtx) string {
	q := d.qs[qc.k]
	switch s := d.text[q.start:q.end]; {
	case !moreWords(s, 3):
		return "0"
	case !moreWords(s, 8):
		return "1"
	case !moreWords(s, 20):
		return "2"
	}
	return "3"
}

// noneFeatures are the features of abstaining.
func (d *doc) noneFeatures(qc *quoteCtx, n int, f *featSink) {
	f.fs = f.fs[:0]
	f.add(tNone)
	f.add(tNoneNcand, bucket(n, 0, 1, 2, 4))
	d.quoteFeatures(qc, f)
}

// candFeatures are the features of one candidate.
func (d *doc) candFeatures(qc *quoteCtx, c *cand, n int, f *featSink) {
	f.fs = f.fs[:0]
	f.add(tBias)
	if c.src&srcRule != 0 {
		f.add(tSrc, "rule")
		f.add(tVia, ruleNames[qc.rule.via])
		var buf [8]byte
		f.addShape(tRuleAfter, ruleNames[qc.rule.via], "|", d.contextShape(qc, 1, 4, &buf))
		f.addShape(tRuleBefore, ruleNames[qc.rule.via], "|", d.contextShape(qc, -1, 4, &buf))
		// How far a rule is trusted depends on what it attributes: a
		// whole sentence or a few words, alone or among other names.
		f.add(tRuleQlen, ruleNames[qc.rule.via], "|", d.quoteLen(qc))
		f.add(tRuleAlone, ruleNames[qc.rule.via], "|", bucket(n, 1, 2))
	}
	if c.src&srcPrev != 0 {
		f.add(tSrc, "prev")
		f.add(tPrevQpo, boolStr(d.qs[qc.k].open == d.paras[d.qs[qc.k].para].start), "|", boolStr(c.src&srcRule != 0))
	}
	if c.src&srcRun != 0 {
		f.add(tSrc, "run")
	}
	if c.src&srcPronoun != 0 {
		f.add(tSrc, "pron")
	}
	f.add(tSrcs, smallInts[c.src&7], smallInts[c.src>>3])
	kind := "other"
	switch {
	case c.w.org:
		kind = "org"
	case c.w.person:
		kind = "person"
	}
	f.add(tKind, kind)
	f.add(tGender, boolStr(c.w.gender != 0))
	f.add(tWords, bucket(strings.Count(c.w.name, " ")+1, 1, 2))
	f.add(tSalience, kind, "|", bucket(d.mentions(c.w.name), 1, 2, 4, 8))
	if c.tok < 0 {
		f.add(tSide, "X")
		f.add(tSideSrc, "X", "|", smallInts[c.src&7])
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
	f.add(tSide, side)
	f.add(tSideSent, side, "|", sdelta)
	f.add(tSideDist, side, "|", bucket(dist, 1, 2, 4, 8, 16, 32))
	f.add(tSideKind, side, "|", kind)
	f.add(tSideRule, side, "|", boolStr(c.src&srcRule != 0))
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
	f.add(tSideBetween, side, "|", bucket(between, 0, 1))
	f.add(tSideBetweenRule, side, boolStr(c.src&srcRule != 0), "|", bucket(between, 0, 1))
	f.add(tSideRank, side, "|", bucket(c.rank, 0, 1))
	f.add(tSideRankKind, side, kind, "|", bucket(c.rank, 0, 1))
	f.add(tSideRankSent, side, sdelta, "|", bucket(c.rank, 0, 1))
	f.add(tSideVerbBetween, side, "|", boolStr(verbBetween))
	// The shape between: ", X said" reads ",C" then the verb.
	var sb [8]byte
	shape := d.shapeBetween(x, y, &sb)
	f.addShape(tSideShape, side, "|", shape)
	f.addShape2(tSideShapeSent, side, sdelta, "|", shape)
	f.addShape2(tSideShapeKind, side, kind, "|", shape)
	f.add(tSideNear, side, sdelta, "|", bucket(between, 0, 1), bucket(c.rank, 0, 1), boolStr(verbBetween))
	if c.src&srcPronoun != 0 && c.ri < 0 {
		f.add(tPronNext, d.wordClass(c.tok+1))
		f.add(tPronSideNext, side, "|", d.wordClass(c.tok+1))
		return
	}
	r := d.runs[c.ri]
	f.add(tSideSubj, side, "|", boolStr(r.subj), boolStr(r.speech))
	f.add(tInitial, boolStr(r.initial))
	f.add(tPoss, boolStr(d.possessive(r.b-1)))
	pv := r.a - 1
	f.add(tSidePrev, side, "|", d.wordClass(pv))
	nv := r.b
	for d.isWord(nv) && auxiliaries[d.low(nv)] {
		nv++
	}
	f.add(tSideNext, side, "|", d.wordClass(nv))
	if d.isWord(nv) && !d.toks[nv].cap {
		w := d.low(nv)
		f.add(tNextWord, w)
		f.add(tSideNextWord, side, "|", w)
		f.add(tSideNextSuffix, side, "|", suffix(w))
		f.add(tSideNextLex, side, "|", boolStr(speechVerbs[w]), boolStr(weakSpeechVerbs[w]))
		f.add(tNextAfter, d.wordClass(nv+1), "|", boolStr(speechVerbs[w]))
	}
	if d.isWord(pv) && !d.toks[pv].cap {
		w := d.low(pv)
		f.add(tPrevWord, w)
		f.add(tSidePrevWord, side, "|", w)
		f.add(tSidePrevSuffix, side, "|", suffix(w))
		f.add(tSidePrevLex, side, "|", boolStr(speechVerbs[w]), boolStr(prepositions[w]), boolStr(objectVerbs[w]))
	}
	f.add(tRunKind, side, "|", smallInts[r.kind])
}

// wordClass is a coarse shape of token j: a punctuation mark as itself, a
// quotation mark as q, a capitalised word as C, a lower-case word as v
// when the lexicon knows it as speech and w otherwise.
func (d *doc) wordClass(j int) string {
	if j < 0 || j >= len(d.toks) {
		return "^"
	}
	return d.classOf(j)
}

func (d *doc) classOf(j int) string {
	t := d.toks[j]
	switch t.kind {
	case tQuote:
		return "q"
	case tPunct:
		if i := strings.IndexByte(",.:;()?!", d.text[t.start]); i >= 0 {
			return punctClasses[i]
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

var punctClasses = [...]string{",", ".", ":", ";", "(", ")", "?", "!"}

// contextShape is the shape of the n tokens after the quotation (dir > 0)
// or before it (dir < 0), within its paragraph.
func (d *doc) contextShape(qc *quoteCtx, dir, n int, buf *[8]byte) []byte {
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
	return buf[:k]
}

// shapeBetween is the classes of the tokens strictly between x and y, runs
// of capitalised words folded into one C, cut at six.
func (d *doc) shapeBetween(x, y int, buf *[8]byte) []byte {
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
	return buf[:n]
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

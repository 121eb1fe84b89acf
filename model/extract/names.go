package extract

import "strings"

// nameRun is a run of capitalised words: "US Secretary of State John Kerry".
// The name proper is its tail after the title words: "John Kerry".
type nameRun struct {
	a, b    int // tokens [a,b)
	na      int // first token of the name part; na == b when there is none
	kind    entKind
	gender  int8   // 0 unknown, 1 male, 2 female
	subj    bool   // followed by a verb: likely the subject of its clause
	inQ     bool   // inside a quotation
	initial bool   // the run opens its sentence
	speech  bool   // followed by a speech verb
	key     string // the name part, words joined by single spaces, possessive dropped
	words   int    // number of words in key
}

type entKind uint8

const (
	entOther  entKind = iota // a name we know nothing about
	entPerson                // a title, a first name or a role says so
	entPlace
	entOrg
	entTitle // a title with no name: never a speaker
)

// findRuns collects the capitalised runs of the text and what kind of name
// each is.
func (d *doc) findRuns() {
	d.runAt = make([]int32, len(d.toks))
	d.runs = make([]nameRun, 0, len(d.toks)/10+4) // about one run in twelve tokens of news
	for i := range d.runAt {
		d.runAt[i] = -1
	}
	n := len(d.toks)
	for i := 0; i < n; i++ {
		if !d.startsName(i) {
			continue
		}
		j := i + 1
		for j < n && d.toks[j].sent == d.toks[i].sent {
			if d.continuesName(j) {
				if isPossessive(d.word(j)) {
					j++
					if j < n && d.toks[j].sent == d.toks[i].sent && d.continuesName(j) {
						continue // "Sheriff's Office"
					}
					break
				}
				j++
				continue
			}
			break
		}
		// Never end on a particle or a period.
		for j > i+1 && (d.toks[j-1].kind != tWord || (!d.toks[j-1].cap && d.in(j-1, nameParticles)) || d.is(j-1, "of") || d.is(j-1, "for") || d.is(j-1, "the")) {
			j--
		}
		if isPossessive(d.word(i)) && (j == i+1 || !d.continuesName(i+1)) {
			j = i + 1 // "Trump's": the possessor alone, unless "Sheriff's Office"
		}
		if j > i+1 && (i == 0 || d.toks[i-1].sent != d.toks[i].sent) && speechVerbs[d.low(i)] {
			i++ // "Remarked Center for Biological Diversity scientist …": the verb opens the sentence
		}
		r := nameRun{a: i, b: j, inQ: d.toks[i].quote >= 0}
		r.initial = i == 0 || d.toks[i-1].sent != d.toks[i].sent || d.toks[i-1].kind == tQuote && (i < 2 || d.toks[i-2].sent != d.toks[i].sent)
		d.classify(&r)
		for k := r.na; k < r.b; k++ {
			if d.toks[k].kind == tWord {
				r.words++
			}
		}
		if r.words > 0 {
			r.key = d.joinName(r)
			if r.words >= 3 {
				if sp := strings.LastIndexByte(r.key, ' '); sp > 0 && postNominals[strings.ToLower(r.key[sp+1:])] {
					r.key, r.words = r.key[:sp], r.words-1 // "Kama Melly QC" is Kama Melly
				}
			}
		}
		for k := i; k < j; k++ {
			d.runAt[k] = int32(len(d.runs))
		}
		d.runs = append(d.runs, r)
		i = j - 1
	}
}

func (d *doc) startsName(i int) bool {
	t := d.toks[i]
	if t.kind != tWord || !t.cap {
		return false
	}
	if t.end-t.start > 2 && d.text[t.start] == 'I' && (d.text[t.start+1] == '\'' || strings.HasPrefix(d.text[t.start+1:], "’")) {
		return false // I'm, I'd, I've: never a name, nor anyone a he stands for
	}
	if d.firstTitle(i) {
		return true
	}
	if functionCaps[d.low(i)] {
		// "Will Moy, chief executive of Full Fact, told": inside a
		// sentence a capitalised "Will" or "May" before another
		// capitalised word is a first name, not a modal verb, unless
		// the text is in title case ("All the Money You Will Ever Need").
		return firstNameCaps[d.low(i)] && i > 0 && d.toks[i-1].sent == t.sent && !(d.isWord(i-1) && d.toks[i-1].cap) &&
			d.isWord(i+1) && d.toks[i+1].cap && d.toks[i+1].sent == t.sent && !functionCaps[d.low(i+1)]
	}
	c := d.text[t.start]
	return !(c >= '0' && c <= '9')
}

func (d *doc) continuesName(j int) bool {
	t := d.toks[j]
	if isPossessive(d.word(j - 1)) {
		// "Alachua Sheriff's Office", "Children's Hospital": a body's
		// name may hold a possessive before its head noun.
		return t.kind == tWord && t.cap && orgNouns[d.low(j)] && (d.isWord(j+1) && !d.toks[j+1].cap || !d.isWord(j+1)) && titles[stem(d.low(j-1))]
	}
	if t.kind == tWord {
		if t.cap {
			if d.low(j) == "the" && !d.is(j-1, "of") {
				return false
			}
			if d.is(j, "watch") && d.isWord(j-1) && d.toks[j-1].cap {
				return true // "Human Rights Watch", "Airwars Watch": a body's name, not "Watch:"
			}
			if d.firstTitle(j) {
				return true // "Former First Lady Michelle Obama"
			}
			if d.toks[j].end-d.toks[j].start == 1 && j >= 2 && d.punct(j-1, '.') && d.isWord(j-2) && d.toks[j-2].end-d.toks[j-2].start == 1 && d.toks[j-2].cap {
				return true // the second of two initials: "Wayne A. I. Frederick"
			}
			if w := d.low(j); len(w) == 1 && functionCaps[w] && d.isWord(j-1) && d.toks[j-1].cap && d.middleInitial(j) {
				// "Sonya A. Zoghlin": a capital A or I with its period
				// between two names is an initial, not an article.
				return true
			}
			return !functionCaps[d.low(j)] || d.low(j) == "the"
		}
		w := d.low(j)
		if w == "of" || w == "for" || w == "on" {
			// "Secretary of State", "Bank of England", but not "Rosaly
			// Lopes of NASA": only a title or a body takes "of". "on"
			// only a body: "Commission on Presidential Debates".
			p := stem(d.low(j - 1))
			return (w != "on" && titles[p] || orgNouns[p]) && d.isWord(j+1) && d.toks[j+1].cap && d.toks[j+1].sent == t.sent
		}
		if nameParticles[w] {
			// "bin Salman", and two particles: "von der Leyen".
			n := j + 1
			if d.isWord(n) && !d.toks[n].cap && nameParticles[d.low(n)] {
				n++
			}
			return d.isWord(n) && d.toks[n].cap && d.toks[n].sent == t.sent
		}
		if d.particleJoined(j) {
			return true // "al-Baghdadi", "el-Sisi"
		}
		if w == "the" && (d.is(j-1, "of") || d.is(j-1, "for")) {
			return d.isWord(j+1) && d.toks[j+1].cap
		}
		if w == "and" && j >= 3 && d.isWord(j+1) && d.toks[j+1].cap && d.toks[j+1].sent == t.sent && d.toks[j-1].cap && d.is(j-2, "of") && orgNouns[stem(d.low(j-3))] && d.toks[j-3].cap && !maleNames[d.low(j+1)] && !femaleNames[d.low(j+1)] {
			return true // "High Court of England and Wales", "Department of Health and Human Services"
		}
		return false
	}
	// A period after a title abbreviation or an initial: Mr. Kerry, J. Smith.
	if d.text[t.start] == '.' && t.start == d.toks[j-1].end && d.isWord(j+1) && d.toks[j+1].cap {
		w := d.low(j - 1)
		return abbrevs[w] || len(w) == 1
	}
	return false
}

// firstTitle reports a capital "First" that opens a title: First Lady,
// First Minister, First Secretary. Elsewhere "First" is a function word.
func (d *doc) firstTitle(i int) bool {
	return d.is(i, "first") && d.toks[i].cap && d.isWord(i+1) && d.toks[i+1].cap && titles[d.low(i+1)]
}

// particleBefore reports whether key[h] is a hyphen after a name
// particle: the "al-" of "Bashar al-Assad".
func particleBefore(key string, h int) bool {
	if h <= 0 || h >= len(key) || key[h] != '-' {
		return false
	}
	s := strings.LastIndexByte(key[:h], ' ') + 1
	var buf [8]byte // lower-case without allocating: a map look-up of string(bytes) does not copy
	if h-s > len(buf) {
		return false
	}
	for i := s; i < h; i++ {
		c := key[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i-s] = c
	}
	p := buf[:h-s]
	return nameParticles[string(p)] || string(p) == "ad" || string(p) == "as" || string(p) == "ash"
}

// particleJoined reports whether the lower-case word j is a particle
// joined by a hyphen to a capitalised name: al-Baghdadi, el-Sisi, ad-Din.
func (d *doc) particleJoined(j int) bool {
	w := d.word(j)
	h := strings.IndexByte(w, '-')
	if h <= 0 || h+1 >= len(w) || !nameParticles[d.low(j)[:h]] && d.low(j)[:h] != "ad" && d.low(j)[:h] != "as" && d.low(j)[:h] != "ash" {
		return false
	}
	c := w[h+1]
	return c >= 'A' && c <= 'Z'
}

// middleInitial reports whether the one-letter word j is followed by its
// period and, in the same sentence, by a capitalised word that can go on
// a name.
func (d *doc) middleInitial(j int) bool {
	p := j + 1
	if !d.punct(p, '.') || d.toks[p].start != d.toks[j].end || !d.isWord(p+1) || !d.toks[p+1].cap {
		return false
	}
	if n := p + 1; d.toks[n].end-d.toks[n].start == 1 && d.punct(n+1, '.') && d.isWord(n+2) && d.toks[n+2].cap {
		return true // two initials: "Wayne A. I. Frederick" (the "I" would pass for the pronoun)
	}
	return d.toks[p+1].sent == d.toks[j].sent && !functionCaps[d.low(p+1)]
}

// genSuffix reports whether w (lower case, no period) is a generational
// suffix that follows a surname: Jr, Sr, III.
func genSuffix(w string) bool {
	switch w {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// coreName drops a generational suffix from a key: "Patrick Carlineo Jr."
// is the Carlineo of a later "Carlineo said".
func coreName(key string) string {
	sp := strings.LastIndexByte(key, ' ')
	if sp <= 0 {
		return key
	}
	// EqualFold, not ToLower: this runs for every name and must not
	// allocate.
	switch w := strings.TrimSuffix(key[sp+1:], "."); {
	case strings.EqualFold(w, "jr"), strings.EqualFold(w, "sr"), strings.EqualFold(w, "ii"),
		strings.EqualFold(w, "iii"), strings.EqualFold(w, "iv"):
		return key[:sp]
	}
	return key
}

// nameOf is the text of a run's name part, without a possessive.
func (d *doc) nameOf(r nameRun) string {
	s := d.toks[r.na].start
	e := d.toks[r.b-1].end
	return stem(d.text[s:e])
}

// joinName writes a run's name part with single spaces. It allocates only
// when the text between the words is not a single space already.
func (d *doc) joinName(r nameRun) string {
	s := d.text[d.toks[r.na].start:d.toks[r.b-1].end]
	plain := true
	for k := r.na + 1; k < r.b; k++ {
		if d.toks[k].start != d.toks[k-1].end+1 || d.text[d.toks[k-1].end] != ' ' || d.toks[k].kind != tWord || d.toks[k-1].kind != tWord {
			plain = false
			break
		}
	}
	if plain {
		return d.withSuffixDot(r, stem(s))
	}
	var b strings.Builder
	for k := r.na; k < r.b; k++ {
		if d.toks[k].kind != tWord {
			if d.text[d.toks[k].start] == '.' {
				b.WriteByte('.')
			}
			continue
		}
		if b.Len() > 0 && d.toks[k-1].kind == tWord {
			b.WriteByte(' ')
		} else if b.Len() > 0 && d.text[d.toks[k-1].start] == '.' {
			b.WriteByte(' ')
		}
		b.WriteString(stem(d.word(k)))
	}
	return d.withSuffixDot(r, b.String())
}

// withSuffixDot keeps the period of a closing "Jr." or "Sr.", which the
// run leaves out as it never ends on a period: the article's name is
// "James Kennedy Jr.". So does a closing initial ("Sergey M.", written
// with a full stop or a one-dot leader), which is a name only with its dot.
func (d *doc) withSuffixDot(r nameRun, key string) string {
	last := r.b - 1
	if r.b-r.na < 2 || r.b >= len(d.toks) || d.toks[r.b].start != d.toks[last].end {
		return key
	}
	if (d.is(last, "jr") || d.is(last, "sr")) && d.punct(r.b, '.') {
		return key + "."
	}
	if t := d.toks[last]; t.end-t.start == 1 && t.cap && strings.HasPrefix(d.text[t.end:], "\u2024") {
		return key + "\u2024"
	}
	return key
}

// fullest returns the fullest name the text gives the person of run ri:
// Bremmer → Ian Bremmer. When two people share the last word of the name
// the nearest earlier one wins.
func (d *doc) fullest(ri int) (string, int) {
	// Memoised: attribution asks for the same runs many times, and each
	// answer scans every run of the text.
	if d.full == nil {
		d.full = make([]int32, len(d.runs))
	}
	if c := d.full[ri]; c > 0 {
		return d.fullName(int(c - 1)), int(c - 1)
	}
	name, fr := d.fullestScan(ri)
	d.full[ri] = int32(fr + 1)
	if fr != ri && d.fullName(fr) != name {
		d.full[ri] = 0 // a trimmed key: keep computing (rare)
	}
	return name, fr
}

// fullName is the key fullest gives for its chosen run: the run's key, or
// for a run opening a sentence with no first name, the key less its first
// word.
func (d *doc) fullName(fr int) string {
	return d.runs[fr].key
}

func (d *doc) fullestScan(ri int) (string, int) {
	r := d.runs[ri]
	best, bestRun := r.key, ri
	if r.kind == entOrg && r.words == 1 && orgNouns[stem(d.low(r.na))] {
		// "the Observatory said" after "the Syrian Observatory for
		// Human Rights": the nearest earlier body whose name holds the
		// word.
		for oi := ri - 1; oi >= 0; oi-- {
			o := &d.runs[oi]
			if o.kind != entOrg || o.inQ || o.words < 2 {
				continue
			}
			if k := strings.Index(o.key, r.key); k >= 0 && (k == 0 || o.key[k-1] == ' ') && (k+len(r.key) == len(o.key) || o.key[k+len(r.key)] == ' ') {
				return o.key, oi
			}
		}
	}
	if r.kind == entPlace || r.kind == entOrg && r.words == 1 || r.key == "" {
		return best, ri
	}
	bestLen := r.words
	bestDist := 1 << 30
	pos := d.toks[r.a].start
	if d.lasts.head == nil {
		d.indexLasts()
	}
	lw := r.key
	if sp := strings.LastIndexByte(lw, ' '); sp >= 0 {
		lw = lw[sp+1:]
	}
	var seen []keyCount
	for oi := d.lasts.first(lw); oi >= 0; oi = d.lasts.after(oi) {
		o := &d.runs[oi]
		if oi == ri || o.words <= r.words || o.kind == entPlace {
			continue
		}
		okey, owords := o.key, o.words
		if o.initial && o.na == o.a && !maleNames[d.low(o.na)] && !femaleNames[d.low(o.na)] && commonOpener(d.low(o.na)) && !d.is(o.na, "pope") {
			// "Hosting Cook", "Mediator Joseph Mwangi": the first word
			// of a sentence may be no part of the name.
			sp := strings.IndexByte(okey, ' ')
			if sp < 0 {
				continue
			}
			okey, owords = okey[sp+1:], owords-1
			if owords <= r.words {
				continue
			}
		}
		if core := coreName(okey); core != okey && strings.HasSuffix(core, r.key) && len(core) > len(r.key) && core[len(core)-len(r.key)-1] == ' ' {
			// "Carlineo" is the Carlineo of "Patrick Carlineo Jr.".
		} else if doubleSurname(okey, r.key) && owords >= 3 {
			// "Rosselló" in "Ricardo Rosselló Nevares".
		} else if len(okey) <= len(r.key) || !strings.EqualFold(okey[len(okey)-len(r.key):], r.key) || okey[len(okey)-len(r.key)-1] != ' ' && !particleBefore(okey, len(okey)-len(r.key)-1) {
			// EqualFold: "De Blasio" opening a sentence is Bill de Blasio.
			continue
		}
		dist := pos - d.toks[o.a].start
		if o.inQ && !r.inQ {
			// A name inside someone's words ("Pat Carlineo is
			// passionate …", “Make Trump just go away”) is the speaker's
			// wording, not the article's.
			continue
		}
		if dist < 0 {
			if r.initial && r.words == 1 {
				// "Research focusing on …" opening a sentence is a common
				// noun, not "Scientific Research" named further on.
				continue
			}
			dist = 1<<29 - dist // later mentions only when nothing earlier fits
		}
		if dist < 1<<29 {
			seen = countKey(seen, okey, oi)
		}
		if owords > bestLen && dist <= bestDist || dist < bestDist {
			best, bestRun, bestLen, bestDist = okey, oi, owords, dist
		}
	}
	if len(seen) > 1 && r.words == 1 {
		// Two people share the surname ("Joe Biden", "Hunter Biden"): a
		// lone "Biden" is the one the text introduced first. News names
		// its main actor first; a relative or namesake comes later and is
		// then called by the full name or the first name.
		top := -1
		for i, c := range seen {
			if top < 0 || c.first < seen[top].first {
				top = i
			}
		}
		if seen[top].key != best {
			best, bestRun = seen[top].key, seen[top].run
		}
	}
	if bestRun == ri && r.words == 1 && r.kind != entOrg {
		return d.byFirstWord(ri)
	}
	return best, bestRun
}

// doubleSurname reports whether one is the next-to-last word of key:
// the first of two surnames.
func doubleSurname(key, one string) bool {
	sp := strings.LastIndexByte(key, ' ')
	if sp <= 0 || strings.IndexByte(one, ' ') >= 0 {
		return false
	}
	rest := key[:sp]
	return strings.HasSuffix(rest, " "+one)
}

// keyCount is one full name a surname may stand for: where it was
// mentioned nearest and first.
type keyCount struct {
	key   string
	run   int // its nearest mention so far
	first int // its first mention
}

func countKey(seen []keyCount, key string, run int) []keyCount {
	for i := range seen {
		if seen[i].key == key {
			seen[i].run = max(seen[i].run, run)
			seen[i].first = min(seen[i].first, run)
			return seen
		}
	}
	return append(seen, keyCount{key: key, run: run, first: run})
}

// byFirstWord resolves a single word that no fuller name ends with to the
// one person whose two-word name starts with it: a Chinese or Korean
// family name written first ("Liu Xiaming … Liu said") or a first name.
// Two different such people make it ambiguous, and the word stays as is.
func (d *doc) byFirstWord(ri int) (string, int) {
	r := d.runs[ri]
	if d.firsts.head == nil {
		d.indexFirsts()
	}
	best, bestRun := r.key, ri
	if innerCapital(r.key) {
		if lw := strings.ToLower(r.key); !maleNames[lw] && !femaleNames[lw] {
			return best, bestRun // "GitHub", "YouTube": a brand, not a first name
		}
	}
	for oi := d.firsts.first(r.key); oi >= 0; oi = d.firsts.after(oi) {
		o := &d.runs[oi]
		if oi == ri || o.a > r.a || o.kind == entOrg || o.kind == entPlace {
			continue // "GitHub" is not the "GitHub Trust" of "GitHub Trust and Safety team"
		}
		if bestRun != ri && o.key != best {
			return r.key, ri // two different people: ambiguous
		}
		best, bestRun = o.key, oi
	}
	return best, bestRun
}

// innerCapital reports whether a word has a capital after its first
// letter, as brands do (GitHub, eBay's "PayPal") and given names do not.
// "McDonald" and "O'Brien" have theirs after a Mc or an apostrophe.
func innerCapital(w string) bool {
	for i := 1; i < len(w); i++ {
		if isUpperASCII(w[i]) && w[i-1] >= 'a' && w[i-1] <= 'z' && !(i == 2 && w[:2] == "Mc") && !(i == 3 && w[:3] == "Mac") {
			return true
		}
	}
	return false
}

// indexLasts indexes the names of two words or more by their last word,
// once per text, so that fullest looks only at names that may end with
// the one it resolves.
func (d *doc) indexLasts() {
	d.lasts.init(len(d.runs))
	for oi := range d.runs {
		o := &d.runs[oi]
		if o.words < 2 || o.kind == entPlace {
			continue
		}
		core := coreName(o.key)
		last := core[strings.LastIndexByte(core, ' ')+1:]
		d.lasts.add(last, oi)
		if o.words >= 3 && (o.kind == entPerson || o.gender != 0) {
			// "Ricardo Rosselló Nevares" is the Rosselló of a later
			// "Rosselló said": a double surname, the first one used alone.
			rest := core[:len(core)-len(last)-1]
			d.lasts.add(rest[strings.LastIndexByte(rest, ' ')+1:], oi)
		}
		if h := strings.IndexByte(last, '-'); h > 0 && particleBefore(last, h) {
			d.lasts.add(last[h+1:], oi) // "Assad" is the al-Assad of "Bashar al-Assad"
		}
	}
}

// indexFirsts indexes the two-word names of people (or of unknowns) by
// their first word, once per text.
func (d *doc) indexFirsts() {
	d.firsts.init(len(d.runs))
	for oi := range d.runs {
		o := &d.runs[oi]
		if o.words != 2 || o.inQ || o.kind == entPlace || o.kind == entOrg || o.kind == entTitle {
			continue
		}
		if o.initial && o.na == o.a {
			continue // the first word of a sentence may be no part of the name
		}
		if sp := strings.IndexByte(o.key, ' '); sp > 0 {
			d.firsts.add(o.key[:sp], oi)
		}
	}
}

// wordIndex chains runs by a word: one map and one slice per text.
type wordIndex struct {
	head map[string]int32 // word → last run added + 1
	next []int32          // run → previous run with the same word + 1
}

func (x *wordIndex) init(n int) {
	x.head = make(map[string]int32)
	x.next = make([]int32, n)
}

func (x *wordIndex) add(w string, ri int) {
	x.next[ri] = x.head[w]
	x.head[w] = int32(ri + 1)
}

// first returns a run indexed under w, or -1; after the next one, or -1.
func (x *wordIndex) first(w string) int { return int(x.head[w]) - 1 }
func (x *wordIndex) after(ri int) int   { return int(x.next[ri]) - 1 }

// roleOf finds the role the text gives the person of run ri anywhere: an
// apposition first, then the title before the name. Results are cached for
// the life of the doc.
func (d *doc) roleOf(name string) string {
	if r, ok := d.roles[name]; ok {
		return r
	}
	r := d.findRole(name)
	if d.roles == nil {
		d.roles = make(map[string]string)
	}
	d.roles[name] = r
	return r
}

func (d *doc) findRole(name string) string {
	title := ""
	for _, r := range d.runs {
		if r.kind == entPlace || r.inQ {
			continue
		}
		n := r.key
		if n == "" || n != name && !(strings.HasSuffix(name, n) && name[len(name)-len(n)-1] == ' ') {
			continue
		}
		if d.punct(r.b, ',') {
			if e := d.appositionEnd(r.b); e > 0 {
				return d.roleText(r.b+1, e)
			}
		}
		if title == "" && r.na > r.a {
			a := r.a
			for a < r.na && (d.in(a, functionCaps) || abbrevs[d.low(a)] && (d.low(a) == "mr" || d.low(a) == "mrs" || d.low(a) == "ms" || d.low(a) == "dr")) {
				a++
			}
			e := r.na
			for e > a && d.toks[e-1].kind != tWord {
				e--
			}
			if e > a {
				title = d.text[d.toks[a].start:d.toks[e-1].end]
			}
		}
		if title == "" && d.isWord(r.a-1) && !d.toks[r.a-1].cap && personNouns[d.low(r.a-1)] {
			a := r.a - 1
			if a > 0 {
				if p := d.runAt[a-1]; p >= 0 && d.runs[p].b == a {
					a = d.runs[p].a
				}
			}
			title = d.text[d.toks[a].start:d.toks[r.a-1].end]
		}
	}
	return title
}

// roleText is the text of tokens [a,b) without a leading article.
func (d *doc) roleText(a, b int) string {
	for a < b && (d.is(a, "the") || d.is(a, "a") || d.is(a, "an") || d.is(a, "who") || d.is(a, "is")) {
		a++
	}
	// "the senior sanctions official who announced the measures": the
	// role ends where a relative clause begins.
	for k := a + 1; k < b; k++ {
		if d.is(k, "who") || d.is(k, "which") || d.is(k, "whose") {
			b = k
			break
		}
	}
	if a >= b {
		return ""
	}
	return oneLine(d.text[d.toks[a].start:d.toks[b-1].end])
}

// oneLine collapses runs of white space (a role may span a line break).
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' || s[i] == '\t' || s[i] == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return s
}

// acronym reports an all-capital word of two letters or more: NASA, UNHCR.
func acronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.' || c == '-' || c == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// commonOpener reports whether a capitalised word opening a sentence may be
// an ordinary word rather than a first name: "Hosting Cook", "Mediator
// Joseph Mwangi" but not "Montell Figgins".
func commonOpener(w string) bool {
	if personNouns[w] || titles[w] || roleStart[w] || functionCaps[w] || speechVerbs[w] {
		return true
	}
	for _, suf := range []string{"ing", "ed", "ly", "ers", "ors", "ists", "ians"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

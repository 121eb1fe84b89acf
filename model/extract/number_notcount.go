package extract

import "strings"

// Numbers that count nothing: years, dates, times, ordinals, ratios,
// citations, labels and numbers that are part of a name. notACount runs
// the rules in turn; an age is a count of years and stops the search.

// notACount drops years, dates, times, ordinals and numbers in names.
func (d *doc) notACount(f *figure) bool {
	a, t, first, digit := d.numberToken(f)
	prev := a - 1
	if f.currency != "" && prev >= 0 && d.toks[prev].kind != tWord {
		prev = f.a - 1
	}
	if f.wordOnly || isDigit(rune(first[0])) {
		if drop, ok := d.ageAfterName(f); ok {
			return drop
		}
	}
	if d.ratioOrFrequency(f) || d.citationOrModel(f, digit) || d.sloganOrPronoun(f, digit) || d.gluedOrClock(f, t) || d.rateBase(f) {
		return true
	}
	if f.wordOnly && d.capitalName(f) {
		return true
	}
	if digit && f.currency == "" && !f.percent {
		pw := d.lowAt(prev)
		if pw == "." {
			pw = d.lowAt(prev - 1)
		}
		if d.dateOrYear(f, prev, pw, first) {
			return true
		}
		if drop, ok := d.labelBefore(f, a, prev, pw); ok {
			return drop
		}
	}
	return false
}

// capitalName reports a number word capitalised inside a name: "World War
// Two", "the Top Two primary", "Category Two storm". A count opening a
// sentence has no capitalised word before it in that sentence.
func (d *doc) capitalName(f *figure) bool {
	a, p := f.a, f.a-1
	return d.toks[a].cap && d.isWord(p) && d.toks[p].cap && d.toks[p].sent == d.toks[a].sent &&
		!functionCaps[d.low(p)] && !isQualifierWord(d.low(p)) && f.currency == "" && !f.percent && !d.titleCaseAround(a)
}

// titleCaseAround reports whether the words around token a are in title
// case, a headline ("Bomb Kills Twelve In Market"), where a capital says
// nothing of a name: no word of four letters or more is lower case.
func (d *doc) titleCaseAround(a int) bool {
	sent := d.toks[a].sent
	for k := max(0, a-12); k < len(d.toks) && k <= a+12; k++ {
		if d.toks[k].sent == sent && d.isWord(k) && !d.toks[k].cap && d.toks[k].end-d.toks[k].start >= 4 {
			return false
		}
	}
	return true
}

// rateBase reports the base of a rate, "18.9 deaths per 100,000 people":
// the rate is the figure, its base counts nothing.
func (d *doc) rateBase(f *figure) bool {
	return f.currency == "" && !f.percent && (d.is(f.a-1, "per") || d.is(f.a-1, "every") && f.value >= 100)
}

// numberToken returns the token of f that holds its first digits, that
// token's text and whether it is digits: when the currency sign came
// first ("$ 5") it is the number token after the sign.
func (d *doc) numberToken(f *figure) (int, token, string, bool) {
	a, b := f.a, f.b
	t := d.toks[a]
	first := d.text[t.start:t.end]
	digit := isDigit(rune(first[0]))
	if f.currency != "" && !digit {
		for k := a; k < b; k++ {
			if isDigit(rune(d.text[d.toks[k].start])) {
				return k, d.toks[k], d.text[d.toks[k].start:d.toks[k].end], true
			}
		}
	}
	return a, t, first, digit
}

// ageAfterName handles an age set off by commas after a name, "Olena
// Petrenko, 54, said", which is a count of years, and "children under
// five", which is no count. It reports whether it decided.
func (d *doc) ageAfterName(f *figure) (drop, decided bool) {
	if d.punct(f.a-1, ',') && d.punct(f.b, ',') && f.a >= 2 && d.runAt[f.a-2] >= 0 && f.currency == "" && !f.percent && f.value < 120 && f.unitEnd == f.b {
		f.age, f.unit = true, "years"
		return false, true
	}
	// "He was 101 and died", "Jane Roe, who was 23, ...": a person's age.
	if f.unitEnd == f.b && f.value >= 1 && f.value < 120 && f.currency == "" && !f.percent && !f.isRange && f.qkind == 0 && f.a >= 2 &&
		(d.is(f.a-1, "was") || d.is(f.a-1, "is")) && (d.is(f.a-2, "he") || d.is(f.a-2, "she") || d.is(f.a-2, "who") || d.nameRunAt(f.a-2)) &&
		(f.b >= len(d.toks) || d.punct(f.b, '.') || d.punct(f.b, ',') || d.punct(f.b, ';') || d.is(f.b, "and") || d.is(f.b, "when")) {
		f.age, f.unit = true, "years"
		return false, true
	}
	// "aged fifteen", "at the age of fifteen": an age in words.
	if f.wordOnly && f.unit == "" && f.value < 130 && (d.is(f.a-1, "aged") || d.is(f.a-1, "of") && d.is(f.a-2, "age")) {
		f.age, f.unit = true, "years"
		return false, true
	}
	if d.is(f.a-1, "under") && (d.is(f.a-2, "children") || d.is(f.a-2, "kids") || d.is(f.a-2, "those")) && f.unitEnd == f.b {
		return true, true
	}
	return false, false
}

// personRunAt reports whether token k ends a name that may be a person's:
// one the names say is a person, or two capitalised words of no known
// place or body ("Jane Roe (52)", not "the United States (1)").
func (d *doc) personRunAt(k int) bool {
	return d.nameRunAt(k) && (d.runs[d.runAt[k]].kind == entPerson || d.runs[d.runAt[k]].words >= 2)
}

// nameRunAt reports whether token k ends a name that is not a place or a
// body: "Roe was 52".
func (d *doc) nameRunAt(k int) bool {
	if k < 0 || d.runAt[k] < 0 {
		return false
	}
	r := &d.runs[d.runAt[k]]
	return r.b == k+1 && (r.kind == entPerson || r.kind == entOther)
}

// ratioOrFrequency handles a ratio or how often, not how many: "one in
// five children", "1 in 3", "displaced three times", "two or three
// times", "nine times higher", "25 times their annual expenses".
func (d *doc) ratioOrFrequency(f *figure) bool {
	if d.is(f.a-1, "in") && f.a >= 2 && (d.lowAt(f.a-2) == "one" || d.lowAt(f.a-2) == "1") {
		return true
	}
	if f.value == 1 && d.is(f.b, "in") && d.isWord(f.b+1) && (units[d.lowAt(f.b+1)] > 1 || isDigit(rune(d.text[d.toks[f.b+1].start]))) {
		return true
	}
	// A bare number before "times" never counts people or things.
	if f.unitEnd == f.b && f.currency == "" && !f.percent &&
		(d.is(f.b, "times") || (d.is(f.b, "or") || d.is(f.b, "to")) && d.isWord(f.b+1) && d.is(f.b+2, "times")) {
		return true
	}
	if d.is(f.b, "times") {
		switch d.lowAt(f.b + 1) {
		case "higher", "more", "greater", "larger", "as", "the", "lower", "less", "their", "its", "his", "her",
			"our", "that", "this", "what", "bigger", "smaller", "faster", "over":
			return true
		}
	}
	return false
}

// citationOrModel handles a citation, "(2)", "(4, 5)", and a model or a
// name after the number: "the 737 Max jet".
func (d *doc) citationOrModel(f *figure, digit bool) bool {
	// A unit glued on ("(35-km)", "(32km)") makes it a conversion, no citation.
	if (d.punct(f.qa-1, '(') || d.punct(f.qa-1, ',') && d.punct(f.qa-2+boolInt(f.qa < 2)*2, '(')) && (d.punct(f.b, ')') || d.punct(f.b, ',')) && f.unitEnd == f.b && f.currency == "" && !f.percent && f.unit == "" {
		// The clause goes on after the bracket: a citation "(1)." ends it.
		if d.punct(f.qa-1, '(') && d.punct(f.b, ')') && f.qa >= 2 && d.personRunAt(f.qa-2) && digit && f.value >= 1 && f.value < 120 && !f.isRange &&
			(d.punct(f.b+1, ',') || d.isWord(f.b+1) && !d.toks[f.b+1].cap) {
			f.age, f.unit = true, "years" // "Jane Roe (52) was arrested": an age
			return false
		}
		return true
	}
	return digit && f.unit == "" && f.unitEnd == f.b && f.currency == "" && !f.percent && !f.scaled && d.isWord(f.b) && d.toks[f.b].cap && !functionCaps[d.low(f.b)] && !nationalities[stem(d.low(f.b))] && !places[stem(d.low(f.b))] && d.toks[f.b].sent == d.toks[f.a].sent && !d.groupPlural(f.b)
}

// sloganOrPronoun handles a number in a quotation of a few words, part
// of a slogan or a nickname (“one country, two systems”, the “three
// amigos”), an emergency number ("911 calls") and "one" on its own, a
// pronoun (one of them, at one point, no one).
func (d *doc) sloganOrPronoun(f *figure, digit bool) bool {
	if qi := d.toks[f.a].quote; qi >= 0 && d.toks[f.a].kind != tQuote {
		q := d.qs[qi]
		if !moreWords(d.text[q.start:q.end], 4) && !d.writtenAsData(f) {
			return true
		}
	}
	if (f.value == 911 || f.value == 999 || f.value == 112) && digit && f.unitEnd == f.b+1 && (d.is(f.b, "call") || d.is(f.b, "calls")) {
		return true
	}
	if f.wordOnly && f.value == 1 && f.unit == "" && !f.isRange && f.currency == "" && !f.percent {
		return !d.victimOfVerb(f)
	}
	return f.wordOnly && f.value == 1 && (d.is(f.b, "of") || d.is(f.a-1, "no") || d.is(f.b, "another")) && !f.percent
}

// digitRun is the number of ASCII digits s starts with.
func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// writtenAsData reports a number no slogan or nickname is written with:
// digits grouped or with a decimal point ("1,723", "2.5"), several number
// words ("one hundred and two"), a percentage or an amount of money. A
// short quotation of one (a “total of 1,723 cases”) quotes a figure;
// slogans count in single words (“one country, two systems”).
func (d *doc) writtenAsData(f *figure) bool {
	if f.percent || f.currency != "" || f.wordOnly && f.b-f.a > 1 {
		return true
	}
	w := d.text[d.toks[f.a].start:d.toks[f.b-1].end]
	return isDigit(rune(w[0])) && strings.ContainsAny(w, ",.")
}

// victimOfVerb reports "one" as the object of a people event verb with
// nothing after it but the end of the clause: "killed one and injured
// eight", "wounded one, police said". Elsewhere a lone "one" is a pronoun.
func (d *doc) victimOfVerb(f *figure) bool {
	p := f.qa - 1
	if !d.isWord(p) || d.toks[p].cap || !strings.HasSuffix(d.low(p), "ed") {
		return false
	}
	if c, n := d.catAt(p); n != 1 || !peopleCat(c) || c == AtRisk {
		return false
	}
	return f.b >= len(d.toks) || d.punct(f.b, ',') || d.punct(f.b, '.') || d.punct(f.b, ';') || d.is(f.b, "and") || d.is(f.b, "but")
}

// gluedOrClock handles a number glued to a letter by a hyphen or a slash
// (COVID-19, 24/7, 9/11, #3), a ratio or a time in digits (24/7, 10:30)
// and a time of day (2 pm, 10 a.m., 14:00 GMT). t is the number's token.
func (d *doc) gluedOrClock(f *figure, t token) bool {
	b := f.b
	if t.start > 0 {
		pr := prevRune(d.text, t.start)
		if pr == '/' || pr == '-' && isAlnum(prevRune(d.text, t.start-1)) || pr == '#' || pr == '№' || pr == ':' && isDigit(prevRune(d.text, t.start-1)) {
			return true
		}
		if pr == ',' && isDigit(prevRune(d.text, t.start-1)) && !isGroup(d.text[t.start:]) {
			return true // "200,0000": the tail of a mistyped number
		}
	}
	if b < len(d.toks)-1 && d.punct(b, ',') && d.toks[b].start == d.toks[b-1].end && d.toks[b+1].start == d.toks[b].end && isDigit(rune(d.text[d.toks[b+1].start])) && !isGroup(d.text[d.toks[b+1].start:]) {
		return true // "200,0000": which number was meant is unknown
	}
	if b < len(d.toks) && d.toks[b].start == d.toks[b-1].end && (d.punct(b, '/') || d.punct(b, ':')) && b+1 < len(d.toks) && isDigit(rune(d.text[d.toks[b+1].start])) {
		return true // 24/7, 10:30
	}
	if (d.lowAt(b) == "a" || d.lowAt(b) == "p") && d.punct(b+1, '.') && d.lowAt(b+2) == "m" {
		return true // 1 p.m.
	}
	if nx := d.lowAt(b); nx == "am" || nx == "pm" || nx == "a.m" || nx == "p.m" || nx == "gmt" || nx == "utc" || nx == "o'clock" || nx == "o’clock" {
		return true
	}
	return false
}

// dateOrYear handles a day of a month ("February 1", "1 February", "Oct.
// 25") and a year ("in 2011") unless it counts people or things. pw is
// the word before the number token at prev.
func (d *doc) dateOrYear(f *figure, prev int, pw, first string) bool {
	if _, ok := months[pw]; ok && f.value <= 31 || ok && f.value >= 1000 && f.value <= 2100 {
		if !(pw == "may" && !d.toks[prev].cap) && !(pw == "march" && !d.toks[prev].cap) {
			return true
		}
	}
	if _, ok := months[d.lowAt(f.b)]; ok && f.value <= 31 && d.toks[f.b].cap {
		return true
	}
	if !isYear(first) || !f.scaleFree() || !(f.qkind == 0 || d.in(f.qa-1, yearPreps)) {
		return false
	}
	if d.totalStated(f) {
		return false
	}
	if f.unitEnd > f.b && (f.unit == "people" || f.unit == "troops" || thingUnits[f.unit] != "") {
		// "2,000 refugees" is a count, but "the 2017 Women's World
		// Championship" names an event, and "the return in 1980 of
		// several nationals" dates it.
		u := f.unitEnd - 1
		return d.toks[u].cap && isPossessive(d.low(u)) || d.is(f.b, "of") && d.in(f.qa-1, yearPreps)
	}
	return true
}

// tallyNouns name a count whose value a sentence may state with "is":
// "the number of those infected until now is 1501".
var tallyNouns = set("count", "number", "tally", "toll", "total")

// totalStated reports a number that is the value of a tally named in the
// ten words before it ("the total ... is 1501", "a total of 1998 cases"),
// a count even if it looks like a year.
func (d *doc) totalStated(f *figure) bool {
	p := f.qa - 1
	if d.is(p, "of") && d.isWord(p-1) && tallyNouns[d.low(p-1)] {
		return true
	}
	if !(d.is(p, "is") || d.is(p, "was") || d.is(p, "reached") || d.is(p, "stood") || d.is(p, "at") && d.is(p-1, "stood")) {
		return false
	}
	sent := d.toks[f.a].sent
	for k := p - 1; k >= 0 && k >= p-10 && d.toks[k].sent == sent; k-- {
		if d.isWord(k) && tallyNouns[d.low(k)] {
			return true
		}
	}
	return false
}

// labelBefore handles a word before the number that makes it part of a
// name (Resolution 2254, Section 427, area 55, Flight 17, No. 5, Boeing
// 737, Apollo 11) or an age ("aged 52", "aged between 18 and 40"). It
// reports whether it decided.
func (d *doc) labelBefore(f *figure, a, prev int, pw string) (drop, decided bool) {
	aw := pw
	if aw == "between" || aw == "from" {
		aw = d.lowAt(prev - 1) // aged between 18 and 40
	}
	if aw == "of" && d.is(prev-1, "age") {
		aw = "age" // died at the age of 95
	}
	if (aw == "aged" || aw == "age" || aw == "ages") && f.unit == "" && f.value < 130 {
		f.age, f.unit = true, "years" // aged 52
		return false, true
	}
	// A capitalised label names even with a noun after it: "Category 5
	// hurricanes", "Boeing 747s".
	if labels[pw] && (f.unitEnd == f.b || pw == "resolution" || pw == "age" || pw == "aged" || pw == "ages" || prev >= 0 && d.toks[prev].cap) {
		return true, true
	}
	if prev >= 0 && d.punct(prev, '.') && (d.lowAt(prev-1) == "no" || d.lowAt(prev-1) == "nos" || d.lowAt(prev-1) == "nr") {
		return true, true
	}
	// Coordinated with a model code: "the A300 and 747", "Boeing 737 or
	// 757": the number is a model too.
	if (pw == "and" || pw == "or" || pw == ",") && f.unitEnd == f.b && f.currency == "" && !f.percent && d.modelBefore(prev-1) {
		return true, true
	}
	// A capitalised word right before: Boeing 737, Apollo 11.
	if prev >= 0 && d.isWord(prev) && d.toks[prev].cap && !functionCaps[pw] && d.toks[prev].sent == d.toks[a].sent &&
		prev > 0 && d.toks[prev-1].sent == d.toks[prev].sent && (f.unitEnd == f.b || d.nameGoesOn(f)) && f.currency == "" && !isQualifierWord(pw) {
		return true, true
	}
	return false, false
}

// nameGoesOn reports a capitalised word after the number that carries a
// name on rather than saying what is counted: "The Lost 52 Project
// identifies", "Boeing 737 Max jets". A noun for people or things, a
// nationality or a plural in Title Case ("Kills 52 People") is what is
// counted.
func (d *doc) nameGoesOn(f *figure) bool {
	j := f.b
	if !d.isWord(j) || !d.toks[j].cap || d.toks[j].sent != d.toks[f.a].sent || f.percent || f.scaled {
		return false
	}
	w := stem(d.low(j))
	if personUnits[w] || troopUnits[w] || thingUnits[w] != "" || timeUnits[w] != "" || nationalities[w] || places[w] || functionCaps[w] || strings.HasSuffix(w, "s") {
		return false
	}
	pw := d.low(f.qa - 1)
	return !strings.HasSuffix(pw, "s") && !strings.HasSuffix(pw, "ed")
}

// modelBefore reports whether token k names a model: a code of capitals
// and digits (A300, F-16, MiG-29) or a number after a capitalised label
// (Boeing 737).
func (d *doc) modelBefore(k int) bool {
	if !d.isWord(k) {
		return false
	}
	w := d.text[d.toks[k].start:d.toks[k].end]
	if isDigit(rune(w[0])) {
		return k > 0 && d.isWord(k-1) && d.toks[k-1].cap && labels[d.low(k-1)]
	}
	upper, digits := false, false
	for i := 0; i < len(w); i++ {
		upper = upper || w[i] >= 'A' && w[i] <= 'Z'
		digits = digits || isDigit(rune(w[i]))
	}
	return upper && digits && w[0] >= 'A' && w[0] <= 'Z'
}

func (f *figure) scaleFree() bool {
	return !f.isRange && f.currency == "" && !f.percent && f.value >= 1000 && f.value <= 2100
}

func isYear(s string) bool {
	if len(s) != 4 && !(len(s) == 5 && s[4] == 's') {
		return false
	}
	for i := 0; i < 4; i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return s[0] == '1' || s[0] == '2'
}

func isQualifierWord(w string) bool {
	switch w {
	case "some", "about", "around", "over", "nearly", "almost", "roughly", "only", "just", "all", "least":
		return true
	}
	return false
}

// yearPreps before "at least 2021" make it a year still.
var yearPreps = set("after", "before", "by", "from", "in", "since", "through", "till", "until")

// labels are words after which a number is part of a name.
var labels = set("act", "age", "aged", "ages", "airbus", "amendment", "annex", "apartment",
	"apollo", "appendix", "area", "article", "articles", "base", "battalion", "bay", "bill",
	"block", "boeing", "brigade", "building", "camp", "category", "channel", "chapter",
	"checkpoint", "class", "clause", "code", "covid", "day", "district", "division", "dock",
	"episode", "exit", "figure", "flight", "floor", "frequency", "gate", "grade", "h1n1",
	"highway", "hill", "house", "id", "il", "item", "junction", "kilometer", "kilometre", "km",
	"law", "level", "line", "lot", "mi", "mig", "mile", "model", "no", "no.", "number", "page",
	"pages", "paragraph", "part", "phase", "pier", "pin", "platform", "plot", "point", "post",
	"precinct", "protocol", "psalm", "rank", "ranked", "regiment", "regulation", "resolution",
	"resolutions", "road", "room", "route", "rule", "runway", "sars", "schedule", "score",
	"scored", "season", "section", "sector", "stage", "station", "step", "su", "suite", "table",
	"terminal", "tier", "title", "tower", "tu", "type", "unit", "verse", "version", "vol",
	"volume", "ward", "week", "zone")

// moreWords reports whether s has more than n words, reading no further
// than it must.
func moreWords(s string, n int) bool {
	c, in := 0, false
	for i := 0; i < len(s); i++ {
		if b := s[i]; b == ' ' || b == '\n' || b == '\t' {
			in = false
		} else if !in {
			in = true
			if c++; c > n {
				return true
			}
		}
	}
	return false
}

package extract

import "strings"

// personUnits are nouns for people; a count of them has unit "people".
var personUnits = set("abductees", "activists", "adults", "afghans", "agents", "aid-workers",
	"americans", "amputees", "assailants", "asylum-seekers", "attackers", "babies", "bodies",
	"boys", "captives", "casualties", "child", "children", "christians", "citizens", "civilian",
	"civilians", "combatants", "commanders", "conscripts", "contractors", "crew", "dead",
	"deaths", "demonstrators", "detainees", "diplomats", "displaced", "dissidents", "doctors",
	"elderly", "employees", "evacuees", "extremists", "farmers", "fatalities", "fathers",
	"females", "fighters", "fishermen", "foreigners", "girls", "guards", "guerrillas", "gunmen",
	"hostages", "idps", "individuals", "infants", "inhabitants", "injured", "inmates",
	"insurgents", "iraqis", "israelis", "jews", "jihadists", "journalists", "juveniles", "kids",
	"kurds", "lawmakers", "lives", "males", "man", "marines", "medics", "member", "members",
	"men", "mercenaries", "migrants", "militants", "minors", "mothers", "muslims", "nationals",
	"nurses", "officers", "officials", "opponents", "orphans", "others", "palestinians",
	"paratroopers", "passengers", "patients", "peacekeepers", "people", "person", "personnel",
	"persons", "pilgrims", "police", "policemen", "pows", "prisoners", "prisoners-of-war",
	"protesters", "pupils", "rebels", "recruits", "refugees", "residents", "rohingya",
	"russians", "sailors", "seekers", "separatists", "servicemembers", "servicemen", "settlers",
	"shoppers", "soldier", "soldiers", "somalis", "spectators", "spies", "staff", "students",
	"sudanese", "survivors", "suspects", "syrians", "teachers", "teenagers", "tourists",
	"troops", "ukrainians", "victims", "villagers", "volunteers", "voters", "woman", "women",
	"workers", "worshippers", "wounded", "yazidis", "yemenis")

// troopUnits are counted as "troops".
var troopUnits = set("conscripts", "marines", "paratroopers", "peacekeepers", "personnel",
	"recruits", "reservists", "servicemen", "soldier", "soldiers", "troops")

// thingUnits give their own unit name (normalised).
var thingUnits = map[string]string{
	"tonnes": "tonnes", "tons": "tonnes", "tonne": "tonnes", "ton": "tonnes", "metric": "",
	"trucks": "trucks", "truck": "trucks", "lorries": "trucks", "convoys": "convoys", "convoy": "convoys",
	"km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
	"miles": "miles", "mile": "miles", "metres": "metres", "meters": "metres", "kg": "kg",
	"kilograms": "kg", "litres": "litres", "liters": "litres", "percent": "percent", "per": "",
	"pct": "percent", "%": "percent",
	// A household or a family is several people: its count is not a
	// headcount, though it may be displaced.
	"families": "families", "family": "families", "household": "households", "households": "households",
}

var notUnits = set("access", "across", "address", "afterwards", "always", "are", "as", "besides",
	"bus", "dangerous", "days", "does", "famous", "gas", "had", "has", "hers", "his", "is",
	"its", "less", "news", "numerous", "ones", "others", "ours", "perhaps", "plus", "previous",
	"process", "says", "series", "serious", "sometimes", "status", "success", "theirs", "this",
	"thus", "times", "towards", "unless", "us", "various", "was", "were", "whereas", "yes",
	"yours")

// unitAfter finds what the figure counts: the noun after it, perhaps past
// a few modifiers (2,500 Afghan civilians) or "of its" (three of its
// commanders). It sets the span end to that noun.
func (d *doc) unitAfter(f *figure) {
	k := f.b
	n := len(d.toks)
	// percent signs and words
	if f.percent {
		return // "per cent of twenty": the sign came first
	}
	if k < n && (d.punct(k, '%') || d.is(k, "percent") || d.is(k, "percents") || d.is(k, "pct") || d.is(k, "percentage")) {
		f.percent = true
		f.b, f.unitEnd = k+1, k+1
		if d.is(k+1, "points") {
			f.b, f.unitEnd = k+2, k+2
		}
		return
	}
	if d.is(k, "per") && d.is(k+1, "cent") {
		f.percent = true
		f.b, f.unitEnd = k+2, k+2
		return
	}
	if f.currency != "" || f.dur || f.measure || f.age {
		return
	}
	if f.frac > 0 {
		f.unit = "fraction"
		return
	}
	// A currency sign after the number: 10 $, 5 €, unless it starts the
	// next amount.
	if k < n && d.toks[k].kind == tPunct && d.toks[k].start-d.toks[k-1].end <= 1 {
		if c, ok := currencySymbols[d.lt[d.toks[k].start:d.toks[k].end]]; ok && !(k+1 < n && d.isWord(k+1) && isDigit(rune(d.text[d.toks[k+1].start])) && d.toks[k+1].start-d.toks[k].end <= 1 && !d.punct(k+2, '$')) {
			f.currency = c
			f.b, f.unitEnd = k+1, k+1
			return
		}
	}
	// currency word after: 5 dollars, 420 million finnish markka.
	for j := k; j < n && j < k+3; j++ {
		if !d.isWord(j) {
			break
		}
		if c, ok := currencyWords[d.low(j)]; ok && (j == k || !d.toks[j].cap || j > k) {
			if j > k && !d.isWord(j-1) {
				break
			}
			f.currency = c
			f.b, f.unitEnd = j+1, j+1
			return
		}
		if j > k && d.toks[j].cap == false && !nationalities[d.low(j)] && d.low(j) != "us" {
			break
		}
	}
	j := k
	if d.is(j, "of") {
		j++
		if d.is(j, "its") || d.is(j, "the") || d.is(j, "their") || d.is(j, "them") || d.is(j, "those") || d.is(j, "his") || d.is(j, "her") || d.is(j, "whom") || d.is(j, "our") {
			j++
		}
		// "two of the 20 convoys": the noun follows the second number.
		if d.isWord(j) && isDigit(rune(d.text[d.toks[j].start])) {
			j++
		}
	}
	for s := 0; j < n && s < 6; s++ {
		if d.toks[j].sent != d.toks[f.a].sent || !d.isWord(j) && !d.punct(j, '.') {
			return
		}
		if s > 0 && d.punct(j, '.') && d.toks[j].start == d.toks[j-1].end && d.isWord(j+1) && d.toks[j-1].cap && strings.IndexByte(d.low(j-1), '.') > 0 {
			j++ // "1,500 U.S. troops": the period of an abbreviation
			continue
		}
		if s > 0 && (d.is(j, "and") || d.is(j, "or")) && d.isWord(j+1) {
			// "18 Northern and central California counties", "four
			// national security and diplomatic officials"
			j++
			continue
		}
		w := stem(d.low(j))
		if strings.HasSuffix(w, "’s") {
			w = w[:len(w)-len("’s")]
		}
		if u, ok := measureWords[w]; ok && s == 0 {
			f.unit, f.measure, f.unitEnd = u, true, j+1 // 50 Hz, 12 GWh, 20 cm
			return
		}
		if u, ok := timeUnits[w]; ok {
			if d.is(j+1, "old") || d.is(j+1, "of") && d.is(j+2, "age") {
				// an age: 52 years old, 12 years of age
				f.age, f.unit, f.unitEnd = true, u, j+2
				if !d.is(j+1, "old") {
					f.unitEnd = j + 3
				}
				return
			}
			f.unit, f.dur = u, true
			f.unitEnd = j + 1
			return
		}
		if troopUnits[w] {
			f.unit, f.unitEnd = "troops", j+1
			return
		}
		if personUnits[w] {
			f.unit, f.unitEnd = "people", j+1
			if (w == "police" || w == "aid" || w == "security") && d.isWord(j+1) && personUnits[stem(d.low(j+1))] {
				f.unitEnd = j + 2 // "23 police officers"
			}
			return
		}
		// A noun used as a modifier before the counted noun: "cholera
		// cases", "truck drivers", "displacement camps".
		if !d.toks[j].cap && d.compoundHead(j) {
			j++
			continue
		}
		if u, ok := thingUnits[w]; ok {
			if u != "" {
				f.unit, f.unitEnd = u, j+1
				return
			}
			j++
			continue
		}
		// Nouns for people the table lacks: schoolgirls, fishermen,
		// journalists, civilians.
		if personLike(w) {
			f.unit, f.unitEnd = "people", j+1
			return
		}
		// A plural noun of our own: 17 countries, two videos. Not after
		// "one": "this one costs lives" has a verb there.
		if !d.toks[j].cap && len(w) > 3 && w[len(w)-1] == 's' && !notUnits[w] && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") && f.value != 1 {
			f.unit, f.unitEnd = w, j+1
			return
		}
		// "450 Dreamers", "300 Democrats": a capitalised group of people.
		if d.toks[j].cap && s == 0 && d.groupPlural(j) {
			f.unit, f.unitEnd = "people", j+1
			return
		}
		// Skip a modifier: Afghan, US, high-ranking, service, more.
		if d.toks[j].cap || strings.IndexByte(w, '-') > 0 || adjectiveLike(w) || s == 0 && (w == "more" || w == "other" || w == "new" || w == "additional") {
			j++
			continue
		}
		return
	}
}

// compoundHead reports whether the word at j is a singular noun modifying
// a plural noun right after it: "cholera cases", "truck drivers".
func (d *doc) compoundHead(j int) bool {
	w := d.low(j)
	if len(w) < 3 || w[len(w)-1] == 's' || !d.isWord(j+1) || d.toks[j+1].cap || d.toks[j+1].sent != d.toks[j].sent {
		return false
	}
	nx := stem(d.low(j + 1))
	if len(nx) < 4 || nx[len(nx)-1] != 's' || notUnits[nx] || strings.HasSuffix(nx, "ss") || strings.HasSuffix(nx, "ous") {
		return false
	}
	if _, ok := units[w]; ok {
		return false
	}
	return !functionWords[w]
}

// functionWords never modify a noun as nouns do.
var functionWords = set("and", "are", "but", "for", "from", "had", "has", "have", "into", "its",
	"not", "now", "off", "our", "out", "per", "the", "their", "then", "this", "was", "were",
	"who", "with")

// personLike guesses a plural noun for people by its ending.
func personLike(w string) bool {
	switch w {
	case "assists", "lists", "twists", "exists", "insists", "persists", "resists", "consists", "mists", "fists", "wrists":
		return false
	}
	for _, suf := range []string{"men", "women", "girls", "boys", "ists", "ians", "children", "folk", "people"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return true
		}
	}
	return false
}

// adjectiveLike guesses modifiers between a number and its noun.
func adjectiveLike(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, suf := range []string{"ed", "al", "an", "ian", "ese", "ish", "ive", "ic", "ful", "less", "ary", "ing"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	switch w {
	case "service", "aid", "food", "military", "civilian", "government", "rebel", "security", "police",
		"young", "old", "senior", "junior", "foreign", "local", "innocent", "unarmed", "armed", "elite",
		"special", "ground", "combat", "emergency", "relief", "medical", "health", "humanitarian",
		"former", "top", "key", "small", "large", "big", "heavy", "light", "more", "other", "new",
		"adult", "male", "female", "elderly", "unaccompanied", "pregnant", "sick", "homeless", "stranded",
		"state", "city", "county", "party", "border", "prison", "village", "district", "election", "campaign":
		return true
	}
	return false
}

// notACount drops years, dates, times, ordinals and numbers in names.
func (d *doc) notACount(f *figure) bool {
	a, b := f.a, f.b
	t := d.toks[a]
	first := d.text[t.start:t.end]
	digit := isDigit(rune(first[0]))
	if f.currency != "" && !digit {
		// the sign came first: check the number token after it
		for k := a; k < b; k++ {
			if isDigit(rune(d.text[d.toks[k].start])) {
				a, t, first, digit = k, d.toks[k], d.text[d.toks[k].start:d.toks[k].end], true
				break
			}
		}
	}
	prev := a - 1
	if f.currency != "" && prev >= 0 && d.toks[prev].kind != tWord {
		prev = f.a - 1
	}
	// An age: "Olena Petrenko, 54, said", "children under five".
	if f.wordOnly || isDigit(rune(first[0])) {
		if d.punct(f.a-1, ',') && d.punct(f.b, ',') && f.a >= 2 && d.runAt[f.a-2] >= 0 && f.currency == "" && !f.percent && f.value < 120 && f.unitEnd == f.b {
			f.age, f.unit = true, "years"
			return false
		}
		if d.is(f.a-1, "under") && (d.is(f.a-2, "children") || d.is(f.a-2, "kids") || d.is(f.a-2, "those")) && f.unitEnd == f.b {
			return true
		}
	}
	// "one in five children": a ratio, not a count.
	if d.is(f.a-1, "in") && f.a >= 2 && (d.lowAt(f.a-2) == "one" || d.lowAt(f.a-2) == "1") {
		return true
	}
	if f.value == 1 && d.is(f.b, "in") && d.isWord(f.b+1) && (units[d.lowAt(f.b+1)] > 1 || isDigit(rune(d.text[d.toks[f.b+1].start]))) {
		return true
	}
	// "displaced three times", "two or three times": how often, not how
	// many. A bare number before "times" never counts people or things.
	if f.unitEnd == f.b && f.currency == "" && !f.percent &&
		(d.is(f.b, "times") || (d.is(f.b, "or") || d.is(f.b, "to")) && d.isWord(f.b+1) && d.is(f.b+2, "times")) {
		return true
	}
	// "nine times higher", "25 times their annual expenses": a ratio.
	if d.is(f.b, "times") {
		switch d.lowAt(f.b + 1) {
		case "higher", "more", "greater", "larger", "as", "the", "lower", "less", "their", "its", "his", "her",
			"our", "that", "this", "what", "bigger", "smaller", "faster", "over":
			return true
		}
	}
	// A citation: "(2)", "(4, 5)".
	if (d.punct(f.qa-1, '(') || d.punct(f.qa-1, ',') && d.punct(f.qa-2+boolInt(f.qa < 2)*2, '(')) && (d.punct(f.b, ')') || d.punct(f.b, ',')) && f.unitEnd == f.b && f.currency == "" && !f.percent {
		return true
	}
	// A model or a name after the number: "the 737 Max jet".
	if digit && f.unit == "" && f.unitEnd == f.b && f.currency == "" && !f.percent && !f.scaled && d.isWord(f.b) && d.toks[f.b].cap && !functionCaps[d.low(f.b)] && !nationalities[stem(d.low(f.b))] && !places[stem(d.low(f.b))] && d.toks[f.b].sent == d.toks[f.a].sent && !d.groupPlural(f.b) {
		return true
	}
	// Inside a quotation of a few words a number is part of a slogan or a
	// nickname: “one country, two systems”, the “three amigos”.
	if qi := d.toks[f.a].quote; qi >= 0 && d.toks[f.a].kind != tQuote {
		q := d.qs[qi]
		if !moreWords(d.text[q.start:q.end], 4) {
			return true
		}
	}
	// Emergency numbers: "911 calls".
	if (f.value == 911 || f.value == 999 || f.value == 112) && digit && f.unitEnd == f.b+1 && (d.is(f.b, "call") || d.is(f.b, "calls")) {
		return true
	}
	// "one" on its own is a pronoun: one of them, at one point, no one.
	if f.wordOnly && f.value == 1 && f.unit == "" && !f.isRange && f.currency == "" && !f.percent {
		return true
	}
	if f.wordOnly && f.value == 1 && (d.is(f.b, "of") || d.is(f.a-1, "no") || d.is(f.b, "another")) && !f.percent {
		return true
	}
	// Glued to a letter by a hyphen or a slash: COVID-19, 24/7, 9/11.
	if t.start > 0 {
		pr := prevRune(d.text, t.start)
		if pr == '/' || pr == '-' && isAlnum(prevRune(d.text, t.start-1)) || pr == '#' || pr == '№' || pr == ':' && isDigit(prevRune(d.text, t.start-1)) {
			return true
		}
	}
	if b < len(d.toks) && d.toks[b].start == d.toks[b-1].end && (d.punct(b, '/') || d.punct(b, ':')) && b+1 < len(d.toks) && isDigit(rune(d.text[d.toks[b+1].start])) {
		return true // 24/7, 10:30
	}
	// Times: 2 pm, 10 a.m., 14:00 GMT.
	if (d.lowAt(b) == "a" || d.lowAt(b) == "p") && d.punct(b+1, '.') && d.lowAt(b+2) == "m" {
		return true // 1 p.m.
	}
	if nx := d.lowAt(b); nx == "am" || nx == "pm" || nx == "a.m" || nx == "p.m" || nx == "gmt" || nx == "utc" || nx == "o'clock" || nx == "o’clock" {
		return true
	}
	// Dates: February 1, 1 February, Oct. 25, in 2011.
	if digit && f.currency == "" && !f.percent {
		pw := d.lowAt(prev)
		if pw == "." {
			pw = d.lowAt(prev - 1)
		}
		if _, ok := months[pw]; ok && f.value <= 31 || ok && f.value >= 1000 && f.value <= 2100 {
			if !(pw == "may" && !d.toks[prev].cap) && !(pw == "march" && !d.toks[prev].cap) {
				return true
			}
		}
		if _, ok := months[d.lowAt(f.b)]; ok && f.value <= 31 && d.toks[f.b].cap {
			return true
		}
		if isYear(first) && f.scaleFree() && (f.qkind == 0 || d.in(f.qa-1, yearPreps)) && !(f.unitEnd > f.b && (f.unit == "people" || f.unit == "troops" || thingUnits[f.unit] != "")) {
			return true
		}
		// Labels: Resolution 2254, Section 427, area 55, Flight 17.
		aw := pw
		if aw == "between" || aw == "from" {
			aw = d.lowAt(prev - 1) // aged between 18 and 40
		}
		if (aw == "aged" || aw == "age" || aw == "ages") && f.unit == "" && f.value < 130 {
			f.age, f.unit = true, "years" // aged 52
			return false
		}
		if labels[pw] && (f.unitEnd == f.b || pw == "resolution" || pw == "age" || pw == "aged" || pw == "ages") {
			return true
		}
		if prev >= 0 && d.punct(prev, '.') && (d.lowAt(prev-1) == "no" || d.lowAt(prev-1) == "nos" || d.lowAt(prev-1) == "nr") {
			return true
		}
		// A capitalised word right before: Boeing 737, Apollo 11.
		if prev >= 0 && d.isWord(prev) && d.toks[prev].cap && !functionCaps[pw] && d.toks[prev].sent == d.toks[a].sent &&
			prev > 0 && d.toks[prev-1].sent == d.toks[prev].sent && f.unitEnd == f.b && f.currency == "" && !isQualifierWord(pw) {
			return true
		}
	}
	return false
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

func (d *doc) lowAt(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.low(i)
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

// groupPlural reports whether the capitalised word at k is the plural of
// a group of people ("450 Dreamers", "300 Democrats", "40 Republicans")
// rather than a model or a name: a plural ending of people that no other
// capitalised word follows.
func (d *doc) groupPlural(k int) bool {
	w := d.low(k)
	if len(w) < 6 || d.isWord(k+1) && d.toks[k+1].cap {
		return false
	}
	for _, suf := range []string{"ers", "ans", "ists", "ats", "ites", "ians"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

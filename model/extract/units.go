package extract

import "strings"

// personUnits are nouns for people; a count of them has unit "people".
var personUnits = set("abductees", "activists", "adults", "afghans", "agents", "aid-workers",
	"americans", "amputees", "assailants", "asylum-seekers", "attackers", "babies", "bodies", "boys",
	"bystanders", "cadets", "captives", "casualties", "child", "children", "christians",
	"churchgoers", "citizens", "civilian", "civilians", "climbers", "co-workers", "colleagues",
	"combatants", "commanders", "commuters", "congregants", "conscripts", "contractors", "convicts",
	"coworkers", "crew", "crewmembers", "crewmen", "customers", "dead", "deaths", "defendants",
	"demonstrators", "detainees", "diplomats", "displaced", "dissidents", "doctors", "driver",
	"drivers", "elderly", "employees", "evacuees", "extremists", "farmers", "fatalities", "fathers",
	"females", "fighters", "firefighters", "fishermen", "foreigners", "gendarmes", "girls", "guards",
	"guerrillas", "guests", "gunmen", "herders", "hikers", "hostages", "idps", "individuals",
	"infants", "inhabitants", "injured", "inmates", "insurgents", "iraqis", "israelis", "jews",
	"jihadists", "journalists", "juveniles", "kidnappers", "kids", "kurds", "laborers", "labourers",
	"lawmakers", "lives", "looters", "males", "man", "marines", "medics", "member", "members", "men",
	"mercenaries", "migrants", "militants", "miners", "minors", "mothers", "motorists", "muslims",
	"nationals", "nurses", "occupants", "officers", "officials", "opponents", "orphans", "others",
	"palestinians", "paramedics", "paratroopers", "passengers", "patients", "peacekeepers", "people",
	"person", "personnel", "persons", "pilgrims", "pilots", "poachers", "police", "policemen", "pows",
	"prisoners", "prisoners-of-war", "protesters", "pupils", "rebels", "recruits", "refugees",
	"rescuers", "residents", "riders", "rioters", "robbers", "rohingya", "russians", "sailors",
	"seafarers", "seekers", "separatists", "servicemembers", "servicemen", "settlers", "shepherds",
	"shoppers", "smugglers", "soldier", "soldiers", "somalis", "spectators", "spies", "staff",
	"students", "sudanese", "survivors", "suspects", "syrians", "teachers", "teenagers", "teens",
	"tourists", "traders", "troopers", "troops", "truckers", "ukrainians", "vendors", "victims",
	"villagers", "visitors", "volunteers", "voters", "woman", "women", "workers", "worshippers",
	"wounded", "yazidis", "yemenis", "youths")

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
	if f.percent {
		return // "per cent of twenty": the sign came first
	}
	if d.percentAfter(f) {
		return
	}
	if f.currency != "" || f.dur || f.measure || f.age {
		return
	}
	if f.frac > 0 {
		f.unit = "fraction"
		return
	}
	if d.currencyAfter(f) {
		return
	}
	d.countedNoun(f)
}

// percentAfter reads a percent sign or word after the number: 12%, 12
// percent, 12 pct, 12 percentage points, 12 per cent.
func (d *doc) percentAfter(f *figure) bool {
	k := f.b
	if k < len(d.toks) && (d.punct(k, '%') || d.is(k, "percent") || d.is(k, "percents") || d.is(k, "pct") || d.is(k, "percentage")) {
		f.percent = true
		f.b, f.unitEnd = k+1, k+1
		if d.is(k+1, "points") {
			f.b, f.unitEnd = k+2, k+2
		}
		return true
	}
	if d.is(k, "per") && d.is(k+1, "cent") {
		f.percent = true
		f.b, f.unitEnd = k+2, k+2
		return true
	}
	return false
}

// currencyAfter reads a currency after the number: a sign (10 $, 5 €,
// unless it starts the next amount) or a word (5 dollars, 420 million
// finnish markka).
func (d *doc) currencyAfter(f *figure) bool {
	k := f.b
	n := len(d.toks)
	if k < n && d.toks[k].kind == tPunct && d.toks[k].start-d.toks[k-1].end <= 1 {
		if c, ok := currencySymbols[d.lt[d.toks[k].start:d.toks[k].end]]; ok && !(k+1 < n && d.isWord(k+1) && isDigit(rune(d.text[d.toks[k+1].start])) && d.toks[k+1].start-d.toks[k].end <= 1 && !d.punct(k+2, '$')) {
			f.currency = c
			f.b, f.unitEnd = k+1, k+1
			return true
		}
	}
	for j := k; j < n && j < k+3; j++ {
		if !d.isWord(j) {
			break
		}
		if c, ok := currencyWords[d.low(j)]; ok && (j == k || !d.toks[j].cap || j > k) {
			if j > k && !d.isWord(j-1) {
				break
			}
			if c == "pounds" && d.weightOf(f, j) {
				f.unit, f.measure, f.b, f.unitEnd = "lb", true, j+1, j+1
				return true
			}
			f.currency = c
			f.b, f.unitEnd = j+1, j+1
			d.centsAfter(f)
			return true
		}
		if j > k && d.toks[j].cap == false && !nationalities[d.low(j)] && d.low(j) != "us" {
			break
		}
	}
	return false
}

// centsAfter adds the cents of "thirteen dollars forty-five cents" to
// the figure: one amount, not two.
func (d *doc) centsAfter(f *figure) {
	if f.currency == "cents" || f.currency == "pence" || f.b >= len(d.toks) || !d.isWord(f.b) {
		return
	}
	g, ok := d.countAt(f.b)
	if !ok || g.vague || g.value <= 0 || g.value >= 100 || g.isRange {
		return
	}
	if c := currencyWords[d.lowAt(g.b)]; c == "cents" || c == "pence" {
		f.value += g.value / 100
		f.b, f.unitEnd = g.b+1, g.b+1
	}
}

// weightOf reports whether "pounds" at token j weighs rather than pays:
// a verb of weight before the figure ("weighed 82 pounds") or kilograms
// given after it ("82 pounds (37 kg)").
func (d *doc) weightOf(f *figure, j int) bool {
	for k := f.qa - 1; k >= 0 && k >= f.qa-4; k-- {
		if w := d.low(k); strings.HasPrefix(w, "weigh") {
			return true
		}
	}
	if d.punct(j+1, '(') && d.isWord(j+2) && isDigit(rune(d.text[d.toks[j+2].start])) {
		switch d.lowAt(j + 3) {
		case "kg", "kilograms", "kilos", "kilogrammes":
			return true
		}
	}
	return false
}

// countedNoun finds the noun a count counts, up to six words on: past
// "of its" (three of its commanders), "of the 20" (two of the 20
// convoys), modifiers (2,500 Afghan civilians, 1,500 U.S. troops, four
// national security and diplomatic officials) and nouns used as
// modifiers (cholera cases).
func (d *doc) countedNoun(f *figure) {
	n := len(d.toks)
	j := f.b
	if d.is(j, "aboard") || d.is(j, "on-board") || d.is(j, "onboard") || d.is(j, "on") && d.is(j+1, "board") {
		f.unit = "people" // "the sixteen on board": people, though unnamed
		return
	}
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
		// Not past a paragraph break, which a dateline's sentence may
		// run over ("Wednesday, July 10, 2019 ¶ Leaders of …").
		if d.toks[j].sent != d.toks[f.a].sent || d.toks[j].para != d.toks[f.a].para || !d.isWord(j) && !d.punct(j, '.') {
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
		if d.knownUnit(f, j, w, s) {
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
		if d.guessedUnit(f, j, w, s) {
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

// knownUnit reads a unit the tables know at token j, word w, the s-th
// word after the number: a measure right after it (50 Hz, 12 GWh, 20 cm),
// a time (five years; an age: 52 years old, 12 years of age), troops or
// people (23 police officers).
func (d *doc) knownUnit(f *figure, j int, w string, s int) bool {
	if u, ok := measureWords[w]; ok && s == 0 {
		f.unit, f.measure, f.unitEnd = u, true, j+1
		return true
	}
	if (w == "km" || w == "mi") && d.punct(j+1, '/') && d.is(j+2, "h") && s == 0 {
		f.unit, f.measure, f.unitEnd = w+"/h", true, j+3 // 295 km/h
		return true
	}
	if (w == "sq" || w == "square" || w == "cubic") && s == 0 && d.isWord(j+1) {
		// "100 sq km", "3 square miles": an area; "2 cubic metres": a volume.
		nx := d.low(j + 1)
		u := measureWords[nx]
		if t := thingUnits[nx]; u == "" && (t == "km" || t == "miles" || t == "metres") {
			u = t
		}
		if u == "" && measureUnits[nx] {
			u = nx
		}
		if u != "" && u != "percent" {
			if w == "sq" {
				w = "square"
			}
			f.unit, f.measure, f.unitEnd = w+" "+u, true, j+2
			return true
		}
	}
	if u, ok := timeUnits[w]; ok {
		if d.is(j+1, "old") || d.is(j+1, "of") && d.is(j+2, "age") {
			f.age, f.unit, f.unitEnd = true, u, j+2
			if !d.is(j+1, "old") {
				f.unitEnd = j + 3
			}
			return true
		}
		f.unit, f.dur = u, true
		f.unitEnd = j + 1
		return true
	}
	if troopUnits[w] {
		f.unit, f.unitEnd = "troops", j+1
		return true
	}
	if strings.HasSuffix(w, "-year-olds") || strings.HasSuffix(w, "-month-olds") {
		f.unit, f.unitEnd = "people", j+1 // "two 19-year-olds"
		return true
	}
	if f.value == 1 && !f.isRange {
		// "one passenger", "1 officer": the singular of a plural the
		// tables know.
		if u := singularPerson(w); u != "" {
			f.unit, f.unitEnd = u, j+1
			return true
		}
	}
	if personUnits[w] {
		f.unit, f.unitEnd = "people", j+1
		if (w == "police" || w == "aid" || w == "security" || w == "crew") && d.isWord(j+1) && personUnits[stem(d.low(j+1))] {
			f.unitEnd = j + 2 // "23 police officers"
		}
		return true
	}
	return false
}

// singularPerson is the unit of a singular noun whose plural is a noun
// for people or troops ("passenger", "policeman"), or "".
func singularPerson(w string) string {
	if len(w) < 3 || w[len(w)-1] == 's' {
		return ""
	}
	if troopUnits[w+"s"] {
		return "troops"
	}
	if personUnits[w+"s"] || strings.HasSuffix(w, "man") && personUnits[w[:len(w)-3]+"men"] {
		return "people"
	}
	return ""
}

// guessedUnit reads a unit the tables lack at token j, word w, the s-th
// word after the number: nouns for people (schoolgirls, journalists), a
// plural noun of our own (17 countries, two videos; not after "one":
// "this one costs lives" has a verb there) and a capitalised group of
// people ("450 Dreamers", "300 Democrats").
func (d *doc) guessedUnit(f *figure, j int, w string, s int) bool {
	if personLike(w) {
		f.unit, f.unitEnd = "people", j+1
		return true
	}
	if !d.toks[j].cap && len(w) > 3 && w[len(w)-1] == 's' && !notUnits[w] && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") && f.value != 1 {
		f.unit, f.unitEnd = w, j+1
		return true
	}
	if d.toks[j].cap && s == 0 && d.groupPlural(j) {
		f.unit, f.unitEnd = "people", j+1
		return true
	}
	return false
}

// compoundHead reports whether the word at j is a singular noun modifying
// a plural noun right after it: "cholera cases", "truck drivers".
func (d *doc) compoundHead(j int) bool {
	w := d.low(j)
	if len(w) < 3 || w[len(w)-1] == 's' || !d.isWord(j+1) || d.toks[j+1].cap || d.toks[j+1].sent != d.toks[j].sent {
		return false
	}
	nx := stem(d.low(j + 1))
	// A noun for a person after the name of a thing heads the phrase even
	// in the singular: "one truck driver" is a person, not a truck.
	if !(personUnits[nx] && (thingUnits[w] != "" || thingNouns[w+"s"])) && (len(nx) < 4 || nx[len(nx)-1] != 's' || notUnits[nx] || strings.HasSuffix(nx, "ss") || strings.HasSuffix(nx, "ous")) {
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

func (d *doc) lowAt(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.low(i)
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

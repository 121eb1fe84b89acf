package extract

import "strings"

// A category keyword is one to four words; the nearest keyword to the
// figure in its sentence decides the category.
type catWord struct {
	words []string
	cat   Category
}

func cw(cat Category, phrases ...string) []catWord {
	out := make([]catWord, 0, len(phrases))
	for _, p := range phrases {
		var ws []string
		start := 0
		for i := 0; i <= len(p); i++ {
			if i == len(p) || p[i] == ' ' {
				ws = append(ws, p[start:i])
				start = i + 1
			}
		}
		out = append(out, catWord{ws, cat})
	}
	return out
}

func concat(lists ...[]catWord) []catWord {
	var out []catWord
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// catWords are the event words. Unit nouns (troops, tonnes, years) only
// decide when no event word is near: "killed 5 soldiers" is a death toll.
var catWords = concat(
	cw(Killed, "assassinated", "beheaded", "bodies", "casualties", "claimed", "claiming",
		"dead", "death", "death toll", "deaths", "die", "died", "dies", "drowned", "drowning",
		"dying", "executed", "fatalities", "fatality", "fatally", "gunned down", "homicides",
		"kill", "killed", "killing", "killings", "kills", "lost his life", "lost their lives",
		"massacred", "murder", "murdered", "murders", "perished", "shot dead", "slain",
		"slaughtered", "toll"),
	cw(Injured, "admitted to hospital", "critical condition", "hospitalised", "hospitalized",
		"hurt", "in hospital", "injured", "injuries", "injuring", "maimed", "taken to hospital",
		"treated for", "wounded", "wounding", "wounds"),
	cw(Displaced, "camp", "camp population", "camps", "displace", "displaced", "displacement",
		"displaces", "displacing", "driven from", "evacuate", "evacuated", "evacuation",
		"evacuees", "exodus", "fled", "flee", "fleeing", "flees", "forced from their homes",
		"forced out", "forced to leave", "from her home", "from his home", "from their homes",
		"homeless", "idps", "leave the", "leave their", "left the", "left their",
		"lost their homes", "relocated", "sheltered", "sheltering", "shelters", "sought shelter",
		"taking shelter", "to leave", "took shelter", "uprooted", "uprooting"),
	cw(Refugees, "abroad", "across the border", "asylum", "asylum seekers", "at the border",
		"crossed into", "crossed the border", "crossing into", "crossing the border",
		"fled the country", "flee the country", "fleeing the country", "leave the country",
		"leaving the country", "left the country", "neighboring countries",
		"neighbouring countries", "refugee", "refugees", "sought refuge"),
	// Convicted people are counted as detained: the sentence that follows
	// a verdict is prison ("two officers were found guilty").
	cw(Detained, "abducted", "abductees", "abducting", "abduction", "apprehended", "arrest",
		"arrested", "arresting", "arrests", "behind bars", "captives", "captured", "convicted",
		"custody", "detained", "detainees", "detaining", "detention", "found guilty", "held by",
		"held captive", "hostage", "hostages", "imprisoned", "in custody", "incarcerated",
		"jailed", "kidnapped", "kidnapping", "prisoner", "prisoners", "rounded up", "seized",
		"sentenced", "taken captive"),
	cw(Missing, "disappeared", "missing", "unaccounted", "vanished"),
	cw(AtRisk, "at risk", "besieged", "brink", "cut off", "famine", "food insecure",
		"food insecurity", "hunger", "in need", "in urgent need", "malnourished",
		"malnutrition", "need aid", "need assistance", "need food", "need help",
		"need humanitarian", "need of", "need urgent", "needing", "needs humanitarian",
		"require assistance", "risk", "shortage", "shortages", "siege", "starvation",
		"starving", "trapped", "urgent need", "vulnerable", "without food"),
	cw(Aid, "aid", "appeal", "assistance", "blankets", "delivered", "donated", "doses",
		"food parcels", "funding", "humanitarian", "kits", "meals", "pledged", "rations",
		"relief", "supplies", "tents", "vaccines"),
	cw(Military, "air strikes", "aircraft", "airstrikes", "army", "artillery", "battalions",
		"bombs", "brigades", "conscripts", "deploy", "deployed", "drones", "fighters",
		"forces", "helicopters", "insurgents", "jets", "marines", "militants", "missiles",
		"munitions", "personnel", "reservists", "rockets", "servicemen", "shells",
		"soldiers", "sorties", "strikes", "tanks", "troops", "warplanes", "warships",
		"weapons"),
)

// catIndex finds the phrases starting with a word without scanning them all.
var catIndex = func() map[string][]catWord {
	m := make(map[string][]catWord)
	for _, c := range catWords {
		m[c.words[0]] = append(m[c.words[0]], c)
	}
	return m
}()

// weakCats lose to any other category word at the same or a slightly
// larger distance: they are often about the setting, not the figure.
func weakCat(c Category) bool { return c == Aid || c == Military || c == AtRisk }

// categorise picks the category of figure f.
func (d *doc) categorise(f *figure) Category {
	if c, ok := d.categoryOfKind(f); ok {
		return c
	}
	// A count of things (homes, drones, villages) is never a count of
	// victims: only aid, military and other apply to it.
	things := thingNouns[f.unit] || thingUnitNames[f.unit]
	if f.percent {
		return d.percentCategory(f)
	}
	if d.partitiveWhole(f) {
		// "Three of the 20 passengers were killed": only the whole's
		// own words ("one of the 20 killed") say what happened to it.
		return d.categoryFallback(f, d.eventWordInPhrase(f, things), things)
	}
	if c, ok := d.clausePredicate(f, things); ok {
		return d.categoryFallback(f, c, things)
	}
	best, bestDist := d.eventWordBefore(f, things)
	best, _ = d.eventWordAfter(f, things, best, bestDist)
	return d.categoryFallback(f, best, things)
}

// participlesIrregular are past participles without -ed or -en.
var participlesIrregular = set("brought", "found", "held", "hurt", "kept", "left", "put", "sent",
	"shot", "struck", "stuck")

// clausePredicate reads the verb of the clause whose subject figure f is
// ("12 were later released", "40 are still missing", "20 were found
// dead"): a passive or perfect participle says what happened to the
// figure, and an event word there or in the three words after it is its
// category; a participle with none ("released", "rescued") says the
// figure is no victim, whatever event words the sentence has elsewhere.
// It reports false when the figure has no such verb ("12 were children").
func (d *doc) clausePredicate(f *figure, things bool) (Category, bool) {
	if !d.ownClause(f) {
		return "", false
	}
	k := f.unitEnd + 1
	for d.isWord(k) && (d.is(k, "been") || d.is(k, "being") || d.is(k, "later") || d.is(k, "also") || d.is(k, "still") ||
		d.is(k, "since") || d.is(k, "then") || d.is(k, "reportedly") || d.is(k, "now")) {
		k++
	}
	if !d.isWord(k) || d.toks[k].cap || d.toks[k].sent != d.toks[f.a].sent {
		return "", false
	}
	if c, n := d.catAt(k); n > 0 {
		if things && !thingCat(c) {
			return "", false
		}
		if d.combinedAt(c, k, n) {
			return Other, true
		}
		if c == Displaced && d.fleeingAbroad(k+n) {
			c = Refugees // "have fled across the border"
		}
		return c, true
	}
	if d.eventInPhrase(f) {
		return "", false // "20 bodies had been recovered": the noun says it
	}
	w := d.low(k)
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || participlesIrregular[w]) || len(w) < 4 || personUnits[w] || thingNouns[w] {
		return "", false
	}
	for j := k + 1; j <= k+3 && d.isWord(j) && !d.is(j, "and") && !d.is(j, "but") && d.toks[j].sent == d.toks[k].sent; j++ {
		if c, n := d.catAt(j); n > 0 && !(things && !thingCat(c)) {
			return c, true
		}
	}
	return Other, true
}

// categoryOfKind decides by what the figure is before any event word:
// money (aid when an aid word is near), an age, a fraction, a measure or
// a negative number (other), a duration, no headcount (other), an armed
// force, lives counted. It reports whether it decided.
func (d *doc) categoryOfKind(f *figure) (Category, bool) {
	if f.currency != "" {
		if d.nearWord(f, 3, "aid", "assistance", "relief", "humanitarian") {
			return Aid, true
		}
		return Money, true
	}
	// An age, a fraction, a measure (12km, 50 Hz) or a negative number
	// counts no people and no event.
	if f.age || f.frac > 0 || f.measure || f.value < 0 {
		return Other, true
	}
	if f.dur || timeUnits[f.unit] != "" {
		return Duration, true
	}
	if d.notAHeadcount(f) {
		return Other, true
	}
	if f.force {
		return Military, true
	}
	// "250,000 lives": lives counted are lives lost. Elsewhere "lives" is
	// too common a word ("their lives") to mean a death toll.
	if f.unitEnd > f.b && d.low(f.unitEnd-1) == "lives" {
		return Killed, true
	}
	return "", false
}

// percentCategory categorises a percentage, which takes an event word
// only right after it: "40 percent of the displaced".
func (d *doc) percentCategory(f *figure) Category {
	sent := d.toks[f.a].sent
	hi := f.unitEnd
	switch d.lowAt(hi) {
	case "of", "were", "are", "was", "is", "have", "had", "has":
		for k := hi; k < len(d.toks) && k < hi+6 && d.toks[k].sent == sent; k++ {
			if c, _ := d.catAt(k); c != "" && c != Aid && c != Military {
				return c
			}
		}
	}
	return Other
}

// eventWordBefore finds the nearest event word in the nine tokens before
// the figure; weak categories count as farther. It returns the category
// and its distance.
func (d *doc) eventWordBefore(f *figure, things bool) (Category, int) {
	best, bestDist := Other, 1<<30
	sent := d.toks[f.a].sent
	lo := f.qa
	own := d.ownClause(f)
	if d.objectOfVerb(f) {
		// "killed 813 and infected 35,000": the verb right before says
		// what happened to it, and it is no event word.
		return best, bestDist
	}
	for k := lo - 1; k >= 0 && k >= lo-9; k-- {
		if d.toks[k].sent != sent {
			break
		}
		if w := d.low(k); len(w) <= 7 && (w == "of" && d.ofComplement(k) || own && (w == "and" || w == "but" || w == "while" || w == "whereas" || w == ";")) {
			// "jailed for the rape of two girls": not the girls; "Five
			// people died and 30 were rescued": another clause's event.
			break
		}
		if c, n := d.catAt(k); n > 0 && !(things && !thingCat(c)) && !d.barracks(f, k) {
			dist := lo - k
			if weakCat(c) {
				dist += 3
			}
			if dist < bestDist {
				best, bestDist = c, dist
			}
		}
	}
	return best, bestDist
}

// combinedAt reports whether the event word c at token k, n words long,
// is joined by "or" or "and" to one of another people category ("killed
// or injured", "have died or gone missing"): a count of both is neither,
// and a badge must not call it a death toll.
func (d *doc) combinedAt(c Category, k, n int) bool {
	if !peopleCat(c) {
		return false
	}
	j := k + n
	if !d.is(j, "or") && !d.is(j, "and") {
		return false
	}
	j++
	for d.is(j, "gone") || d.is(j, "been") || d.is(j, "went") || d.is(j, "were") || d.is(j, "was") || d.is(j, "are") || d.is(j, "otherwise") || d.is(j, "seriously") {
		j++
	}
	c2, _ := d.catAt(j)
	return c2 != c && peopleCat(c2)
}

// peopleCat is a category that counts people an event befell.
func peopleCat(c Category) bool {
	switch c {
	case Killed, Injured, Displaced, Refugees, Detained, Missing, AtRisk:
		return true
	}
	return false
}

// hedgeAt reports a hedge that goes on with the same figure after ", and":
// "At least 12 people, and perhaps more, were killed".
func (d *doc) hedgeAt(k int) bool {
	switch d.lowAt(k) {
	case "possibly", "perhaps", "maybe", "probably", "likely", "as", "up", "more", "even", "many", "almost", "nearly":
		return true
	}
	return d.isNumberTok(k)
}

// ownClause reports whether figure f is the subject of a verb right after
// it ("30 were rescued", "12 have been freed"): its clause says what
// happened to it.
func (d *doc) ownClause(f *figure) bool {
	switch d.lowAt(f.unitEnd) {
	case "was", "were", "is", "are", "have", "has", "had":
		return true
	}
	return false
}

// objectOfVerb reports whether figure f is the object of a verb in -ed
// right before it that is no event word ("infected 3,000 people",
// "rescued 14"): that verb says what happened to it.
func (d *doc) objectOfVerb(f *figure) bool {
	p := f.qa - 1
	if !d.isWord(p) || d.toks[p].cap {
		return false
	}
	w := d.low(p)
	if len(w) < 5 || !strings.HasSuffix(w, "ed") || intransitiveEvents[w] {
		return false
	}
	c, _ := d.catAt(p)
	return c == ""
}

// eventWordAfter looks for a nearer event word in the figure's own noun
// and the nine tokens after it, given the best before it. The figure's
// own noun is decisive for an event word ("killed"), a fallback for a
// unit such as "insurgents".
func (d *doc) eventWordAfter(f *figure, things bool, best Category, bestDist int) (Category, int) {
	sent := d.toks[f.a].sent
	hi := f.unitEnd
	// "the number infected is 1501 and the number of deaths is 66": a
	// figure stated by "is" ends its clause, like an object does.
	obj := d.objectOfVerb(f) || d.in(f.qa-1, copulas)
	for k := f.a; k < len(d.toks) && k < hi+9; k++ {
		if d.toks[k].sent != sent {
			break
		}
		if obj && k >= hi && (d.is(k, "and") || d.is(k, "but") || d.punct(k, ',') || d.punct(k, ';')) {
			break // "infected 3,000 people and killed 120": the next verb is not its
		}
		if k >= hi && (d.punct(k, ';') || d.punct(k, ',') && (d.is(k+1, "and") || d.is(k+1, "but")) && !d.hedgeAt(k+2)) {
			break // "drew 5,000 people, and police arrested 30": another clause
		}
		if k >= hi && d.nounOfAnotherNumber(k, f.b) {
			continue // "523 new infections and 12 new deaths": the deaths are the 12
		}
		if c, n := d.catAt(k); n > 0 && !(things && !thingCat(c)) && !d.barracks(f, k) {
			if d.combinedAt(c, k, n) {
				c = Other // "63 people killed or injured": neither for certain
			}
			dist := k - hi + 1
			if k < hi {
				dist = 0
				if weakCat(c) {
					dist = 8
				}
			} else if weakCat(c) {
				dist += 3
			}
			if c == Displaced && d.fleeingAbroad(k+n) {
				c = Refugees // "fleeing to Lebanon, Jordan": a border was crossed
			}
			// On a tie the word after the figure wins: "Seven people were
			// arrested and 23 police officers injured".
			if dist < bestDist || dist == bestDist && k >= hi {
				best, bestDist = c, dist
			}
		}
	}
	return best, bestDist
}

// nounOfAnotherNumber reports whether the word at k is the counted noun
// of a number right before it, perhaps past one modifier ("12 deaths",
// "12 new deaths", "the 20 killed"): an event word there is that
// number's, not a neighbour's. The number must be at token from or later.
func (d *doc) nounOfAnotherNumber(k, from int) bool {
	if k < 1 || !d.isWord(k) {
		return false
	}
	if k-1 >= from && d.isNumberTok(k-1) {
		return true
	}
	switch d.lowAt(k - 1) {
	case "new", "more", "further", "additional", "other", "confirmed", "reported":
		return k-2 >= from && d.isNumberTok(k-2)
	}
	return false
}

// copulas state a figure: "the toll is 40".
var copulas = set("are", "is", "was", "were")

// eventWordInPhrase is the event word among the figure's own words, right
// after them or in a place phrase after them ("the 20 killed", "12 wounded
// soldiers", "the 1,200 families in the camp"), or Other.
func (d *doc) eventWordInPhrase(f *figure, things bool) Category {
	// The word right after counts where no noun came ("the 20 killed")
	// or as a passive participle after the noun ("14 journalists killed
	// this year"); "the 900 villagers fled" has its verb there.
	end := f.unitEnd
	if w := d.lowAt(end); f.unitEnd > f.b && !(strings.HasSuffix(w, "ed") && !intransitiveEvents[w] && !d.isNumberTok(end+1) && !d.in(end+1, determiners)) {
		end--
	}
	switch d.lowAt(f.unitEnd) {
	case "in", "at", "inside", "from":
		end = f.unitEnd + 3
	}
	// A weak word ("aid workers") gives way to an event ("killed").
	weak := Other
	for k := f.a; k <= end && k < len(d.toks) && d.toks[k].sent == d.toks[f.a].sent; k++ {
		if c, n := d.catAt(k); n > 0 && !(things && !thingCat(c)) {
			if !weakCat(c) {
				return c
			}
			if weak == Other {
				weak = c
			}
		}
	}
	return weak
}

// intransitiveEvents are event verbs in -ed that are never passive: after
// a noun they are its verb ("40 passengers died").
var intransitiveEvents = set("died", "disappeared", "drowned", "escaped", "fled", "perished", "vanished")

// categoryFallback decides when no event word did, or only a weak one:
// the verb right before a count of people ("had lost 38 soldiers",
// "holding 23 aid workers"), a death toll far from its figure ("The death
// toll … rose to 52"), and the unit (tonnes, trucks and convoys are aid,
// troops are military).
func (d *doc) categoryFallback(f *figure, best Category, things bool) Category {
	if (best == Other || weakCat(best)) && (f.unit == "people" || f.unit == "troops") {
		switch d.lowAt(f.qa - 1) {
		case "lost", "lose", "losing", "loses":
			return Killed
		case "holding", "held", "hold", "holds":
			return Detained
		}
	}
	sent := d.toks[f.a].sent
	if best == Other && (d.is(f.qa-1, "to") || d.is(f.qa-1, "at") || d.is(f.qa-1, "reached")) && !things {
		for k := f.qa - 2; k >= 0 && k > f.qa-25 && d.toks[k].sent == sent; k-- {
			if d.is(k, "toll") {
				return Killed
			}
		}
	}
	if best == Military && f.unit != "" && f.unit != "people" && f.unit != "troops" && !militaryThings[f.unit] {
		// "another aircraft confused the two airports": a military word
		// near a count of civil things does not make them military.
		best = Other
	}
	if best == Other || weakCat(best) {
		switch f.unit {
		case "troops":
			if best == Other {
				return Military
			}
		case "tonnes", "trucks", "convoys":
			return Aid
		}
	}
	return best
}

// thingNouns are counted nouns that are never people: a count of them
// takes no victim category ("40 homes damaged" is not a count of injured).
var thingNouns = set("acres", "aircraft", "airstrikes", "apartments", "attacks", "boats", "bombs",
	"bridges", "buildings", "camps", "cars", "cases", "charges", "checkpoints", "churches", "cities",
	"clinics", "convoys", "countries", "counts", "days", "decades", "districts", "doses", "drones",
	"facilities", "factories", "farms", "fields", "flats", "guns", "hectares", "helicopters", "homes",
	"hospitals", "hours", "houses", "incidents", "jets", "kg", "kits", "km", "litres", "meals",
	"metres", "miles", "mines", "minutes", "missiles", "months", "mosques", "neighborhoods",
	"neighbourhoods", "offices", "parcels", "planes", "points", "provinces", "regions", "rifles",
	"roads", "rockets", "schools", "seats", "shells", "ships", "shops", "sites", "strikes", "tanks",
	"tents", "tonnes", "towns", "trucks", "vehicles", "videos", "villages", "votes", "weapons",
	"weeks", "wells", "years")

// militaryThings are the counted things a military word may categorise.
var militaryThings = set("aircraft", "airstrikes", "bombs", "drones", "guns", "helicopters", "jets",
	"missiles", "planes", "rifles", "rockets", "shells", "ships", "strikes", "tanks", "vehicles",
	"weapons")

// thingUnitNames are the units figures.go gives that are not people.
var thingUnitNames = set("dollars", "euros", "percent", "pounds", "rupees", "yen", "yuan")

// thingCat is a category that may count things rather than people.
func thingCat(c Category) bool { return c == Aid || c == Military || c == Other }

// catAt matches a category phrase at token k and returns its length.
func (d *doc) catAt(k int) (Category, int) {
	if !d.isWord(k) {
		return "", 0
	}
	if d.low(k) == "missing" && (d.is(k+1, "the") || d.is(k+1, "a") || d.is(k+1, "an") || d.is(k+1, "out")) {
		return "", 0 // "missing the target": a verb, not the missing
	}
	// The longest phrase wins: "lost their homes" over "lost".
	var cat Category
	n := 0
	for _, c := range catIndex[d.low(k)] {
		ok := len(c.words) > n
		for i := 1; ok && i < len(c.words); i++ {
			if d.lowAt(k+i) != c.words[i] {
				ok = false
			}
		}
		if ok {
			cat, n = c.cat, len(c.words)
		}
	}
	return cat, n
}

// barracks: a camp counts the displaced, but not troops at a camp.
func (d *doc) barracks(f *figure, k int) bool {
	return f.unit == "troops" && (d.is(k, "camp") || d.is(k, "camps"))
}

// fleeingAbroad: "fleeing to Lebanon", "fled across the border".
func (d *doc) fleeingAbroad(k int) bool {
	if d.is(k, "abroad") || d.is(k, "across") && d.is(k+2, "border") {
		return true
	}
	if d.is(k, "to") || d.is(k, "into") {
		w := d.lowAt(k + 1)
		return d.isWord(k+1) && d.toks[k+1].cap && countries[w] || w == "neighbouring" || w == "neighboring" || w == "europe"
	}
	return false
}

func (d *doc) nearWord(f *figure, n int, words ...string) bool {
	for k := f.qa - n; k < f.unitEnd+n; k++ {
		if k < 0 || k >= len(d.toks) {
			continue
		}
		for _, w := range words {
			if d.lowAt(k) == w {
				return true
			}
		}
	}
	return false
}

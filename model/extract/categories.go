package extract

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
	cw(Killed, "killed", "kill", "kills", "killing", "killings", "dead", "died", "die", "dies", "dying",
		"death", "deaths", "death toll", "fatalities", "fatality", "slain", "massacred",
		"executed", "perished", "bodies", "casualties", "murdered", "shot dead", "beheaded", "toll",
		"lost their lives", "lost his life", "claimed", "claiming", "drowned", "drowning", "murders",
		"homicides"),
	cw(Injured, "injured", "wounded", "injuring", "wounding", "hurt", "injuries", "maimed", "wounds",
		"hospitalised", "hospitalized", "in hospital", "taken to hospital"),
	cw(Displaced, "displaced", "displaces", "displace", "displacing", "fled", "flee", "fleeing", "flees", "homeless", "forced from their homes",
		"driven from", "uprooted", "evacuated", "displacement", "idps", "forced to leave", "lost their homes",
		"camp population", "sheltering", "shelters", "uprooting", "evacuate", "evacuees", "to leave",
		"leave the", "left the", "left their", "leave their", "forced out", "exodus", "sheltered",
		"took shelter", "taking shelter", "sought shelter", "from their homes", "from his home",
		"from her home", "camp", "camps"),
	cw(Refugees, "refugees", "refugee", "asylum", "asylum seekers", "sought refuge", "crossed into",
		"crossing into", "abroad", "crossed the border", "crossing the border", "across the border",
		"at the border", "neighbouring countries", "neighboring countries"),
	cw(Detained, "hostages", "hostage", "prisoners", "prisoner", "arrested", "arrests", "arresting",
		"detained", "detainees", "detaining", "detention", "abducted", "abducting", "kidnapped",
		"captured", "jailed", "imprisoned", "held by", "held captive", "taken captive", "in custody",
		"captives", "abductees", "rounded up", "seized", "custody", "behind bars"),
	cw(Missing, "missing", "disappeared", "unaccounted"),
	cw(AtRisk, "at risk", "besieged", "siege", "starving", "starvation", "famine", "in need", "without food",
		"food insecure", "food insecurity", "malnourished", "malnutrition", "brink", "hunger", "need aid",
		"need assistance", "need help", "require assistance", "trapped", "cut off", "vulnerable", "risk",
		"shortages", "shortage", "need humanitarian", "needs humanitarian", "need food", "malnourished",
		"need urgent", "needing", "urgent need", "in urgent need", "need of"),
	cw(Aid, "aid", "food parcels", "rations",
		"meals", "supplies", "relief", "tents", "blankets", "kits", "doses", "vaccines", "assistance",
		"humanitarian", "donated", "delivered", "pledged", "funding", "appeal"),
	cw(Military, "troops", "soldiers", "fighters", "personnel", "aircraft", "jets", "warplanes",
		"helicopters", "tanks", "drones", "missiles", "rockets", "airstrikes", "air strikes", "strikes",
		"sorties", "battalions", "brigades", "militants", "insurgents", "forces", "deployed", "deploy",
		"warships", "artillery", "shells", "servicemen", "marines", "reservists", "conscripts", "army",
		"bombs", "munitions", "weapons"),
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
	if f.currency != "" {
		if d.nearWord(f, 3, "aid", "assistance", "relief", "humanitarian") {
			return Aid
		}
		return Money
	}
	// An age, a fraction, a measure (12km, 50 Hz) or a negative number
	// counts no people and no event.
	if f.age || f.frac > 0 || f.measure || f.value < 0 {
		return Other
	}
	if f.dur || timeUnits[f.unit] != "" {
		return Duration
	}
	if d.notAHeadcount(f) {
		return Other
	}
	if f.force {
		return Military
	}
	// "250,000 lives": lives counted are lives lost. Elsewhere "lives" is
	// too common a word ("their lives") to mean a death toll.
	if f.unitEnd > f.b && d.low(f.unitEnd-1) == "lives" {
		return Killed
	}
	best, bestDist := Other, 1<<30
	sent := d.toks[f.a].sent
	lo, hi := f.qa, f.unitEnd
	// A count of things (homes, drones, villages) is never a count of
	// victims: only aid, military and other apply to it.
	things := thingNouns[f.unit] || thingUnitNames[f.unit]
	if f.percent {
		// A percentage takes an event word only right after it:
		// "40 percent of the displaced".
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
	for k := lo - 1; k >= 0 && k >= lo-9; k-- {
		if d.toks[k].sent != sent {
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
	for k := f.a; k < len(d.toks) && k < hi+9; k++ {
		if d.toks[k].sent != sent {
			break
		}
		if c, n := d.catAt(k); n > 0 && !(things && !thingCat(c)) && !d.barracks(f, k) {
			dist := k - hi + 1
			if k < hi {
				// The figure's own noun: decisive for an event word,
				// a fallback for a unit such as "insurgents".
				dist = 0
				if weakCat(c) {
					dist = 8
				}
			} else if weakCat(c) {
				dist += 3
			}
			if c == Displaced && d.fleeingAbroad(k+n) {
				c = Refugees
			}
			// On a tie the word after the figure wins: "Seven people were
			// arrested and 23 police officers injured".
			if dist < bestDist || dist == bestDist && k >= hi {
				best, bestDist = c, dist
			}
		}
	}
	if best == Displaced && bestDist >= 0 {
		// "fleeing to Lebanon, Jordan": a border was crossed.
	}
	// "had lost 38 soldiers", "holding 23 aid workers": the verb right
	// before a count of people decides.
	if (best == Other || weakCat(best)) && (f.unit == "people" || f.unit == "troops") {
		switch d.lowAt(f.qa - 1) {
		case "lost", "lose", "losing", "loses":
			return Killed
		case "holding", "held", "hold", "holds":
			return Detained
		}
	}
	// "The death toll … rose to 52": the toll is far from its figure.
	if best == Other && (d.is(f.qa-1, "to") || d.is(f.qa-1, "at") || d.is(f.qa-1, "reached")) && !things {
		for k := f.qa - 2; k >= 0 && k > f.qa-25 && d.toks[k].sent == sent; k-- {
			if d.is(k, "toll") {
				return Killed
			}
		}
	}
	// The unit decides when no event word did: tonnes, trucks and
	// convoys are aid, troops are military.
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
var thingNouns = set("homes", "houses", "buildings", "villages", "towns", "cities", "drones", "tanks",
	"jets", "rockets", "missiles", "vehicles", "cars", "schools", "hospitals", "countries", "videos",
	"sites", "bridges", "shops", "mosques", "churches", "roads", "checkpoints", "shells", "bombs",
	"aircraft", "helicopters", "planes", "ships", "boats", "weapons", "guns", "rifles", "mines",
	"apartments", "flats", "tents", "wells", "farms", "fields", "hectares", "acres", "miles", "km",
	"metres", "tonnes", "trucks", "convoys", "doses", "meals", "parcels", "kits", "litres", "kg",
	"points", "seats", "votes", "days", "weeks", "months", "years", "hours", "minutes", "decades",
	"attacks", "strikes", "airstrikes", "incidents", "cases", "districts", "provinces", "regions",
	"neighbourhoods", "neighborhoods", "camps", "facilities", "clinics", "offices", "factories")

// thingUnitNames are the units figures.go gives that are not people.
var thingUnitNames = set("percent", "dollars", "euros", "pounds", "yen", "yuan", "rupees")

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

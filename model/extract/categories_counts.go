package extract

import "strings"

// Rules that keep a number out of the people categories (killed,
// displaced, refugees...) even with an event word near it: the number is a
// limit, a rate's base, a family size or a count of survivors. A category
// needs the counted noun and its verb to say so.

// capWords are the nouns of a limit: "a daily cap of 1,500".
var capWords = set("cap", "ceiling", "limit", "maximum", "quota")

// capVerbs limit a number: "cut the number it admits to 1,500", "limited
// daily crossings to 1,500 people".
var capVerbs = set("cap", "capped", "capping", "caps", "cut", "cuts", "limit", "limited",
	"limiting", "limits", "reduce", "reduced", "reduces", "reducing", "restrict", "restricted",
	"restricting", "restricts")

// kinNouns before "of N" give a family size: "a mother of four".
var kinNouns = set("father", "fathers", "grandfather", "grandmother", "mother", "mothers", "parent",
	"parents")

// neutralPeople are counted nouns that say the people were not the
// event's victims: "61 survivors", "200 rescuers".
var neutralPeople = set("rescuers", "survivors")

// notAHeadcount reports whether figure f, whatever the words near it,
// counts no victims: a limit, a rate's base, a family size, survivors.
func (d *doc) notAHeadcount(f *figure) bool {
	p := d.lowAt(f.qa - 1)
	switch {
	case p == "per" || p == "every":
		return true // 18.9 deaths per 100,000 people; one for every 20
	case measureUnits[f.unit]:
		return true // a 60-bed treatment centre
	case p == "of" && (capWords[d.lowAt(f.qa-2)] || kinNouns[d.lowAt(f.qa-2)]):
		return true // a daily cap of 1,500; a mother of four
	case f.unitEnd > f.b && neutralPeople[d.lowAt(f.unitEnd-1)] && !d.ownClause(f):
		return true // unless its own verb says ("149 of the survivors were hospitalized")
	case p == "to" && !d.eventInPhrase(f):
		sent := d.toks[f.a].sent
		for k := f.qa - 2; k >= 0 && k >= f.qa-12 && d.toks[k].sent == sent; k-- {
			if capVerbs[d.low(k)] {
				return true
			}
		}
	}
	return false
}

// eventInPhrase: the figure's own words say what happened to them ("620,000
// displaced people"), whatever verb governs it.
func (d *doc) eventInPhrase(f *figure) bool {
	for k := f.a; k < f.unitEnd; k++ {
		if c, _ := d.catAt(k); c != "" {
			return true
		}
	}
	return false
}

// collectiveNouns before "of" hold the people or things counted after
// it, so an event word before them still reaches the figure: "killed a
// family of five", "a total of 52", "claimed the lives of 12", "a group of
// 20 migrants".
var collectiveNouns = set("band", "batch", "contingent", "convoy", "crowd", "family", "flotilla",
	"group", "groups", "handful", "lives", "maximum", "minimum", "number", "party", "population",
	"squad", "tally", "team", "total", "unit")

// quantifierWords before "of the" take a part of the figure after them:
// "all but one of the sixteen", "most of the 300".
var quantifierWords = set("all", "both", "each", "few", "half", "many", "most", "none", "some")

// ofComplement reports whether the "of" at token k makes what follows it
// the complement of the noun before it ("jailed for the rape of two
// girls", "shelled the town of 20,000"): an event word before that noun
// is about the noun's referent, not the figure's. Event nouns ("the
// deaths of 20"), collective nouns and quantities ("three of the 20")
// pass the event word on.
func (d *doc) ofComplement(k int) bool {
	if !d.is(k, "of") || k == 0 || !d.isWord(k-1) {
		return false
	}
	w := d.low(k - 1)
	if c, _ := d.catAt(k - 1); c != "" {
		return false
	}
	return !collectiveNouns[w] && !quantifierWords[w] && !d.isNumberTok(k-1) && !isVague(w)
}

// isVague: "thousands of", "dozens of" (a scale, "millions of", is a
// number token already).
func isVague(w string) bool {
	_, v := vagueCounts[w]
	return v
}

// partitiveWhole reports whether figure f is the whole a part is taken
// from, "three of the 20 passengers", "all but one of the sixteen on
// board": the event of the clause happened to the part, not to the whole.
func (d *doc) partitiveWhole(f *figure) bool {
	k := f.qa - 1
	if d.isWord(k) && isPossessive(d.low(k)) {
		k-- // "a third of the city's 2.3 million residents"
	}
	switch d.lowAt(k) {
	case "the", "its", "their", "those", "these":
		k--
	}
	if !d.is(k, "of") || k == 0 || !d.isWord(k-1) {
		return false
	}
	w := d.low(k - 1)
	return d.isNumberTok(k-1) || quantifierWords[w] || fractionWords[w] > 0 || strings.HasPrefix(w, "one-") || strings.HasSuffix(w, "-thirds") || strings.HasSuffix(w, "-quarters")
}

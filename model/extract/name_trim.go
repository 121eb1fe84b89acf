package extract

import "strings"

// Words glued before a person's name. News writes titles, roles, places
// and sentence adverbs in capitals before a name ("Senate Minority Whip
// Dick Durbin", "Actor Denzel Washington", "Vermont Bernie Sanders",
// "Afterwards Trump"); the name a reader wants is what follows them.

// trimLead moves the start of a person's name past the words glued before
// it. Bodies and places keep their whole name.
func (d *doc) trimLead(r *nameRun) {
	if r.kind == entOrg || r.kind == entPlace {
		return
	}
	// Two or more unknown capitalised words before a known first name
	// are a title or a place: "United States Joe Biden", "Committee
	// Representative Adam Schiff". One unknown word may be a first name
	// of its own ("Jo Anne Val Tilburg"), so it takes the word lists below.
	lead := 0
	for k := r.na; k < r.b-1; k++ {
		if !d.isWord(k) {
			continue
		}
		w := d.low(k)
		if wordBits[w]&(bMaleName|bFemaleName) != 0 {
			if lead >= 2 {
				r.na = k
				r.kind = entPerson
			}
			break
		}
		if len(w) == 1 {
			break // an initial: "J. R. R. Tolkien"
		}
		lead++
	}
	// A role or a body's noun with two words after it ends the title:
	// "Mysore Divisional Railway Manager Aparna Garg", "Chess Federation
	// Mehrdad Pahlavanzadeh".
	for k := r.b - 3; k > r.na; k-- {
		if !d.isWord(k) {
			continue
		}
		if b := wordBits[stem(d.low(k))]; b&(bLeadRole|bOccupation|bRoleTitle|bOrgNoun) != 0 && b&(bMaleName|bFemaleName) == 0 && d.nameWords(k+1, r.b) == 2 {
			r.na = k + 1
			r.kind = entPerson
			break
		}
	}
	// "Mayor of Springfield Jane Roe": after a title's "of", the place
	// runs up to the last two words, which are the name.
	if r.na > r.a && (d.is(r.na-1, "of") || d.is(r.na-1, "for")) && d.nameWords(r.na, r.b) >= 3 && r.b-r.na == d.nameWords(r.na, r.b) {
		r.na = r.b - 2
		r.kind = entPerson
		return
	}
	for d.nameWords(r.na, r.b) >= 2 {
		w := stem(d.low(r.na))
		b := wordBits[w]
		if b&(bMaleName|bFemaleName) != 0 || w == "pope" && d.nameWords(r.na, r.b) == 2 {
			// A pope is known by the title and one name: "Pope Francis",
			// never "Francis" (a princess is known by her full name).
			return
		}
		// A capitalised role of the -er/-or/-ist kind before two more
		// words: "Broadcaster Jane Roe", "Economist Ana Ruiz".
		role := b&(bLeadRole|bOccupation|bRoleTitle|bPersonTitle) != 0 || strings.HasSuffix(w, "-old") ||
			d.nameWords(r.na, r.b) >= 3 && roleLike(w)
		place := b&(bCountry|bNationality|bRegion) != 0 || b&bPlace != 0 && d.nameWords(r.na, r.b) >= 3
		opener := r.initial && r.na == r.a && (strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "wards") || sentenceAdverbs[w])
		if !role && !place && !opener {
			return
		}
		if role {
			r.kind = entPerson
		}
		r.na++
		for r.na < r.b && !d.isWord(r.na) {
			r.na++
		}
	}
}

// nameWords counts the words of tokens [a,b).
func (d *doc) nameWords(a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if d.isWord(k) {
			n++
		}
	}
	return n
}

// leadRoles are capitalised roles that come before a name and that the
// title lists lack: "Voter Kitty Mak", "Co-author Jing-Shan Zhao".
var leadRoles = set("assemblyman", "assemblywoman", "candidate", "co-author", "co-developer",
	"co-founder", "committee", "councillor", "councilor", "delegate", "democrat", "lead",
	"legislator", "majority", "minority", "monsenor", "monsignor", "represenative",
	"representative", "republican", "scientist", "senate", "student", "voter", "whip")

// regions are places that stand before a politician's name ("Vermont
// Bernie Sanders", "Hong Kong Carrie Lam") and are not in the gazetteer.
var regions = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado",
	"connecticut", "delaware", "england", "florida", "hawaii", "hong", "idaho", "illinois",
	"indiana", "iowa", "kansas", "kentucky", "kong", "louisiana", "maine", "maryland",
	"massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
	"nevada", "ohio", "oklahoma", "oregon", "pennsylvania", "puerto", "rico", "scotland",
	"tennessee", "texas", "utah", "vermont", "wales", "wisconsin", "wyoming")

// sentenceAdverbs open a sentence in capitals without being a name.
var sentenceAdverbs = set("afterwards", "also", "former", "however", "meanwhile", "previously",
	"still", "then", "whereas", "yet")

// postNominals follow a name without being part of it: "Kama Melly QC".
var postNominals = set("cbe", "esq", "kc", "mbe", "md", "mp", "obe", "phd", "qc")

// newPlaces follow "New" in a place's name.
var newPlaces = set("delhi", "england", "hampshire", "jersey", "mexico", "orleans", "south", "york",
	"zealand")

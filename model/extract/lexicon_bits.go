package extract

// wordBits gives, for a lower-case word, one bit for each of the hottest
// word lists it is in: the name classifier asks several lists about the
// same word, and one map look-up answers them all. Built once at start
// from the lists themselves, and never written after.
var wordBits = func() map[string]uint32 {
	m := make(map[string]uint32, 4096)
	for _, l := range bitLists {
		for w := range *l.set {
			m[w] |= l.bit
		}
	}
	return m
}()

const (
	bPlace uint32 = 1 << iota
	bNationality
	bCountry
	bTitle
	bPersonTitle
	bRoleTitle
	bOrgNoun
	bKnownOrg
	bMaleName
	bFemaleName
	bFunctionCap
	bMaleTitle
	bFemaleTitle
	bOccupation
	bLeadRole
	bRegion
)

var bitLists = []struct {
	set *map[string]bool
	bit uint32
}{
	{&places, bPlace}, {&nationalities, bNationality}, {&countries, bCountry}, {&titles, bTitle},
	{&personTitles, bPersonTitle}, {&roleTitles, bRoleTitle}, {&orgNouns, bOrgNoun},
	{&knownOrgs, bKnownOrg}, {&maleNames, bMaleName}, {&femaleNames, bFemaleName},
	{&functionCaps, bFunctionCap}, {&maleTitles, bMaleTitle}, {&femaleTitles, bFemaleTitle},
	{&occupations, bOccupation}, {&leadRoles, bLeadRole}, {&regions, bRegion},
}

package model

import (
	"slices"

	"sitrep/model/extract"
)

// Claim is a figure one story of a cluster gives, with its source: the
// highlights pane lists them when the cluster's stories disagree.
type Claim struct {
	StoryID  int64
	Source   string
	Category extract.Category
	Value    float64
	Text     string // as written: "212 people"
	Start    int    // byte offset in the story's body
}

// claimCategories are the figures whose disagreement matters: human cost.
var claimCategories = []extract.Category{
	extract.Killed, extract.Injured, extract.Displaced, extract.Refugees,
	extract.Detained, extract.Missing, extract.AtRisk,
}

// IsClaimCategory says whether figures of c are compared across a cluster.
func IsClaimCategory(c extract.Category) bool { return slices.Contains(claimCategories, c) }

// LeadClaims are each story's first figure of each category, in the
// order of cs: what the story says of that toll. Later figures of the same
// category are mostly background (the war's toll, a week's, the truce's),
// which reprints cut and rewrites keep or not; the lead is the claim.
func LeadClaims(cs []Claim) []Claim {
	type key struct {
		story int64
		cat   extract.Category
	}
	first := map[key]int{}
	for i, c := range cs {
		if !IsClaimCategory(c.Category) {
			continue
		}
		k := key{c.StoryID, c.Category}
		if j, ok := first[k]; !ok || c.Start < cs[j].Start {
			first[k] = i
		}
	}
	var out []Claim
	for i, c := range cs {
		if j, ok := first[key{c.StoryID, c.Category}]; ok && j == i {
			out = append(out, c)
		}
	}
	return out
}

// DifferingCategories are the categories in which the stories of a
// cluster disagree: two of them lead with different figures of it ("212
// killed" in one, "190 killed" in another). A reprint with paragraphs cut
// keeps the lead and does not count.
func DifferingCategories(cs []Claim) []extract.Category {
	lead := map[extract.Category][]float64{}
	for _, c := range LeadClaims(cs) {
		if !slices.Contains(lead[c.Category], c.Value) {
			lead[c.Category] = append(lead[c.Category], c.Value)
		}
	}
	var out []extract.Category
	for _, cat := range claimCategories {
		if len(lead[cat]) > 1 {
			out = append(out, cat)
		}
	}
	return out
}

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
}

// claimCategories are the figures whose disagreement matters: human cost.
var claimCategories = []extract.Category{
	extract.Killed, extract.Injured, extract.Displaced, extract.Refugees,
	extract.Detained, extract.Missing, extract.AtRisk,
}

// IsClaimCategory says whether figures of c are compared across a cluster.
func IsClaimCategory(c extract.Category) bool { return slices.Contains(claimCategories, c) }

// DifferingCategories are the categories in which two stories of a
// cluster disagree: each gives a value of it the other does not. A
// reprint with paragraphs cut gives fewer figures, not other ones, and
// does not count; "212 killed" beside "190 killed" does.
func DifferingCategories(cs []Claim) []extract.Category {
	type key struct {
		story int64
		cat   extract.Category
	}
	values := map[key][]float64{}
	var stories []int64
	for _, c := range cs {
		if !IsClaimCategory(c.Category) {
			continue
		}
		k := key{c.StoryID, c.Category}
		if !slices.Contains(values[k], c.Value) {
			values[k] = append(values[k], c.Value)
		}
		if !slices.Contains(stories, c.StoryID) {
			stories = append(stories, c.StoryID)
		}
	}
	lacks := func(a, b []float64) bool { // a has a value b lacks
		for _, v := range a {
			if !slices.Contains(b, v) {
				return true
			}
		}
		return false
	}
	var out []extract.Category
	for _, cat := range claimCategories {
	pairs:
		for i, a := range stories {
			va := values[key{a, cat}]
			if len(va) == 0 {
				continue
			}
			for _, b := range stories[i+1:] {
				vb := values[key{b, cat}]
				if len(vb) > 0 && lacks(va, vb) && lacks(vb, va) {
					out = append(out, cat)
					break pairs
				}
			}
		}
	}
	return out
}

package model

import "sitrep/model/extract"

// headlineRank orders the categories a queue badge may show: the human cost
// of an event first. Figures of other categories never become the badge.
var headlineRank = map[extract.Category]int{
	extract.Killed:    6,
	extract.Injured:   5,
	extract.Displaced: 4,
	extract.Refugees:  3,
	extract.AtRisk:    2,
	extract.Missing:   1,
	extract.Detained:  1,
}

// Headline picks the figure a story's queue badge shows: among casualty and
// displacement figures, the highest-ranked category, and within it the
// largest value. It returns nil when the story has none.
func Headline(stats []extract.Stat) *HeadlineFigure {
	var best *extract.Stat
	for i := range stats {
		s := &stats[i]
		r, ok := headlineRank[s.Category]
		if !ok || s.Value <= 0 {
			continue
		}
		if best == nil {
			best = s
			continue
		}
		br := headlineRank[best.Category]
		if r > br || (r == br && s.Value > best.Value) {
			best = s
		}
	}
	if best == nil {
		return nil
	}
	return &HeadlineFigure{Category: best.Category, Value: best.Value, Text: best.Text}
}

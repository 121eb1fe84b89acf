package model

import (
	"sort"

	"sitrep/model/extract"
)

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
	// Military counts people too, but a troop figure is not a casualty
	// figure and never becomes the badge.
}

// certainFigure reports whether a figure may become a badge or a key
// figure: a ranked category, counting people (the extractor gives unit
// "people" only to a count whose noun or event word says so; households,
// beds, cases and percentages have their own units), at least one, and
// exact. A vague count ("thousands") is kept as 1,000 for its lower bound,
// and a badge showing "1,000" would state what the story does not: it
// stays in the highlights list, in words.
func certainFigure(s extract.Stat) bool {
	_, ok := headlineRank[s.Category]
	return ok && s.Unit == "people" && s.Value >= 1 && !s.Vague
}

// Headline picks the figure a story's queue badge shows: among certain
// casualty and displacement figures (certainFigure), the highest-ranked
// category, and within it the largest value. It returns nil when the story
// has none.
func Headline(stats []extract.Stat) *HeadlineFigure {
	var best *extract.Stat
	for i := range stats {
		s := &stats[i]
		r := headlineRank[s.Category]
		if !certainFigure(*s) {
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

// KeyFigures are the figures a reader should see first: certain casualty
// and displacement figures (certainFigure), chosen by category rank and
// the largest first within it, at most two per category (a story's toll
// since an offensive began and the war's total are both news), at most n
// in all; then given in the order the story gives them.
func KeyFigures(stats []extract.Stat, n int) []extract.Stat {
	var cands []extract.Stat
	for _, s := range stats {
		// Vague counts ("dozens of the wounded") stay in the highlights
		// list; a glance wants numbers.
		if certainFigure(s) {
			cands = append(cands, s)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		ra, rb := headlineRank[cands[a].Category], headlineRank[cands[b].Category]
		if ra != rb {
			return ra > rb
		}
		return cands[a].Value > cands[b].Value
	})
	out := make([]extract.Stat, 0, n)
	perCategory := map[extract.Category]int{}
	for _, s := range cands {
		if len(out) == n {
			break
		}
		if perCategory[s.Category] == 2 || duplicateFigure(out, s) {
			continue
		}
		perCategory[s.Category]++
		out = append(out, s)
	}
	// Shown in the order the story gives them: news puts the new figure
	// first ("an estimated 50,000 fled Aleppo") and the war's totals
	// after it, and a head cut short keeps the news.
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// duplicateFigure: the same count repeated later in a story is one fact.
func duplicateFigure(chosen []extract.Stat, s extract.Stat) bool {
	for _, c := range chosen {
		if c.Category == s.Category && c.Value == s.Value {
			return true
		}
	}
	return false
}

// HumanCostRank orders categories by the human cost they count: killed
// highest, figures that count no people (aid, money, duration) 0.
func HumanCostRank(c extract.Category) int {
	return headlineRank[c]
}

// AttributedQuotes counts the quotations with a speaker: the queue's ❝
// badge. Scare quotes and words nobody is named for do not inflate it.
func AttributedQuotes(quotes []extract.Quote) int {
	n := 0
	for _, q := range quotes {
		if q.Speaker != nil {
			n++
		}
	}
	return n
}

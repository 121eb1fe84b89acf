package model

import (
	"testing"

	"sitrep/model/extract"
)

func TestHeadline(t *testing.T) {
	st := func(c extract.Category, v float64, text string) extract.Stat {
		return extract.Stat{Category: c, Value: v, Text: text, Unit: "people"}
	}
	with := func(s extract.Stat, f func(*extract.Stat)) extract.Stat { f(&s); return s }
	tests := []struct {
		name  string
		stats []extract.Stat
		want  string // Text of the chosen figure, "" for none
	}{
		{"none", nil, ""},
		{"only money and aid", []extract.Stat{st(extract.Money, 5e9, "$5bn"), st(extract.Aid, 44, "44 trucks")}, ""},
		{"killed beats a larger displaced figure", []extract.Stat{st(extract.Displaced, 50000, "50,000"), st(extract.Killed, 500, "500 people")}, "500 people"},
		{"largest of the same category", []extract.Stat{st(extract.Killed, 500, "500"), st(extract.Killed, 250000, "over 250,000 lives")}, "over 250,000 lives"},
		{"displaced when nobody was killed", []extract.Stat{st(extract.Refugees, 4e6, "4 million"), st(extract.Displaced, 7e6, "7 million")}, "7 million"},
		{"zero values are skipped", []extract.Stat{st(extract.Killed, 0, "no one")}, ""},
		{"a vague count is no exact badge", []extract.Stat{st(extract.Injured, 3, "three"), with(st(extract.Killed, 1000, "thousands"), func(s *extract.Stat) { s.Vague = true })}, "three"},
		{"a percentage counts no people", []extract.Stat{with(st(extract.Injured, 14, "14 percent"), func(s *extract.Stat) { s.Unit = "percent" })}, ""},
		{"households are not people", []extract.Stat{with(st(extract.Displaced, 20000, "20,000 households"), func(s *extract.Stat) { s.Unit = "households" }), st(extract.Displaced, 800, "800 people")}, "800 people"},
		{"a fraction is no count", []extract.Stat{with(st(extract.Killed, 0.5, "half"), func(s *extract.Stat) { s.Unit = "fraction" })}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := Headline(tt.stats)
			got := ""
			if h != nil {
				got = h.Text
			}
			if got != tt.want {
				t.Errorf("Headline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestKeyFigures(t *testing.T) {
	stats := []extract.Stat{
		{Category: extract.Money, Value: 1e9, Text: "$1bn", Unit: "dollars", Start: 0},
		{Category: extract.Displaced, Value: 50000, Text: "50,000", Unit: "people", Start: 10},
		{Category: extract.Killed, Value: 500, Text: "500", Unit: "people", Start: 20},
		{Category: extract.Killed, Value: 250000, Text: "over 250,000", Unit: "people", Start: 30},
		{Category: extract.Displaced, Value: 7e6, Text: "7 million", Unit: "people", Start: 40},
		{Category: extract.Refugees, Value: 4e6, Text: "4 million", Unit: "people", Start: 50},
		{Category: extract.AtRisk, Value: 300000, Text: "300,000", Unit: "people", Start: 60},
		{Category: extract.Killed, Value: 1000, Text: "thousands", Unit: "people", Vague: true, Start: 70},
		{Category: extract.Refugees, Value: 70, Text: "70 percent", Unit: "percent", Start: 80},
	}
	var got []string
	for _, s := range KeyFigures(append(stats, stats[3]), 5) {
		got = append(got, s.Text)
	}
	// The same five as the largest per category, in the story's order.
	want := []string{"50,000", "500", "over 250,000", "7 million", "4 million"}
	if len(got) != len(want) {
		t.Fatalf("KeyFigures = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("KeyFigures = %q, want %q", got, want)
		}
	}
	if len(KeyFigures(stats[:1], 3)) != 0 {
		t.Error("money alone is no key figure")
	}
}

func TestAttributedQuotesLeavesScareQuotesOut(t *testing.T) {
	r := extract.Extract("The so-called “peace plan” collapsed. “We are ready,” John Smith said. “It failed,” she said.")
	if got := AttributedQuotes(r.Quotes); got != 1 {
		t.Errorf("AttributedQuotes = %d of %d quotations, want 1 (only John Smith's)", got, len(r.Quotes))
	}
}

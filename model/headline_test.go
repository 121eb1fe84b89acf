package model

import (
	"testing"

	"sitrep/model/extract"
)

func TestHeadline(t *testing.T) {
	st := func(c extract.Category, v float64, text string) extract.Stat {
		return extract.Stat{Category: c, Value: v, Text: text}
	}
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

package model

import (
	"slices"
	"testing"

	"sitrep/model/extract"
)

func TestDifferingCategories(t *testing.T) {
	n := 0
	c := func(story int64, cat extract.Category, v float64) Claim {
		n++ // in text order
		return Claim{StoryID: story, Category: cat, Value: v, Start: n}
	}
	for _, tc := range []struct {
		name string
		cs   []Claim
		want []extract.Category
	}{
		{"212 killed against 190 killed", []Claim{c(1, extract.Killed, 212), c(2, extract.Killed, 190)}, []extract.Category{extract.Killed}},
		{"a cut reprint gives fewer figures", []Claim{c(1, extract.Killed, 212), c(1, extract.Killed, 250000), c(2, extract.Killed, 212)}, nil},
		{"the same figures", []Claim{c(1, extract.Displaced, 51000), c(2, extract.Displaced, 51000)}, nil},
		{"different categories", []Claim{c(1, extract.Killed, 212), c(2, extract.Injured, 190)}, nil},
		{"money is not a claim", []Claim{c(1, extract.Money, 5), c(2, extract.Money, 6)}, nil},
		{"a third story disagrees", []Claim{c(1, extract.Killed, 212), c(2, extract.Killed, 212), c(3, extract.Injured, 4), c(3, extract.Killed, 190)}, []extract.Category{extract.Killed}},
		{"a background figure only one gives", []Claim{c(1, extract.Killed, 14), c(1, extract.Killed, 4), c(2, extract.Killed, 14)}, nil},
		{"the leads differ, the background agrees", []Claim{c(1, extract.Killed, 14), c(1, extract.Killed, 4), c(2, extract.Killed, 16), c(2, extract.Killed, 4)}, []extract.Category{extract.Killed}},
	} {
		if got := DifferingCategories(tc.cs); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

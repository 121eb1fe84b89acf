package extract

import (
	"math"
	"testing"
)

// TestNumberCauses has a row per cause of a missed quantity in issue 7:
// each sentence must give a figure with the value, unit and category of
// the row (and its bounds when the row gives them).
func TestNumberCauses(t *testing.T) {
	type want struct {
		value  float64
		unit   string
		cat    Category
		lo, hi float64 // checked when not NaN
	}
	nan := math.NaN()
	w := func(v float64, unit string, cat Category) want { return want{v, unit, cat, nan, nan} }
	tests := []struct {
		cause, text string
		want        []want
	}{
		// Units glued to the number and written apart.
		{"glued km", "The convoy stopped 12km from the border.", []want{w(12, "km", Other)}},
		{"glued kg", "Police found 250kg of explosives near the market.", []want{w(250, "kg", Other)}},
		{"glued kW", "A 3kW generator powers the clinic.", []want{w(3, "kW", Other)}},
		{"glued litres", "The car has a 2.0l engine.", []want{w(2, "litres", Other)}},
		{"apart Hz", "The grid runs at 50 Hz.", []want{w(50, "Hz", Other)}},
		{"apart GWh", "The plant produced 12 GWh last year.", []want{w(12, "GWh", Other)}},
		{"apart yards", "He ran 20 yards before he fell.", []want{w(20, "yards", Other)}},
		{"apart square", "The fire burned 12 square miles of scrub.", []want{w(12, "square miles", Other)}},
		{"apart cubic", "The dam holds 40 million cubic metres of water.", []want{w(40e6, "cubic metres", Other)}},
		{"apart sq", "The reserve covers 300 sq km of wetland.", []want{w(300, "square km", Other)}},
		{"apart km/h", "Gusts reached 140 km/h on the coast.", []want{w(140, "km/h", Other)}},
		{"pounds of weight", "The bag weighed 44 pounds when it was found.", []want{w(44, "lb", Other)}},
		{"pounds converted to kg", "Each sack of 50 pounds (23 kg) was sold.", []want{w(50, "lb", Other), w(23, "kg", Other)}},
		{"pounds of money", "The fine was 300 pounds.", []want{w(300, "pounds", Money)}},
		{"apart km2", "The lake (about 90 km2) is drying up.", []want{w(90, "km²", Other)}},
		// Money with codes and suffixes.
		{"code glued", "The fine was USD2,500 per family.", []want{w(2500, "dollars", Money)}},
		{"code and scale", "The deal is worth EUR30m.", []want{w(30e6, "euros", Money)}},
		{"dollars and cents", "The stamp cost two dollars fifty cents.", []want{w(2.5, "dollars", Money)}},
		{"code glued with scale", "The prize is SEK2 million this year.", []want{w(2e6, "kronor", Money)}},
		{"code apart", "Each visa costs AED 250 now.", []want{w(250, "dirhams", Money)}},
		{"ringgit", "Petrol costs RM4.10 a litre.", []want{w(4.1, "ringgit", Money)}},
		{"pence", "A loaf now costs 85p.", []want{w(85, "pence", Money)}},
		{"k suffix", "He earns 25k a year.", []want{w(25000, "", Other)}},
		{"pc as percent", "Inflation rose to 2.5pc in May.", []want{w(2.5, "percent", Other)}},
		// Number words, fractions, negatives, ages.
		{"number words", "Four people were hurt and nine were detained.", []want{w(4, "people", Injured), w(9, "people", Detained)}},
		{"a quarter of", "A quarter of the population fled.", []want{w(0.25, "fraction", Other)}},
		{"a fraction as subject", "Roughly a quarter were women.", []want{w(0.25, "fraction", Other)}},
		{"half of", "Half of the residents have left.", []want{w(0.5, "fraction", Other)}},
		{"two-thirds", "Two-thirds of the homes were destroyed.", []want{w(2.0/3, "fraction", Other)}},
		{"two thirds apart", "Two thirds of the wells are dry.", []want{w(2.0/3, "fraction", Other)}},
		{"negative percent", "The economy shrank -2.1% last year.", []want{w(-2.1, "percent", Other)}},
		{"minus glued", "Temperatures fell to minus-3 overnight.", []want{w(-3, "", Other)}},
		{"minus apart", "Temperatures fell to minus 12 degrees.", []want{w(-12, "degrees", Other)}},
		{"age hyphenated", "The 48-year-old was arrested on Monday.", []want{w(48, "years", Other)}},
		{"age apposition", "Jane Roe, 52, was arrested on Monday.", []want{w(52, "years", Other)}},
		{"age aged", "A man aged 67 died in the fire.", []want{w(67, "years", Other)}},
		{"age in brackets", "Omar Haddad (45) was detained at the border.", []want{w(45, "years", Other)}},
		{"age after was", "She was 93 and died in her sleep.", []want{w(93, "years", Other)}},
		{"age in words", "She left school at the age of fifteen.", []want{w(15, "years", Other)}},
		{"age at the age of", "He died at the age of 71.", []want{w(71, "years", Other)}},
		// A number word in a title-case headline is still a count.
		{"title-case headline", "Mortar Attack Kills Seven Near Border Town", []want{w(7, "people", Killed)}},
		// The second value of a pair or a conversion.
		{"pair", "The index fell 1.2% to 9,410.", []want{w(1.2, "percent", Other), w(9410, "", Other)}},
		{"conversion glued in brackets", "The town is 20 miles (32km) from the front.", []want{w(20, "miles", Other), w(32, "km", Other)}},
		{"conversion hyphenated in brackets", "The 12-mile (19-km) road was closed.", []want{w(19, "km", Other)}},
		{"conversion", "Snow reached 20 cm (7.9 inches) overnight.", []want{w(20, "cm", Other), w(7.9, "inches", Other)}},
		// People on board are people, though no noun names them.
		{"on board", "Only two of the nine on board survived the crash.", []want{w(9, "people", Other)}},
		// Counts without a known noun are reported, category other.
		{"bare count", "The vote was 52 in favour.", []want{w(52, "", Other)}},
		{"range", "Between 300 and 400 people were killed.", []want{{300, "people", Killed, 300, 400}}},
		// A range whose ends share the scale after the second.
		{"range in one word", "Roughly one-to-two hundred people joined the march.", []want{{100, "people", Other, 100, 200}}},
		{"range with or", "Five or six hundred people were evacuated.", []want{{500, "people", Displaced, 500, 600}}},
		{"range of hundreds", "Two to three hundred villagers fled.", []want{{200, "people", Displaced, 200, 300}}},
		// Vague counts and fractions of a scale.
		{"a couple of hundred", "A couple of hundred farmers were detained.", []want{{200, "people", Detained, 200, nan}}},
		{"several hundred thousand", "Several hundred thousand people fled.", []want{{200000, "people", Displaced, 200000, nan}}},
		{"a couple hundred", "A couple hundred people gathered.", []want{{200, "people", Other, 200, nan}}},
		{"a quarter of a million", "Nearly a quarter of a million people fled.", []want{{250000, "people", Displaced, nan, 250000}}},
		{"year-olds counted", "Police held three 16-year-olds overnight.", []want{w(3, "people", Detained)}},
		// Thousands groups set apart by a plain space.
		{"space-grouped thousands", "About 40 000 people fled the city.", []want{{40000, "people", Displaced, nan, nan}}},
		// A scale glued to a number word by a hyphen.
		{"hyphenated scale", "Some two-dozen people were hurt.", []want{w(24, "people", Injured)}},
		// The first of a pair shares the noun of the second.
		{"pair sharing a unit", "They were jailed for 12 and 15 years.", []want{w(12, "years", Duration), w(15, "years", Duration)}},
		{"pair sharing percent", "Rents rose 6 or 7 percent.", []want{w(6, "percent", Other), w(7, "percent", Other)}},
		// A short quotation of a figure written as data quotes the figure;
		// a slogan of number words ("one country, two systems") does not.
		{"quoted figure", `The study gives a "total of 2,418 cases" in the province.`, []want{w(2418, "cases", Other)}},
		{"quoted number words", `The clerk wrote "three hundred and six" on the form.`, []want{w(306, "", Other)}},
		// A capitalised word after the number that is what is counted.
		{"title case count", "Blast Kills 52 People in Kabul", []want{w(52, "people", Killed)}},
		// A tally keeps its first number, with no unit of "to".
		{"tally", "The motion passed 214-to-187.", []want{w(214, "", Other)}},
	}
	for _, tt := range tests {
		t.Run(tt.cause, func(t *testing.T) {
			got := Extract(tt.text).Stats
		rows:
			for _, wt := range tt.want {
				for _, s := range got {
					if math.Abs(s.Value-wt.value) > 1e-9 || s.Unit != wt.unit || s.Category != wt.cat {
						continue
					}
					if !math.IsNaN(wt.lo) && (s.Lower == nil || *s.Lower != wt.lo) || !math.IsNaN(wt.hi) && (s.Upper == nil || *s.Upper != wt.hi) {
						continue
					}
					continue rows
				}
				t.Errorf("%q: no figure %v %q %s in %s", tt.text, wt.value, wt.unit, wt.cat, statsString(got))
			}
		})
	}
}

// TestNotQuantities: years, dates, times, ordinals and numbers inside names
// are still not quantities.
func TestNotQuantities(t *testing.T) {
	for _, text := range []string{
		"The war began in 2011.",
		"The talks opened on 12 February.",
		"The strike hit at 10 p.m. on Friday.",
		"It was the third attack this month.",
		"COVID-19 spread fast.",
		"Resolution 2254 was adopted.",
		"He left the meeting at 5p.m. sharp.",
		"She played in the second half of the match.",
		"The clinic offers one-on-one sessions.",
		"Her father fought in World War Two.",
		"Monday, March 2, 2020\n\nOfficials of the regional council met on Sunday.",
		"The city hosted the 2018 Men's Open in spring.",
		"She led the rescue in 1979 of several aid workers.",
		"The disease is common in the United Kingdom (3).",
		"The storm grew into Tropical Storm Three overnight.",
		"It sells a 3-in-1 charger.",
		"The airline flies the A320 and 777 on that route.",
		// One person nothing befell is "a", not a figure.
		"One resident told the radio that the water was rising.",
		"The court saw a letter from one victim.",
		// A number between two capitalised words of a name.
		"The Lost 34 Society names the ship in its report.",
		// A mistyped thousands group: which number was meant is unknown.
		"The island has roughly 90,0000 residents.",
	} {
		if got := Extract(text).Stats; len(got) != 0 {
			t.Errorf("%q: want no figures, got %s", text, statsString(got))
		}
	}
}

func statsString(st []Stat) string {
	out := "["
	for i, s := range st {
		if i > 0 {
			out += " "
		}
		out += "{" + s.Text + " = " + FormatNumber(s.Value) + " " + s.Unit + " " + string(s.Category) + "}"
	}
	return out + "]"
}

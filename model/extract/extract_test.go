package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func str(s string) *string { return &s }

func TestQuotePairing(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		{"curly", `He said “we will stay,” and left.`, []string{"we will stay,"}},
		{"straight", `"We will stay," he said.`, []string{"We will stay,"}},
		{"guillemets", `Il a dit « nous restons » hier.`, []string{"nous restons"}},
		{"low-high", `Er sagte „wir bleiben“ gestern.`, []string{"wir bleiben"}},
		{"mixed opener", `The”cessation of hostilities” agreement`, []string{"cessation of hostilities"}},
		{"apostrophes", `Assad’s forces don't stop; the students’ union met.`, nil},
		{"single", `She called it ‘a disgrace to all of us’ on Monday.`, []string{"a disgrace to all of us"}},
		{"nested", `“He told me ‘never again’ and meant it,” she said.`, []string{"He told me ‘never again’ and meant it,"}},
		{"ellipsis brackets", `“…really showed [the conflict] could spiral…,” he said.`, []string{"…really showed [the conflict] could spiral…,"}},
		{"orphan", `An orphan “ mark and nothing else`, nil},
		{"stray spaces", `"Who are we? " she wrote. " You did well," he said. “ I love it.”`, []string{"Who are we?", "You did well,", "I love it."}},
		{"plural possessive inside single quotes", `‘The soldiers’ families are waiting,’ he said.`, []string{"The soldiers’ families are waiting,"}},
		{"two single-quoted phrases", `It crossed his ‘very clear red line’ and then ‘went much too far,’ she said.`, []string{"very clear red line", "went much too far,"}},
		{"unclosed runs to paragraph end", "“First part.\n\n“Second part.”", []string{"First part.", "Second part."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Extract(c.in)
			var got []string
			for _, q := range r.Quotes {
				got = append(got, q.Text)
				if c.in[q.Start:q.End] != q.Text {
					t.Errorf("span %d:%d is %q, text %q", q.Start, q.End, c.in[q.Start:q.End], q.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// TestAttribution pins each attribution rule on a sentence of its own. It
// tests the rules, which propose speakers; what the ranker keeps of them
// is measured on labelled articles (TestTrainSpeakersCrossValidated) and
// on whole texts (TestRankerChoosesAndAbstains).
func TestAttribution(t *testing.T) {
	cases := []struct {
		name, in string
		speaker  []*string
		role     string
	}{
		{"Q, X said", `“We are ready,” John Smith said.`, []*string{str("John Smith")}, ""},
		{"Q, said X", `“We are ready,” said Defence Minister Anna Kowalska.`, []*string{str("Anna Kowalska")}, "Defence Minister"},
		{"X said: Q", `Omar Hassan said: “The road is closed.”`, []*string{str("Omar Hassan")}, ""},
		{"X said that Q", `Omar Hassan said that “the road is closed.”`, []*string{str("Omar Hassan")}, ""},
		{"told Y", `Maria Lopez told Reuters in an email that “nothing has changed.”`, []*string{str("Maria Lopez")}, ""},
		{"according to", `The deal, according to the United Nations, is “fragile at best.”`, []*string{str("United Nations")}, ""},
		{"Q1 X said. Q2", `“It is over,” Omar Hassan said. “We go home now.”`, []*string{str("Omar Hassan"), str("Omar Hassan")}, ""},
		{"he added", "Peter Novak, the mayor, spoke first.\n\nHe added: “We need water.”", []*string{str("Peter Novak")}, ""},
		{"she not he", "John Reed met Sarah Mills on Monday. Mills said the talks failed.\n\n“It was hopeless,” she said.", []*string{str("Sarah Mills")}, ""},
		{"fullest name", "Ian Bremmer spoke. Later, “It is far off,” Bremmer said.", []*string{str("Ian Bremmer")}, ""},
		{"mr", "John Kerry arrived. “We agreed,” Mr. Kerry said.", []*string{str("John Kerry")}, ""},
		{"apposition", `Ian Bremmer, the president of the Eurasia group, told the paper that a ceasefire was “still a far off hope.”`, []*string{str("Ian Bremmer")}, "president of the Eurasia group"},
		{"I never", `“I was there,” I said.`, []*string{nil}, ""},
		{"scare quote", `The so-called “peace plan” collapsed.`, []*string{nil}, ""},
		{"described as", `Kofi Mensah described the attack as “an outrage.”`, []*string{str("Kofi Mensah")}, ""},
		{"statement", "The Defence Ministry said in a statement on Monday that it had withdrawn.\n\n“The operation is complete,” the statement said.", []*string{str("Defence Ministry")}, ""},
		{"British single quotes", "'We won't leave our homes,' said Fatima Ali, 34. 'They will have to carry us out.'", []*string{str("Fatima Ali"), str("Fatima Ali")}, ""},
		{"age", "“We stay,” Fatima Ali, 34, said.", []*string{str("Fatima Ali")}, ""},
		{"headline colon", "Zelensky: “We will not give up”", []*string{str("Zelensky")}, ""},
		{"name as apposition", "“We’re ready,” the commander, Col. Ivan Petrov, told reporters.", []*string{str("Ivan Petrov")}, ""},
		{"the actor", "Veteran actor James Smith arrived. Senator Mary Jones met him.\n\n“It was long,” said the actor.", []*string{str("James Smith")}, ""},
		{"the envoy", "Kurt Volker, former special envoy to Kyiv, testified. Jane Doe spoke too.\n\n“I objected,” the envoy said.", []*string{str("Kurt Volker")}, ""},
		{"the man unnamed", "The study, in BMJ Case Reports, the 43-year-old man, was published.\n\n“I am well,” the man wrote.", []*string{nil}, ""},
		{"middle initial A.", "Sonya A. Zoghlin, his attorney, said her client was sorry.\n\n“He is sorry,” she said in an email.", []*string{str("Sonya A. Zoghlin")}, ""},
		{"Jr.", "Patrick Carlineo Jr., 55, pleaded guilty. “Pat Carlineo is sorry,” his lawyer said. Carlineo said he “would pay.”", []*string{nil, str("Patrick Carlineo Jr.")}, ""},
		{"described then named", `Talks were “going nowhere,” said another witness in the probe, former State Department adviser Fiona Hill.`, []*string{str("Fiona Hill")}, ""},
		{"weighed in", `“We all miss him,” Marc Benioff weighed in.`, []*string{str("Marc Benioff")}, ""},
		{"introduced as", `Marc Benioff introduced Tim Cook to the audience as “someone who redefined the job.”`, []*string{str("Marc Benioff")}, ""},
		{"show title", `“It was a bad year,” Matt Maley said on CNBC's “Trading Nation” on Monday. “It is over now.”`, []*string{str("Matt Maley"), nil, str("Matt Maley")}, ""},
		{"participle after quote", `“Bigger than the little deal” announced in October, said Derek Scissors, a scholar.`, []*string{str("Derek Scissors")}, ""},
		{"new sentence after a quote", `“I visited him,” Dale Ford wrote. “We went to dinner.” Martha Fry added that the letter was kind.`, []*string{str("Dale Ford"), str("Dale Ford")}, ""},
		{"role between body and name", `“It depends on Boeing,” responded NASA administrator Jim Bridenstine.`, []*string{str("Jim Bridenstine")}, ""},
		{"the production company", "Dick Clark Productions denied that it had settled.\n\n“At no time did we agree,” the production company said.", []*string{str("Dick Clark Productions")}, ""},
		{"the label", "Big Machine Label Group rejected the claims on Friday.\n\n“We never blocked her,” the label said.", []*string{str("Big Machine Label Group")}, ""},
		{"passive told", `Smith was told by an aide that the talks on “space” had stalled.`, []*string{nil}, ""},
		{"al- particle", "President Bashar al-Assad spoke on Monday. “We won,” Assad said.", []*string{str("Bashar al-Assad")}, ""},
		{"two particles", `“It is over,” said Ursula von der Leyen.`, []*string{str("Ursula von der Leyen")}, ""},
		{"the Observatory", "The Syrian Observatory for Human Rights said 12 people died. “The strikes hit a market,” the Observatory said.", []*string{str("Syrian Observatory for Human Rights")}, ""},
		{"the general, named later", "“We are ready,” the general told Reuters. UN Secretary-General Antonio Guterres spoke later.", []*string{nil}, ""},
		{"it said after a body", "Human Rights Watch urged restraint. “Civilians must be protected,” it said.", []*string{str("Human Rights Watch")}, ""},
		{"they said, the Taliban", "The Taliban said they had captured the district. “The enemy fled,” they said in a statement.", []*string{str("Taliban")}, ""},
		{"lone first name", "Médecins Sans Frontières said its clinic was hit.\n\nMariam, 29, said her house was destroyed. “Nothing is left,” she said.", []*string{str("Mariam")}, ""},
		{"capitalised unnamed group", "Officials told Reuters that the plan was “dead on arrival.”", []*string{nil}, ""},
		{"whose apposition", "John Smith, whose son was killed in the attack, said the army “failed us.”", []*string{str("John Smith")}, ""},
		{"unnamed official", "“We’re ready,” a senior official told reporters.", []*string{nil}, ""},
		{"title reference", "President Joe Banda arrived on Monday.\n\nThe president said: “We will rebuild.”", []*string{str("Joe Banda")}, ""},
		{"paragraph continuation", "“The road is closed,” said Omar Hassan.\n\n“Nobody can pass.”", []*string{str("Omar Hassan"), str("Omar Hassan")}, ""},
		{"subheading", "Omar Hassan spoke.\n\n“A long road ahead”\n\nThe talks resume.", []*string{nil}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Result{Quotes: newDoc(c.in).attributeWith(nil)}
			if len(r.Quotes) != len(c.speaker) {
				t.Fatalf("got %d quotes, want %d: %+v", len(r.Quotes), len(c.speaker), r.Quotes)
			}
			for i, q := range r.Quotes {
				got, want := "<nil>", "<nil>"
				if q.Speaker != nil {
					got = *q.Speaker
				}
				if c.speaker[i] != nil {
					want = *c.speaker[i]
				}
				if got != want {
					t.Errorf("quote %q: speaker %s, want %s", q.Text, got, want)
				}
				if c.role != "" && (q.Role == nil || *q.Role != c.role) {
					t.Errorf("quote %q: role %v, want %q", q.Text, q.Role, c.role)
				}
			}
		})
	}
}

func TestFigures(t *testing.T) {
	type fig struct {
		value    float64
		cat      Category
		unit     string
		qual     string
		vague    bool
		lo, hi   float64 // -1: nil
		spanText string
	}
	cases := []struct {
		in   string
		want []fig
	}{
		{"The war has claimed over 250,000 lives.", []fig{{250000, Killed, "people", "over", false, 250000, -1, "over 250,000 lives"}}},
		{"Nearly 7m people have fled.", []fig{{7e6, Displaced, "people", "nearly", false, -1, 7e6, "Nearly 7m people"}}},
		{"The fund holds $2.5bn.", []fig{{2.5e9, Money, "dollars", "", false, 2.5e9, 2.5e9, "$2.5bn"}}},
		{"Seven million people are in need.", []fig{{7e6, AtRisk, "people", "", false, 7e6, 7e6, "Seven million people"}}},
		{"Half a million were displaced.", []fig{{5e5, Displaced, "people", "", false, 5e5, 5e5, "Half a million"}}},
		{"Between 300 and 400 people were killed.", []fig{{300, Killed, "people", "between", false, 300, 400, "Between 300 and 400 people"}}},
		{"Some 10-15 trucks arrived.", []fig{{10, Aid, "trucks", "some", false, 10, 15, "Some 10-15 trucks"}}},
		{"Dozens of civilians were detained.", []fig{{12, Detained, "people", "", true, 12, -1, "Dozens of civilians"}}},
		{"Hundreds of thousands of refugees crossed.", []fig{{100000, Refugees, "people", "", true, 100000, -1, "Hundreds of thousands of refugees"}}},
		{"At least 12 soldiers were wounded.", []fig{{12, Injured, "troops", "at least", false, 12, -1, "At least 12 soldiers"}}},
		{"The EU gave €50m in aid.", []fig{{5e7, Aid, "euros", "", false, 5e7, 5e7, "€50m"}}},
		{"Prices rose 40% last month.", []fig{{40, Other, "percent", "", false, 40, 40, "40%"}}},
		{"In 2011, on February 1 at 10:30, Resolution 2254 and COVID-19 and the M2 highway and the 3rd brigade.", nil},
		{"Some 3,000 troops were deployed.", []fig{{3000, Military, "troops", "some", false, -1, -1, "Some 3,000 troops"}}},
		{"The rate was 18.9 deaths per 100,000 people.", []fig{{18.9, Killed, "people", "", false, 18.9, 18.9, "18.9 deaths"}}},
		{"Another aircraft confused the two airports.", []fig{{2, Other, "airports", "", false, 2, 2, "two airports"}}},
		{"A 5-year conflict.", []fig{{5, Duration, "years", "", false, 5, 5, "5-year"}}},
		{"One of them said no one knew.", nil},
		{"Many had been displaced two or three times, and some five times.", nil},
		{"Some 5,000-6,000 people fled.", []fig{{5000, Displaced, "people", "some", false, 5000, 6000, "Some 5,000-6,000 people"}}},
		{"Two dozen hostages were freed.", []fig{{24, Detained, "people", "", false, 24, 24, "Two dozen hostages"}}},
	}
	for _, c := range cases {
		r := Extract(c.in)
		if len(r.Stats) != len(c.want) {
			t.Errorf("%q: got %d figures %+v, want %d", c.in, len(r.Stats), r.Stats, len(c.want))
			continue
		}
		for i, s := range r.Stats {
			w := c.want[i]
			bound := func(p *float64) float64 {
				if p == nil {
					return -1
				}
				return *p
			}
			if s.Value != w.value || s.Category != w.cat || s.Unit != w.unit || s.Qualifier != w.qual || s.Vague != w.vague || bound(s.Lower) != w.lo || bound(s.Upper) != w.hi || s.Text != w.spanText {
				t.Errorf("%q: got %q v=%v cat=%s unit=%s q=%q vague=%v lo=%v hi=%v; want %+v", c.in, s.Text, s.Value, s.Category, s.Unit, s.Qualifier, s.Vague, bound(s.Lower), bound(s.Upper), w)
			}
		}
	}
}

func TestFormatText(t *testing.T) {
	text := "“We will stay,” said Ian Bremmer, the president of the Eurasia group. Over 250,000 lives were lost."
	out := FormatText(Extract(text), text)
	for _, want := range []string{"Ian Bremmer · president of the Eurasia group", "“We will stay,”", "killed", "over 250,000 people"} {
		if !strings.Contains(out, want) {
			t.Errorf("FormatText output lacks %q:\n%s", want, out)
		}
	}
}

func TestNonNil(t *testing.T) {
	r := Extract("")
	if r.Quotes == nil || r.Stats == nil {
		t.Fatal("nil slices")
	}
}

// checkSpans is what the fuzz test asserts on every input. Rune
// boundaries are those of Go's own decoding (for range), which also
// defines them for invalid UTF-8: a stray byte is a rune of its own.
func checkSpans(t *testing.T, in string) {
	bound := make(map[int]bool, len(in)+1)
	for i := range in {
		bound[i] = true
	}
	bound[len(in)] = true
	onRune := func(i int) bool { return bound[i] }
	r := Extract(in)
	if r.Quotes == nil || r.Stats == nil {
		t.Fatal("nil slices")
	}
	last := -1
	for _, q := range r.Quotes {
		if q.Start < 0 || q.End > len(in) || q.Start > q.End {
			t.Fatalf("quote span %d:%d outside %d bytes", q.Start, q.End, len(in))
		}
		if !onRune(q.Start) || !onRune(q.End) {
			t.Fatalf("quote span %d:%d not on rune boundaries", q.Start, q.End)
		}
		if in[q.Start:q.End] != q.Text {
			t.Fatalf("quote text %q is not input[%d:%d]", q.Text, q.Start, q.End)
		}
		if q.Start < last {
			t.Fatalf("quotes out of order")
		}
		last = q.Start
	}
	last = -1
	for _, s := range r.Stats {
		if s.Start < 0 || s.End > len(in) || s.Start > s.End {
			t.Fatalf("stat span %d:%d outside %d bytes", s.Start, s.End, len(in))
		}
		if !onRune(s.Start) || !onRune(s.End) {
			t.Fatalf("stat span %d:%d not on rune boundaries", s.Start, s.End)
		}
		if in[s.Start:s.End] != s.Text {
			t.Fatalf("stat text %q is not input[%d:%d]", s.Text, s.Start, s.End)
		}
		if s.Start < last {
			t.Fatalf("stats out of order")
		}
		last = s.Start
	}
	_ = FormatText(r, in)
}

func FuzzExtract(f *testing.F) {
	seeds := []string{
		"", "“", "”", "\"", "'", "‘’", "« »", "„“", "The”cessation”", "“a\n\n“b", "$", "$5", "5-", "-5",
		"1,", ",000", "1,000,", "between 3 and", "half a", "dozens of", "Mr.", "Mr. Kerry said", "“Q,” said",
		"“Q,” he said.", "According to", "12-year-old", "2013-14", "10-15 trucks", "\xff\xfe", "5\u202f000",
		"ü“ö”", "“x” “y” “z”", "He said: “", "US$", "US$ 1.2 billion", "€50m", "£3",
	}
	if b, err := os.ReadFile(filepath.Join("testdata", "guard", "syria-ceasefire.txt")); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, g := range loadGoldQuiet(filepath.Join("testdata", "articles", "*.json")) {
		seeds = append(seeds, g.Text)
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkSpans(t, in)
	})
}

// TestHardWrapped checks that a text wrapped at 60 columns, paragraphs
// still separated by blank lines, gives the same quotations and speakers.
func TestHardWrapped(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "guard", "syria-ceasefire.txt"))
	if err != nil {
		t.Fatalf("reference story missing from the repository: %v", err)
	}
	text := string(b)
	var wrapped strings.Builder
	for _, p := range strings.Split(text, "\n\n") {
		col := 0
		for i, w := range strings.Fields(p) {
			if i > 0 {
				if col+1+len(w) > 60 {
					wrapped.WriteByte('\n')
					col = 0
				} else {
					wrapped.WriteByte(' ')
					col++
				}
			}
			wrapped.WriteString(w)
			col += len(w)
		}
		wrapped.WriteString("\n\n")
	}
	flat := func(r Result) []string {
		var out []string
		for _, q := range r.Quotes {
			s := "<nil>"
			if q.Speaker != nil {
				s = *q.Speaker
			}
			out = append(out, strings.Join(strings.Fields(q.Text), " ")+" | "+s)
		}
		return out
	}
	got, want := flat(Extract(wrapped.String())), flat(Extract(text))
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("wrapped text gives\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

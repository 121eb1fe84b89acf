// Package extract finds direct quotations (with their speakers) and the
// figures that matter (casualties, displacement, aid, money...) in plain
// news text. It is pure: text in, spans out, no I/O, no global mutable state.
//
// Offsets are byte offsets into the input string. For a Stat, Text is exactly
// input[Start:End]. For a Quote, Text is the quoted words without their quote
// marks and input[Start:End] is exactly Text.
//
// # Conventions
//
// Quotations. Text is everything between the marks, trimmed of white space,
// punctuation inside the marks included ("…on the ground,"). Marks pair by
// kind; a mark of the other kind inside a quotation is nested text. A
// quotation never crosses a paragraph: one left open at the end of its
// paragraph ends there, and the next paragraph that opens with a mark
// continues the same speaker, as news copy does. Single-quoted spans of
// fewer than four words with no speaker are headline shorthand or scare
// quotes and are left out; double-quoted scare quotes are kept with a nil
// Speaker. Speaker is the fullest name the text gives (Bremmer → Ian
// Bremmer); bodies speak too (AP, the US military, "the statement" → the
// body that issued it). Unnamed people ("a spokesman", "officials"), I and
// we give a nil Speaker, and so does "they" unless it stands for a body
// named as the subject of the sentence before ("Big Machine have denied
// it. “…,” they said"); "it said" takes the body that spoke just before.
// No speaker is better than a wrong one.
//
// Figures. Value is the number as written (1.4 million → 1400000). Bounds:
// an exact figure has Lower = Upper = Value; "over", "more than", "at least",
// "or more" set Lower only; "almost", "nearly", "up to", "fewer than" set
// Upper only; "about", "around", "some", "an estimated" set neither. A range
// ("between 300 and 400", "10-15") has Value = Lower, the conservative end.
// Vague counts are kept with Vague set and a conservative lower bound as
// Value and Lower, as ACLED codes them: dozens 12, scores 20, hundreds 100,
// thousands 1,000, tens of thousands 10,000, hundreds of thousands 100,000,
// millions 1,000,000, "several hundred" 200. Years, dates, times, ages,
// ordinals, ratios ("one in five") and numbers inside names (Resolution
// 2254, COVID-19, the M2 highway) are not figures, nor are bare numbers with
// no unit and no meaning nearby (table cells, scores, "seating for four").
// Unit is what is counted: people (any noun for persons), troops (soldiers,
// troops), a currency (dollars, euros, pounds…), percent, a time unit for
// durations, or the counted noun itself (countries, trucks, homes).
// Category comes from the event word nearest the figure in its sentence.
package extract

// Quote is one direct quotation.
type Quote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"` // fullest name the article gives, or nil
	Role    *string `json:"role"`    // apposition such as "president of the Eurasia group", or nil
	Start   int     `json:"start"`
	End     int     `json:"end"`
}

// Stat is one figure with its meaning.
type Stat struct {
	Text      string   `json:"text"`
	Value     float64  `json:"value"`
	Lower     *float64 `json:"lower"`
	Upper     *float64 `json:"upper"`
	Qualifier string   `json:"qualifier"` // "over", "about", "up to", "" ...
	Unit      string   `json:"unit"`      // people, troops, tonnes, dollars, percent...
	Category  Category `json:"category"`
	Vague     bool     `json:"vague"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Category is what a figure counts.
type Category string

// The statistic categories of the JSON contract in DESIGN.md.
const (
	Killed    Category = "killed"
	Injured   Category = "injured"
	Displaced Category = "displaced"
	Refugees  Category = "refugees"
	Detained  Category = "detained"
	Missing   Category = "missing"
	AtRisk    Category = "at_risk"
	Aid       Category = "aid"
	Military  Category = "military"
	Money     Category = "money"
	Duration  Category = "duration"
	Other     Category = "other"
)

// Result is everything found in one text, each list ordered by Start.
type Result struct {
	Quotes []Quote `json:"quotes"`
	Stats  []Stat  `json:"stats"`
}

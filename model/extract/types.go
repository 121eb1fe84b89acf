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

package extract

// Extract analyses one article of plain text (paragraphs separated by blank
// lines) and returns its quotations and figures.
//
// PLACEHOLDER: this boundary is filled by the extraction work (issue 3).
// Until then it honestly finds nothing.
func Extract(text string) Result {
	return Result{Quotes: []Quote{}, Stats: []Stat{}}
}

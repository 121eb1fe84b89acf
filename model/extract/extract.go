package extract

// Extract analyses one article of plain text (paragraphs separated by blank
// lines) and returns its quotations and figures, each ordered by Start.
// The slices are never nil.
func Extract(text string) Result {
	d := newDoc(text)
	quotes := d.attribute()
	stats := d.figures()
	return Result{Quotes: quotes, Stats: stats}
}

// allFigures is Extract's figures alone; the number-suite test uses it.
func allFigures(text string) []Stat {
	return newDoc(text).figures()
}

package export

import (
	"bufio"
	"encoding/csv"
	"strconv"
	"strings"
	"time"
)

// figuresCSV writes one row per figure of the selected stories, for a
// spreadsheet or a script: the story it comes from (id, title, source,
// date, link), what it counts (category, value, bounds, unit, qualifier,
// vague), the figure as written, the sentence it stands in and its byte
// offsets into the story text. encoding/csv quotes commas, quotes and
// newlines (RFC 4180), so every standard reader reads it back.
type figuresCSV struct {
	w *csv.Writer
}

// csvHeader names the columns.
var csvHeader = []string{"story_id", "title", "source", "published", "link", "category", "value", "lower", "upper",
	"unit", "qualifier", "vague", "text", "sentence", "start", "end"}

func (c *figuresCSV) begin(w *bufio.Writer, _ int) {
	c.w = csv.NewWriter(w)
	c.w.Write(csvHeader)
	c.w.Flush()
}

func (c *figuresCSV) story(_ *bufio.Writer, s story) error {
	published := ""
	if !s.Published.IsZero() {
		published = s.Published.UTC().Format(time.RFC3339)
	}
	for _, st := range s.Stats {
		row := []string{
			strconv.FormatInt(s.ID, 10), cell(s.Title), cell(s.Source), published, cell(s.Link),
			string(st.Category), num(&st.Value), num(st.Lower), num(st.Upper),
			cell(st.Unit), cell(st.Qualifier), strconv.FormatBool(st.Vague),
			cell(st.Text), cell(sentence(s.Body, st.Start, st.End)),
			strconv.Itoa(st.Start), strconv.Itoa(st.End),
		}
		if err := c.w.Write(row); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}

func (c *figuresCSV) end(*bufio.Writer, int, int) { c.w.Flush() }

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// cell keeps a text from being read as a formula by a spreadsheet (CSV
// injection): one that starts with = + - @ or a tab gets a leading '.
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

package export

import (
	"bufio"
	"encoding/json"
	"strconv"
	"strings"
)

// cslJSON writes the selected stories as CSL-JSON, the citation format
// Zotero, Mendeley and pandoc read: one JSON array of newspaper articles
// with title, source (container-title), author, date, link, the reader's
// tags as keywords and note.
type cslJSON struct {
	n int
}

type cslItem struct {
	ID        string    `json:"id"`
	Type      string    `json:"type"`
	Title     string    `json:"title"`
	Container string    `json:"container-title,omitempty"`
	Author    []cslName `json:"author,omitempty"`
	Issued    *cslDate  `json:"issued,omitempty"`
	URL       string    `json:"URL,omitempty"`
	Keyword   string    `json:"keyword,omitempty"`
	Note      string    `json:"note,omitempty"`
	Source    string    `json:"source"`
}

type cslName struct {
	Literal string `json:"literal"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

func (c *cslJSON) begin(w *bufio.Writer, _ int) { w.WriteString("[") }

func (c *cslJSON) story(w *bufio.Writer, s story) error {
	item := cslItem{
		ID:        "sitrep-" + strconv.FormatInt(s.ID, 10),
		Type:      "article-newspaper",
		Title:     s.Title,
		Container: s.Source,
		URL:       s.Link,
		Keyword:   strings.Join(s.Tags, ", "),
		Note:      s.Note,
		Source:    "sitrep",
	}
	if s.Author != "" {
		// Feeds give bylines as one string ("Jane Roe and John Doe",
		// "Desk"): a literal name cites it as written.
		item.Author = []cslName{{Literal: s.Author}}
	}
	if !s.Published.IsZero() {
		p := s.Published.UTC()
		item.Issued = &cslDate{DateParts: [][]int{{p.Year(), int(p.Month()), p.Day()}}}
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // titles and notes are prose: "<" stays "<"
	enc.SetIndent("  ", "  ")
	if err := enc.Encode(item); err != nil {
		return err
	}
	if c.n > 0 {
		w.WriteString(",")
	}
	c.n++
	w.WriteString("\n  ")
	w.WriteString(strings.TrimSuffix(b.String(), "\n"))
	return nil
}

func (c *cslJSON) end(w *bufio.Writer, _, _ int) { w.WriteString("\n]\n") }

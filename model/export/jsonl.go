package export

import (
	"bufio"
	"encoding/json"
	"time"

	"sitrep/model/extract"
)

// jsonLines writes one JSON object per story, one per line, with no header
// so that every line parses on its own. Quotes and stats use the extract
// package's JSON tags: the same contract as `sitrep extract --json`, with
// start/end as byte offsets into "text".
type jsonLines struct{}

// jsonStory is one line. Author and link are null when the feed gave none,
// as the extract contract uses null for a missing speaker.
type jsonStory struct {
	Title     string          `json:"title"`
	Source    string          `json:"source"`
	Author    *string         `json:"author"`
	Published *string         `json:"published"` // RFC 3339, UTC
	Link      *string         `json:"link"`
	Tags      []string        `json:"tags"` // the reader's tags, [] for none
	Note      string          `json:"note"` // the reader's note, "" for none
	Quotes    []extract.Quote `json:"quotes"`
	Stats     []extract.Stat  `json:"stats"`
	Text      string          `json:"text"`
	// What import-json needs to put the story back where it was: its
	// feed, its key in the feed and the reader's triage.
	FeedURL  string `json:"feed_url"`
	Key      string `json:"key"`
	Read     bool   `json:"read"`
	Starred  bool   `json:"starred"`
	Archived bool   `json:"archived"`
}

func (jsonLines) begin(*bufio.Writer, int) {}

func (jsonLines) story(w *bufio.Writer, s story) error {
	line := jsonStory{
		Title:  s.Title,
		Source: s.Source,
		Author: nilIfEmpty(s.Author),
		Link:   nilIfEmpty(s.Link),
		Quotes: s.Quotes,
		Stats:  s.Stats,
		Tags:   s.Tags,
		Note:   s.Note,
		Text:   s.Body,

		FeedURL:  s.FeedURL,
		Key:      s.Key,
		Read:     s.Read,
		Starred:  s.Starred,
		Archived: s.Archived,
	}
	if line.Tags == nil {
		line.Tags = []string{}
	}
	if !s.Published.IsZero() {
		p := s.Published.UTC().Format(time.RFC3339)
		line.Published = &p
	}
	// Empty lists are [] rather than null, as in `sitrep extract --json`.
	if line.Quotes == nil {
		line.Quotes = []extract.Quote{}
	}
	if line.Stats == nil {
		line.Stats = []extract.Stat{}
	}
	enc := json.NewEncoder(w)
	// Quotes and text are prose: "<" and "&" stay readable, not \u003c.
	enc.SetEscapeHTML(false)
	return enc.Encode(line)
}

func (jsonLines) end(*bufio.Writer, int, int) {}

func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

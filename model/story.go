// Package model says what sitrep works with: feeds, stories, their
// highlights and the reader's triage state. It holds no I/O.
package model

import (
	"time"

	"sitrep/model/extract"
)

// Feed is one subscription and its polling state.
type Feed struct {
	ID       int64
	URL      string // the URL polled; a permanent redirect rewrites it
	Title    string // sanitised
	SiteURL  string
	Tags     []string // from OPML folders
	FullText bool     // fetch the linked page when an item carries only a summary

	// Conditional GET validators from the last 200 answer.
	ETag         string
	LastModified string

	LastPoll   time.Time // zero if never polled
	NextPoll   time.Time // earliest time the poller may ask again
	LastError  string    // "" when the last poll succeeded
	ErrorCount int       // consecutive failed polls
	// UpdateHint is the feed's own word on how often it changes (RSS <ttl>,
	// sy:updatePeriod), kept so that polls answered 304, which carry no
	// feed to read it from, still honour it.
	UpdateHint time.Duration

	// Filled by the store when listing feeds.
	Unread int
	Total  int
}

// Triage is what the reader decided about a story.
type Triage struct {
	Read     bool
	Starred  bool
	Archived bool
}

// Story is one item of a feed, with its text and highlights.
type Story struct {
	ID        int64
	FeedID    int64
	FeedTitle string
	// Key identifies the story within its feed: guid, else link, else a hash
	// of title and date. The same key seen again updates the stored story.
	Key       string
	Link      string // http/https only; "" when the item had no safe link
	Title     string
	Author    string
	Published time.Time // first-seen time when the feed gave none; never in the future
	FirstSeen time.Time
	Body      string // plain text, paragraphs separated by "\n\n"; sanitised
	Words     int
	Quotes    []extract.Quote // spans into Body
	Stats     []extract.Stat  // spans into Body
	// Note is the reader's own note on the story ("" for none); Tags are
	// the reader's tags, normalised (see store.NormalizeTags) and sorted.
	Note string
	Tags []string
	// NoteAuthor is who wrote the note on a team's store ("" on SQLite,
	// where the reader is the only one).
	NoteAuthor string
	// TagAuthors says who put each tag on, on a team's store (nil on
	// SQLite; tags from before authors were kept are missing).
	TagAuthors map[string]string
	Triage
}

// StoryHeader is what the queue shows of a story: no body, no highlights.
type StoryHeader struct {
	ID         int64
	FeedID     int64
	FeedTitle  string
	Title      string
	Link       string
	Published  time.Time
	QuoteCount int
	// Headline is the largest human-cost figure of the story (see Headline),
	// or nil.
	Headline *HeadlineFigure
	Tags     []string // the reader's tags, sorted
	HasNote  bool     // the reader wrote a note on the story
	// Cluster is the story's cluster of near-duplicates (0: alone) and
	// ClusterSize how many stories it holds (0 alone); ClaimsDiffer says two of
	// them give different figures of one category (212 killed, 190 killed).
	Cluster      int64
	ClusterSize  int
	ClaimsDiffer bool
	Triage
}

// HeadlineFigure is the badge of a story in the queue: "☠ 250,000".
type HeadlineFigure struct {
	Category extract.Category
	Value    float64
	Text     string // the figure as written, e.g. "over 250,000"
}

// View is which slice of the stories the queue shows.
type View int

// The queue views. All, Unread and Feed leave archived stories out.
const (
	ViewAll View = iota
	ViewUnread
	ViewStarred
	ViewArchived
	ViewFeed // stories of Filter.FeedID
)

// Filter selects the queue's stories; they come newest first. The view is
// the state (all, unread, starred, archived); FeedID, Tag and Search
// narrow it, so they combine: "unread in feed X", "starred with tag Y".
// ViewFeed is ViewAll of FeedID, kept for callers that name it so.
type Filter struct {
	View   View
	FeedID int64  // only this feed's stories; 0 for any
	Search string // full-text query; "" for none
	Tag    string // only stories with this tag (normalised); "" for any
	// Cluster shows the stories of one cluster, every one; 0 shows each
	// cluster once, as its earliest story (the queue's way).
	Cluster int64
}

// TagCount is one of the reader's tags and how many stories carry it.
type TagCount struct {
	Tag   string
	Count int
}

// Counts are the numbers beside All, Unread, Starred and Archived.
type Counts struct {
	All, Unread, Starred, Archived int
}

// SaveResult says what saving a feed's stories did.
type SaveResult struct {
	New     int // stories not seen before
	Updated int // stories whose content changed
}

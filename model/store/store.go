// Package store keeps feeds, stories and triage state. Store is the narrow
// interface the poller and the reader need, in their words; SQLite
// (modernc.org/sqlite, no cgo) is behind it today, and a shared PostgreSQL
// server may be later, so SQL stays portable wherever that costs nothing and
// SQLite specifics (pragmas, FTS5) live in one file.
package store

import (
	"context"
	"errors"
	"time"

	"sitrep/model"
)

// ErrNotFound is returned when a feed or story does not exist.
var ErrNotFound = errors.New("not found")

// Store is what sitrep persists. Every write runs in one transaction.
type Store interface {
	// AddFeed subscribes to url. created is false when it was already there
	// (the existing feed is returned).
	AddFeed(ctx context.Context, url string) (feed model.Feed, created bool, err error)
	// RemoveFeed unsubscribes and deletes the feed's stories.
	RemoveFeed(ctx context.Context, url string) error
	// Feeds lists every feed with its Unread and Total counts, by title.
	Feeds(ctx context.Context) ([]model.Feed, error)
	Feed(ctx context.Context, id int64) (model.Feed, error)
	// RenameFeed names a feed as the reader likes ("" restores its own
	// title); SetFullText turns fetching linked pages on or off.
	RenameFeed(ctx context.Context, id int64, title string) error
	SetFullText(ctx context.Context, id int64, on bool) error
	// KeptCounts says how many starred, tagged and noted stories removing
	// a feed would take, and how many stories carry any of these.
	KeptCounts(ctx context.Context, id int64) (starred, tagged, noted, kept int, err error)
	// Unsubscribe removes a feed from the list and the polling; with keep,
	// its starred, tagged and noted stories stay.
	Unsubscribe(ctx context.Context, id int64, keep bool) error
	// SaveFeedState writes the polling state of a feed: URL (after a
	// permanent redirect), Title, SiteURL, Tags, FullText, validators, poll
	// times and error fields.
	SaveFeedState(ctx context.Context, f model.Feed) error
	// MarkPolled records a 304 or an unchanged round: LastPoll, NextPoll and a
	// cleared error only.
	MarkPolled(ctx context.Context, feedID int64, lastPoll, nextPoll time.Time) error

	// ContentHashes returns, for those of keys already stored in the feed,
	// the hash that was saved with their content, so the poller re-runs
	// extraction only on changed stories.
	ContentHashes(ctx context.Context, feedID int64, keys []string) (map[string]string, error)
	// UpsertStories inserts new stories and updates changed ones (matched by
	// FeedID and Key), keeping their triage state. hashes[i] is the content
	// hash of stories[i].
	UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error)

	// Queue returns one page of headers, newest first.
	Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error)
	// QueueLen counts the stories of a filter.
	QueueLen(ctx context.Context, f model.Filter) (int, error)
	// QueueIndex is where story id stands in a filter's queue, -1 if the
	// filter does not show it.
	QueueIndex(ctx context.Context, f model.Filter, id int64) (int, error)
	// Story loads one story with its body and highlights.
	Story(ctx context.Context, id int64) (model.Story, error)
	Counts(ctx context.Context) (model.Counts, error)
	// SetTriage writes a story's read/starred/archived state.
	SetTriage(ctx context.Context, id int64, t model.Triage) error
	// ChangeTriage writes only the flags the change names.
	ChangeTriage(ctx context.Context, id int64, c model.TriageChange) error
	// MarkRead marks every unread story of a filter read; ArchiveRead
	// archives its read, unstarred stories. Both return the ids changed,
	// which UnmarkRead and Unarchive put back (undo).
	MarkRead(ctx context.Context, f model.Filter) ([]int64, error)
	ArchiveRead(ctx context.Context, f model.Filter) ([]int64, error)
	UnmarkRead(ctx context.Context, ids []int64) error
	Unarchive(ctx context.Context, ids []int64) error
	// CountUnread and CountArchivable say how many stories MarkRead and
	// ArchiveRead of a filter would change.
	CountUnread(ctx context.Context, f model.Filter) (int, error)
	CountArchivable(ctx context.Context, f model.Filter) (int, error)
	// SetNote replaces a story's note ("" removes it). ErrNotFound when the
	// story does not exist.
	SetNote(ctx context.Context, id int64, note string) error
	// SetTags replaces a story's set of tags with tags, normalised by
	// NormalizeTags (an empty set removes them all). ErrNotFound when the
	// story does not exist.
	SetTags(ctx context.Context, id int64, tags []string) error
	// ChangeTags adds and removes tags one by one, leaving the others.
	ChangeTags(ctx context.Context, id int64, add, remove []string) error
	// Tags lists every tag in use with the number of stories carrying it
	// (archived ones included), by tag.
	Tags(ctx context.Context) ([]model.TagCount, error)

	// SaveSearch keeps a query under a name (replacing one of that name);
	// Searches lists them with their unread counts; ImportSearches adds
	// those whose names are missing; ExportSearches writes config.toml's
	// [searches] table.
	SaveSearch(ctx context.Context, name, query string) error
	DeleteSearch(ctx context.Context, name string) error
	Searches(ctx context.Context) ([]model.SavedSearch, error)
	ImportSearches(ctx context.Context, ss []model.SavedSearch) (int, error)
	ExportSearches(ctx context.Context) (string, error)

	Close() error
}

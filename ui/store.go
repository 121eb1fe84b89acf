package ui

import (
	"context"

	"sitrep/model"
)

// Store is what the reader asks of the store, and no more: the methods
// the ui calls, in their words. store.Store (SQLite) is one; tests can
// fake it.
type Store interface {
	Counts(ctx context.Context) (model.Counts, error)
	Feeds(ctx context.Context) ([]model.Feed, error)
	Tags(ctx context.Context) ([]model.TagCount, error)
	Searches(ctx context.Context) ([]model.SavedSearch, error)
	SaveSearch(ctx context.Context, name, query string) error
	DeleteSearch(ctx context.Context, name string) error

	Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error)
	QueueLen(ctx context.Context, f model.Filter) (int, error)
	QueueIndex(ctx context.Context, f model.Filter, id int64) (int, error)
	Story(ctx context.Context, id int64) (model.Story, error)

	// ChangeTriage and ChangeTags write only what a key changed, so two
	// readers on one database keep each other's decisions.
	ChangeTriage(ctx context.Context, id int64, c model.TriageChange) error
	ChangeTags(ctx context.Context, id int64, add, remove []string) error
	SetNote(ctx context.Context, id int64, note string) error

	CountUnread(ctx context.Context, f model.Filter) (int, error)
	CountArchivable(ctx context.Context, f model.Filter) (int, error)
	MarkRead(ctx context.Context, f model.Filter) ([]int64, error)
	ArchiveRead(ctx context.Context, f model.Filter) ([]int64, error)
	UnmarkRead(ctx context.Context, ids []int64) error
	Unarchive(ctx context.Context, ids []int64) error

	RenameFeed(ctx context.Context, id int64, title string) error
	SetFullText(ctx context.Context, id int64, on bool) error
	KeptCounts(ctx context.Context, id int64) (starred, tagged, noted, kept int, err error)
	Unsubscribe(ctx context.Context, id int64, keep bool) error
}

// PollResult is what polling one feed did, as the reader shows it.
type PollResult struct {
	Title   string // the feed's title, from outside: sanitised before it is drawn
	New     int
	Updated int
	Err     error
}

// PollFunc polls one feed; main adapts (*feeds.Poller).Poll to it.
type PollFunc = func(ctx context.Context, f model.Feed) PollResult

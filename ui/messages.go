package ui

import (
	"sitrep/model"
)

// Every result of I/O reaches Update as one of these typed messages. The
// commands that produce them never touch the model; Update applies them.

// countsLoadedMsg carries the numbers beside All, Unread, Starred, Archived.
type countsLoadedMsg struct {
	counts model.Counts
	err    error
}

// feedsLoadedMsg carries the feed list with unread counts and errors.
type feedsLoadedMsg struct {
	feeds []model.Feed
	err   error
}

// queueLoadedMsg is one window of the queue. seq drops answers to requests
// that a newer one has replaced (the user moved on, the filter changed).
type queueLoadedMsg struct {
	seq     int
	filter  model.Filter
	offset  int
	headers []model.StoryHeader
	total   int
	keepID  int64 // keep the cursor on this story if it is in the window
	find    bool  // the window was chosen around keepID
	err     error
	// counting, when not nil, brings the queue's length, which was not
	// known in time: total is then only the window's (loadQueueCmd).
	counting <-chan queueCount
	overlaid int // rows unsaved changes took out of the window (overlay)
}

// queueCount is a queue's length, counted after its first window came.
type queueCount struct {
	total int
	err   error
}

// queueCountedMsg brings the length of the queue whose window seq came
// without it.
type queueCountedMsg struct {
	seq int
	queueCount
}

// storyLoadedMsg is a story opened in the reader, already sanitised.
type storyLoadedMsg struct {
	seq   int
	story model.Story
	err   error
}

// triageSavedMsg reports a triage write.
type triageSavedMsg struct {
	id  int64
	err error
}

// tagsLoadedMsg carries the tags in use, for the sources pane.
type tagsLoadedMsg struct {
	tags []model.TagCount
	err  error
}

// noteLoadedMsg carries a story's note, to prefill the note prompt.
type noteLoadedMsg struct {
	id   int64
	note string
	err  error
}

// annotationSavedMsg reports a tags or note write.
type annotationSavedMsg struct {
	id  int64
	err error
}

// pollTickMsg fires every Interval. A tick whose gen is not the current
// generation was armed before a manual poll re-armed the timer: dropped.
type pollTickMsg struct{ gen int }

// pollRoundMsg starts a round with the feeds to poll.
type pollRoundMsg struct {
	feeds []model.Feed
	err   error
}

// feedPolledMsg is the outcome of polling one feed.
type feedPolledMsg struct {
	FeedID  int64
	Title   string
	New     int
	Updated int
	Err     error
}

// linkOpenedMsg reports starting the browser.
type linkOpenedMsg struct{ err error }

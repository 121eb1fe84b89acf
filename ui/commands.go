package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"sitrep/model"
	"sitrep/model/sanitize"
)

// Commands do the I/O. Each takes what it needs by value and returns one
// typed message; none of them reads or writes the Model.

// ioTimeout bounds a store call so a wedged database cannot hang a command
// forever.
const ioTimeout = 10 * time.Second

func loadCountsCmd(ctx context.Context, s Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		c, err := s.Counts(ctx)
		return countsLoadedMsg{counts: c, err: err}
	}
}

func loadFeedsCmd(ctx context.Context, s Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		fs, err := s.Feeds(ctx)
		for i := range fs {
			sanitizeFeed(&fs[i])
		}
		return feedsLoadedMsg{feeds: fs, err: err}
	}
}

// loadQueueCmd reads the window of the queue at offset. With find, the
// window is the one around story keepID wherever it stands in the queue
// (the view changed under the cursor), if the view shows it.
func loadQueueCmd(ctx context.Context, s Store, seq int, f model.Filter, offset, limit int, keepID int64, find bool) tea.Cmd {
	if offset == 0 && !find {
		return loadFirstWindowCmd(ctx, s, seq, f, limit, keepID)
	}
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		msg := queueLoadedMsg{seq: seq, filter: f, offset: offset, keepID: keepID, find: find}
		total, err := s.QueueLen(ctx, f)
		if err != nil {
			msg.err = err
			return msg
		}
		if find && keepID != 0 {
			i, err := s.QueueIndex(ctx, f, keepID)
			if err != nil {
				msg.err = err
				return msg
			}
			if i >= 0 {
				offset = clamp(i-limit/2, 0, max(0, total-limit))
				msg.offset = offset
			}
		}
		if offset > total {
			offset = max(0, total-limit)
			msg.offset = offset
		}
		hs, err := s.Queue(ctx, f, offset, limit)
		msg.headers, msg.total, msg.err = sanitizeHeaders(hs), total, err
		return msg
	}
}

// countWait is how long the first window of a queue waits for the queue's
// length. Counting a million stories in clusters (the ones the queue
// hides) takes 80 ms and more, reading the window 5: past this the window
// is shown at once, and the length follows (queueCountedMsg).
const countWait = 5 * time.Millisecond

// loadFirstWindowCmd reads the window at the top of a queue and counts the
// queue beside it. A window shorter than limit is the whole queue.
func loadFirstWindowCmd(base context.Context, s Store, seq int, f model.Filter, limit int, keepID int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(base, ioTimeout)
		defer cancel()
		msg := queueLoadedMsg{seq: seq, filter: f, keepID: keepID}
		hs, err := s.Queue(ctx, f, 0, limit)
		msg.headers, msg.err = sanitizeHeaders(hs), err
		if err != nil {
			return msg
		}
		if len(hs) < limit {
			msg.total = len(hs) // the window is the whole queue
			return msg
		}
		// Counted after the window is read, not beside it: on two cores
		// the count slowed the window down.
		counted := make(chan queueCount, 1)
		go func() {
			// Not the window's context, which ends when the window is sent.
			ctx, cancel := context.WithTimeout(base, ioTimeout)
			defer cancel()
			n, err := s.QueueLen(ctx, f)
			counted <- queueCount{n, err}
		}()
		select {
		case c := <-counted:
			msg.total, msg.err = c.total, c.err
		case <-time.After(countWait):
			msg.total, msg.counting = len(hs), counted
		}
		return msg
	}
}

// waitCountCmd delivers the length of queue window seq.
func waitCountCmd(seq int, counted <-chan queueCount) tea.Cmd {
	return func() tea.Msg { return queueCountedMsg{seq: seq, queueCount: <-counted} }
}

// sanitizeHeaders makes the headers' text safe for the terminal.
func sanitizeHeaders(hs []model.StoryHeader) []model.StoryHeader {
	for i := range hs {
		hs[i].Tags = sanitizeTags(hs[i].Tags)
		hs[i].Title = sanitize.Line(hs[i].Title)
		hs[i].FeedTitle = sanitize.Line(hs[i].FeedTitle)
		if hs[i].Headline != nil {
			h := *hs[i].Headline
			h.Text = sanitize.Line(h.Text)
			hs[i].Headline = &h
		}
	}
	return hs
}

func loadStoryCmd(ctx context.Context, s Store, seq int, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		st, err := s.Story(ctx, id)
		if err == nil {
			st = sanitizeStory(st)
		}
		return storyLoadedMsg{seq: seq, story: st, err: err}
	}
}

// setTriageCmd writes a triage decision: only the flags it changes.
// Quitting cancels the reader's context to stop polls, but a decision the
// reader made must still land: the write runs without that cancellation,
// and quit waits for it.
func setTriageCmd(ctx context.Context, s Store, id int64, c model.TriageChange) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		return triageSavedMsg{id: id, err: s.ChangeTriage(ctx, id, c)}
	}
}

// sanitizeTags cleans the reader's tags for drawing, dropping empty ones.
func sanitizeTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if t = sanitize.Line(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// loadTagsCmd lists the tags in use for the sources pane.
func loadTagsCmd(ctx context.Context, s Store) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		ts, err := s.Tags(ctx)
		out := ts[:0:0]
		for _, t := range ts {
			if t.Tag = sanitize.Line(t.Tag); t.Tag != "" {
				out = append(out, t)
			}
		}
		return tagsLoadedMsg{tags: out, err: err}
	}
}

// loadNoteCmd reads a story's note for the note prompt.
func loadNoteCmd(ctx context.Context, s Store, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		st, err := s.Story(ctx, id)
		return noteLoadedMsg{id: id, note: sanitize.Line(st.Note), err: err}
	}
}

// setTagsCmd and setNoteCmd write the reader's tags or note; like triage,
// they outlive the reader's cancellation so quitting does not lose them.
func setTagsCmd(ctx context.Context, s Store, id int64, add, remove []string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		return annotationSavedMsg{id: id, err: s.ChangeTags(ctx, id, add, remove)}
	}
}

func setNoteCmd(ctx context.Context, s Store, id int64, note string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ioTimeout)
		defer cancel()
		return annotationSavedMsg{id: id, err: s.SetNote(ctx, id, note)}
	}
}

// startRoundCmd lists the feeds a polling round will visit: list's when
// given (the due ones, or all when force), else every feed of the store.
func startRoundCmd(ctx context.Context, s Store, list func(context.Context, bool) ([]model.Feed, error), force bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, ioTimeout)
		defer cancel()
		if list != nil {
			fs, err := list(ctx, force)
			return pollRoundMsg{feeds: fs, err: err}
		}
		fs, err := s.Feeds(ctx)
		return pollRoundMsg{feeds: fs, err: err}
	}
}

// pollCmd polls one feed with the injected poller.
func pollCmd(ctx context.Context, poll PollFunc, f model.Feed) tea.Cmd {
	return func() tea.Msg {
		r := poll(ctx, f)
		return feedPolledMsg{
			FeedID: f.ID, Title: sanitize.Line(r.Title), New: r.New, Updated: r.Updated, Err: r.Err,
		}
	}
}

// tickCmd arms the next periodic poll.
func tickCmd(d time.Duration, gen int) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return pollTickMsg{gen: gen} })
}

func openLinkCmd(open func(string) error, link string) tea.Cmd {
	return func() tea.Msg { return linkOpenedMsg{err: open(link)} }
}

// defaultOpenURL starts $BROWSER (its first entry) or xdg-open with the URL
// as a single argument. No shell is involved, so nothing in the URL can be
// interpreted as a command; output is discarded so it cannot draw over the
// screen.
func defaultOpenURL(link string) error {
	if !model.OpenableLink(link) {
		return errors.New("not an http(s) link")
	}
	prog := "xdg-open"
	if b := os.Getenv("BROWSER"); b != "" {
		prog = strings.Split(b, string(os.PathListSeparator))[0]
	}
	cmd := exec.Command(prog, link)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open link: %w", err)
	}
	go func() { _ = cmd.Wait() }() // reap it; its exit status is not ours to show
	return nil
}

// sanitizeFeed passes every feed-sourced string through the sanitiser, in
// depth behind the poller's own pass.
func sanitizeFeed(f *model.Feed) {
	f.Title = sanitize.Line(f.Title)
	f.URL = sanitize.Line(f.URL)
	f.LastError = sanitize.Line(f.LastError)
}

// sanitizeStory cleans a story for drawing. The highlight spans are byte
// offsets into Body, so they are kept only where they still point at the
// text they name; if sanitising changed the body, spans that no longer
// match are dropped rather than drawn in the wrong place.
func sanitizeStory(s model.Story) model.Story {
	s.Tags = sanitizeTags(s.Tags)
	s.Note = sanitize.Line(s.Note)
	s.NoteAuthor = sanitize.Line(s.NoteAuthor)
	if s.TagAuthors != nil {
		authors := make(map[string]string, len(s.TagAuthors))
		for tag, who := range s.TagAuthors {
			authors[sanitize.Line(tag)] = sanitize.Line(who)
		}
		s.TagAuthors = authors
	}
	s.Title = sanitize.Line(s.Title)
	s.FeedTitle = sanitize.Line(s.FeedTitle)
	s.Author = sanitize.Line(s.Author)
	orig := s.Body
	s.Body = sanitize.Text(s.Body)
	changed := s.Body != orig
	if !model.OpenableLink(s.Link) {
		s.Link = ""
	}
	qs := s.Quotes[:0:0]
	for _, q := range s.Quotes {
		if !validSpan(s.Body, q.Start, q.End) || (changed && s.Body[q.Start:q.End] != q.Text) {
			continue
		}
		q.Text = sanitize.Line(q.Text)
		if q.Speaker != nil {
			sp := sanitize.Line(*q.Speaker)
			q.Speaker = &sp
		}
		if q.Role != nil {
			r := sanitize.Line(*q.Role)
			q.Role = &r
		}
		qs = append(qs, q)
	}
	s.Quotes = qs
	ss := s.Stats[:0:0]
	for _, st := range s.Stats {
		if !validSpan(s.Body, st.Start, st.End) || (changed && s.Body[st.Start:st.End] != st.Text) {
			continue
		}
		st.Text = sanitize.Line(st.Text)
		st.Qualifier = sanitize.Line(st.Qualifier)
		st.Unit = sanitize.Line(st.Unit)
		ss = append(ss, st)
	}
	s.Stats = ss
	return s
}

// validSpan: inside the body, non-empty, on UTF-8 boundaries.
func validSpan(body string, start, end int) bool {
	if start < 0 || end > len(body) || start >= end {
		return false
	}
	return isBoundary(body, start) && isBoundary(body, end)
}

func isBoundary(s string, i int) bool {
	if i == 0 || i == len(s) {
		return true
	}
	return s[i]&0xC0 != 0x80
}

// cleanErr is an error as one safe line: errors quote URLs and server
// text, which come from outside.
func cleanErr(err error) string {
	return sanitize.Line(err.Error())
}

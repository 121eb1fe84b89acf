// Package feeds is sitrep's contact with the outside world: HTTP fetching,
// feed parsing, full text, OPML and scheduling. It reports through return
// values and callbacks and never imports the UI.
package feeds

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"sitrep/model"
	"sitrep/model/extract"
	"sitrep/model/sanitize"
)

// Store is what the poller needs from storage; model/store.Store has it.
type Store interface {
	Feeds(ctx context.Context) ([]model.Feed, error)
	SaveFeedState(ctx context.Context, f model.Feed) error
	MarkPolled(ctx context.Context, feedID int64, lastPoll, nextPoll time.Time) error
	ContentHashes(ctx context.Context, feedID int64, keys []string) (map[string]string, error)
	UpsertStories(ctx context.Context, feedID int64, stories []model.Story, hashes []string) (model.SaveResult, error)
}

// Options tune the poller. The zero value is filled with defaults by New.
type Options struct {
	UserAgent string
	Interval  time.Duration // normal time between polls of one feed
	Now       func() time.Time
	Extract   func(string) extract.Result
}

// Result is the outcome of polling one feed.
type Result struct {
	FeedID      int64
	URL         string
	Title       string
	New         int
	Updated     int
	NotModified bool
	Err         error
	NextPoll    time.Time
}

// Poller fetches feeds and saves their stories.
type Poller struct {
	client *http.Client
	store  Store
	opts   Options
}

// New returns a poller that fetches with client and saves into st.
func New(client *http.Client, st Store, opts Options) *Poller {
	if opts.UserAgent == "" {
		opts.UserAgent = "sitrep/dev (+terminal conflict-news reader)"
	}
	if opts.Interval == 0 {
		opts.Interval = 15 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Extract == nil {
		opts.Extract = extract.Extract
	}
	return &Poller{client: client, store: st, opts: opts}
}

// Poll fetches one feed, parses it, extracts highlights of new and changed
// stories and saves them. Errors are returned in Result.Err and recorded on
// the feed; they never affect other feeds.
//
// MINIMAL FIRST VERSION: plain GET, no conditional GET, limits or backoff yet.
func (p *Poller) Poll(ctx context.Context, f model.Feed) Result {
	now := p.opts.Now()
	res := Result{FeedID: f.ID, URL: f.URL, Title: f.Title}
	err := p.poll(ctx, &f, &res, now)
	f.LastPoll = now
	if err != nil {
		res.Err = err
		f.LastError = err.Error()
		f.ErrorCount++
		f.NextPoll = now.Add(p.opts.Interval)
	} else {
		f.LastError = ""
		f.ErrorCount = 0
		f.NextPoll = now.Add(p.opts.Interval)
	}
	res.NextPoll = f.NextPoll
	res.Title = f.Title
	if serr := p.store.SaveFeedState(ctx, f); serr != nil && res.Err == nil {
		res.Err = serr
	}
	return res
}

func (p *Poller) poll(ctx context.Context, f *model.Feed, res *Result, now time.Time) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.URL, nil)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	resp, err := p.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return err
	}
	parsed, err := gofeed.NewParser().ParseString(string(body))
	if err != nil {
		return fmt.Errorf("not a feed: %w", err)
	}
	if t := sanitize.Line(parsed.Title); t != "" {
		f.Title = t
	}
	stories := make([]model.Story, 0, len(parsed.Items))
	hashes := make([]string, 0, len(parsed.Items))
	for _, it := range parsed.Items {
		s := model.Story{FeedID: f.ID, FirstSeen: now}
		s.Title = sanitize.Line(it.Title)
		s.Link = it.Link
		s.Key = it.GUID
		if s.Key == "" {
			s.Key = it.Link
		}
		if s.Key == "" {
			s.Key = s.Title
		}
		text := it.Content
		if text == "" {
			text = it.Description
		}
		s.Body = sanitize.Text(strings.TrimSpace(text))
		if it.PublishedParsed != nil {
			s.Published = *it.PublishedParsed
		} else {
			s.Published = now
		}
		r := p.opts.Extract(s.Body)
		s.Quotes, s.Stats = r.Quotes, r.Stats
		s.Words = len(strings.Fields(s.Body))
		h := sha256.Sum256([]byte(s.Title + "\x00" + s.Body))
		stories = append(stories, s)
		hashes = append(hashes, hex.EncodeToString(h[:]))
	}
	sr, err := p.store.UpsertStories(ctx, f.ID, stories, hashes)
	if err != nil {
		return err
	}
	res.New, res.Updated = sr.New, sr.Updated
	return nil
}

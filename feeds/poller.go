// Package feeds is sitrep's contact with the outside world: HTTP fetching,
// feed parsing, full text, OPML and scheduling. It reports through return
// values and callbacks and never imports the UI.
package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"sitrep/feeds/content"
	"sitrep/model"
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

// WriteLimiter is what a Store may add to say how many polls should save
// at once. A store with one writer (SQLite) has no need to: the poller's
// own queue is the right size. A server that takes every save in a process
// of its own (PostgreSQL) says how many it can take without starving the
// people reading from it.
type WriteLimiter interface {
	WritesAtOnce() int
}

// writeQueue is how many polls with stories ready may wait for the store or
// write to it at once.
func writeQueue(st Store) int {
	if wl, ok := st.(WriteLimiter); ok {
		if n := wl.WritesAtOnce(); n > 0 {
			return n
		}
	}
	// The store has one writer. Polls whose stories are ready queue for it
	// outside the CPU slots, so parsing the next feeds goes on meanwhile;
	// the queue is bounded so that memory stays flat when the store is the
	// slower side.
	return 2*runtime.GOMAXPROCS(0) + 4
}

// Result is the outcome of polling one feed.
type Result struct {
	FeedID      int64
	URL         string // the feed's URL after this poll (a 301/308 moves it)
	Title       string
	New         int
	Updated     int
	NotModified bool // 304: nothing parsed, nothing written but the poll time
	// Skipped: the feed was not due (its next poll, set by the interval, a
	// server's Retry-After or the error backoff, is still ahead); nothing was
	// fetched or written.
	Skipped    bool
	Status     int // HTTP status of the feed's answer; 0 if none came
	Err        error
	ErrorCount int // consecutive failures, this one included
	NextPoll   time.Time
	// Discovered lists the feeds an HTML page links to, when the feed's URL
	// turned out to be a web page.
	Discovered []string
	// Kept, when the feed was cut off in transfer and only its complete
	// items were read, is how many were; Cut counts stories whose text was
	// cut to MaxStoryBytes. Warning says both in words ("truncated: 3
	// items kept"); it is also the feed's LastError, with no error count,
	// so `sitrep feeds` does not say "ok" of a feed that lost items.
	Truncated bool
	Kept      int
	Cut       int
	Warning   string

	moved bool // a permanent redirect changed URL
}

// Poller fetches feeds and saves their stories. It is safe for concurrent
// use: the UI calls Poll for every feed at once, and the poller itself
// bounds how many requests and how much parsing run together.
type Poller struct {
	*Fetcher
	store  Store
	cpu    chan struct{} // parsing and extraction: one slot per core but one
	writes chan struct{} // polls with stories ready, queued for the store
}

// New returns a poller that fetches with client (NewClient(opts) when nil)
// and saves into st.
func New(client *http.Client, st Store, opts Options) *Poller {
	return &Poller{
		Fetcher: NewFetcher(client, opts),
		store:   st,
		cpu:     make(chan struct{}, cpuSlots(runtime.GOMAXPROCS(0))),
		writes:  make(chan struct{}, writeQueue(st)),
	}
}

// cpuSlots is how many polls parse and extract at once on n cores. From
// three cores on, one is left to the store's writer, which is CPU work too
// (SQLite) and the one part of a round that cannot be spread. On two, both
// parse: a poll waiting for a place in the store's queue holds its slot
// and uses no CPU, so the writer gets its core back when it falls behind,
// and meanwhile its groups grow and it commits less often. In the poll
// benchmark (1,000 feeds x 50 items, two cores) one slot gave rounds of
// 6.03-7.60 s (median 6.2 s, 1,260-1,510 commits), two 5.27-6.25 s
// (median 5.7 s, 450-570 commits). When one slot was chosen, the writer
// cost a third more per story and two slots starved it.
func cpuSlots(n int) int { return max(min(n, 2), n-1) }

// outcome is what poll learnt beyond the stories.
type outcome struct {
	notModified bool
	hints       []time.Duration // lower bounds on the next poll
}

// Poll polls f if it is due (see Due), else returns at once with Skipped
// set: calling it for every feed on every tick is how it is meant to be
// used, and it keeps the backoff and the servers' wishes.
func (p *Poller) Poll(ctx context.Context, f model.Feed) Result {
	if !p.Due(f) {
		return Result{FeedID: f.ID, URL: f.URL, Title: f.Title, Skipped: true, NextPoll: f.NextPoll, ErrorCount: f.ErrorCount}
	}
	return p.PollNow(ctx, f)
}

// Due reports whether f's next poll has come. A feed comes due a little
// early (a fifth of the interval), so a tick that fires just before the
// next poll time does not make the feed wait a whole further interval.
func (p *Poller) Due(f model.Feed) bool {
	return !f.NextPoll.After(p.opts.Now().Add(p.opts.Interval / 5))
}

// PollNow fetches one feed whatever its schedule, parses it, extracts
// highlights of new and changed stories and saves them. Errors are
// returned in Result.Err and recorded on the feed with a backoff; they
// never affect other feeds.
func (p *Poller) PollNow(ctx context.Context, f model.Feed) (res Result) {
	now := p.opts.Now()
	if p.opts.Log != nil {
		start := time.Now()
		defer func() { p.logPoll(res, time.Since(start)) }()
	}
	res = Result{FeedID: f.ID, URL: f.URL, Title: f.Title}
	var out outcome
	err := func() (err error) {
		// A panic on one hostile feed (in a parser, in extraction) is that
		// feed's error, not the end of the program.
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("internal error on this feed: %v", r)
			}
		}()
		return p.poll(ctx, &f, &res, &out, now)
	}()
	if err != nil && ctx.Err() != nil {
		// Cancelled (the reader quit): not the feed's fault, record nothing.
		res.Err = ctx.Err()
		return res
	}
	f.LastPoll = now
	switch {
	case err != nil:
		f.ErrorCount++
		f.LastError = sanitize.Line(err.Error())
		var ra time.Duration
		var he *httpError
		if errors.As(err, &he) {
			ra = he.retryAfter
		}
		f.NextPoll = now.Add(backoff(f.ErrorCount, p.opts.Interval, p.opts.MaxBackoff, p.opts.Jitter(), ra))
		res.Err = safeError{err}
	default:
		f.LastError = res.Warning
		f.ErrorCount = 0
		// The feed's own hint comes from this answer's body, or, after a
		// 304, from the last body it sent.
		f.NextPoll = nextPoll(now, p.opts.Interval, p.opts.MaxBackoff, append(out.hints, f.UpdateHint)...)
	}
	res.URL, res.Title, res.NextPoll, res.ErrorCount = f.URL, f.Title, f.NextPoll, f.ErrorCount
	var serr error
	if err == nil && out.notModified && !res.moved {
		serr = p.store.MarkPolled(ctx, f.ID, f.LastPoll, f.NextPoll)
	} else {
		serr = p.store.SaveFeedState(ctx, f)
	}
	if serr != nil && res.Err == nil {
		res.Err = fmt.Errorf("saving feed state: %w", serr)
	}
	return res
}

// safeError is an error whose message may quote the server (an XML
// parser's complaint, a discovered URL) made safe to print, keeping the
// cause for errors.Is.
type safeError struct{ err error }

func (e safeError) Error() string { return sanitize.Line(e.err.Error()) }
func (e safeError) Unwrap() error { return e.err }

// httpError is a non-success answer, with the wait the server asked for.
type httpError struct {
	status     int
	retryAfter time.Duration
}

func (e *httpError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.status, http.StatusText(e.status))
	switch e.status {
	case http.StatusNotFound, http.StatusGone:
		msg += ": the feed is not there any more"
	case http.StatusUnauthorized, http.StatusForbidden:
		msg += ": the server refuses sitrep"
	}
	if e.retryAfter > 0 {
		msg += fmt.Sprintf(" (server asks to retry after %s)", e.retryAfter.Round(time.Second))
	}
	return msg
}

func (p *Poller) poll(ctx context.Context, f *model.Feed, res *Result, out *outcome, now time.Time) error {
	cpu := &cpuSlot{p: p}
	defer cpu.give()
	fe, err := p.get(ctx, f.URL, fetchOpts{
		then:         cpu.take,
		etag:         f.ETag,
		lastModified: f.LastModified,
		accept:       "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5",
	})
	if err != nil {
		return err
	}
	res.Status = fe.status
	if fe.permanent && fe.finalURL.String() != f.URL {
		f.URL = sanitize.Line(fe.finalURL.String())
		res.moved = true
	}
	if ma := maxAge(fe.header); ma > 0 {
		out.hints = append(out.hints, ma)
	}
	switch {
	case fe.status == http.StatusNotModified:
		out.notModified = true
		res.NotModified = true
		return nil
	case fe.status < 200 || fe.status > 299:
		he := &httpError{status: fe.status}
		if fe.status == http.StatusTooManyRequests || fe.status == http.StatusServiceUnavailable {
			he.retryAfter = retryAfter(fe.header, now)
		}
		return he
	}

	parsed, body, salvaged, err := p.parse(fe)
	if err != nil {
		if looksLikeHTML(fe.body, fe.header.Get("Content-Type")) {
			res.Discovered = Discover(fe.body, fe.finalURL)
			return discoveredError(res.Discovered)
		}
		return err
	}
	// New validators only once the body has parsed: a broken answer must
	// not earn a 304 next time.
	f.ETag = sanitize.Line(fe.header.Get("ETag"))
	f.LastModified = sanitize.Line(fe.header.Get("Last-Modified"))
	if t := sanitize.Line(content.ToText(parsed.Title)); t != "" {
		f.Title = t
	}
	if l := safeLink(parsed.Link, fe.finalURL); l != "" {
		f.SiteURL = l
	}
	ttl, sy := feedHints(parsed)
	f.UpdateHint = max(ttl, sy)

	items := makeItems(parsed, body, *f, fe.finalURL, now)
	parsed, body = nil, nil // the stories hold what is needed
	var warn []string
	if salvaged {
		res.Truncated, res.Kept = true, len(items)
		warn = append(warn, fmt.Sprintf("truncated: %s kept", plural(len(items), "item")))
	}
	for _, it := range items {
		if it.cut {
			res.Cut++
		}
	}
	if res.Cut > 0 {
		warn = append(warn, fmt.Sprintf("%s cut to %s", plural(res.Cut, "story"), sizeWords(MaxStoryBytes)))
	}
	res.Warning = strings.Join(warn, "; ")
	return p.save(ctx, f, items, res, cpu)
}

// parse decodes and parses a feed body; the caller holds a CPU slot.
// salvaged says the body was cut off and only its complete items were read.
func (p *Fetcher) parse(fe *fetched) (_ *gofeed.Feed, _ []byte, salvaged bool, _ error) {
	if len(bytes.TrimSpace(fe.body)) == 0 {
		return nil, nil, false, errors.New("empty answer: the server sent no feed")
	}
	body := toUTF8(fe.body, fe.header.Get("Content-Type"))
	// Raw terminal escapes are illegal in XML, and the XML decoder drops
	// the ESC but keeps the rest ("[5m"), which no later sanitising can
	// recognise. Removing whole sequences from the raw body first leaves
	// clean text. Every field is sanitised again after parsing; this pass
	// is only for the sequences, so only bodies that carry one pay for it.
	if hasEscapeIntroducer(body) {
		body = []byte(sanitize.Text(string(body)))
	}
	fp := gofeed.NewParser()
	fp.KeepOriginalFeed = true // for RSS <ttl>
	// gofeed parses every item's HTML once more to find an image for
	// Item.Image, which sitrep never shows: that was a quarter of the
	// parse time in the poll benchmark.
	fp.RSSTranslator = rssTranslator
	parsed, err := fp.Parse(bytes.NewReader(body))
	if err != nil {
		if cut := salvage(body); cut != nil {
			if sp, serr := fp.Parse(bytes.NewReader(cut)); serr == nil && len(sp.Items) > 0 {
				return sp, cut, true, nil
			}
		}
		return nil, nil, false, notAFeed(err)
	}
	return parsed, body, false, nil
}

var rssTranslator = &gofeed.DefaultRSSTranslator{DisableContentImageScan: true}

// hasEscapeIntroducer reports whether b holds an ESC or an 8-bit C1
// control (U+0080..U+009F, which UTF-8 writes as C2 80..C2 9F).
func hasEscapeIntroducer(b []byte) bool {
	if bytes.IndexByte(b, 0x1b) >= 0 {
		return true
	}
	for i := bytes.IndexByte(b, 0xc2); i >= 0 && i+1 < len(b); {
		if b[i+1] >= 0x80 && b[i+1] <= 0x9f {
			return true
		}
		j := bytes.IndexByte(b[i+1:], 0xc2)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func notAFeed(err error) error {
	msg := err.Error()
	switch {
	case errors.Is(err, gofeed.ErrFeedTypeNotDetected):
		return errors.New("not a feed: neither RSS, Atom nor JSON Feed")
	case strings.Contains(msg, "EOF"):
		return fmt.Errorf("broken feed: it ends too early (%s)", msg)
	}
	return fmt.Errorf("broken feed: %s", msg)
}

func discoveredError(found []string) error {
	switch len(found) {
	case 0:
		return errors.New("not a feed: a web page that links to no feed")
	case 1:
		return fmt.Errorf("not a feed: a web page; its feed is %s", found[0])
	}
	return fmt.Errorf("not a feed: a web page; it links to %d feeds: %s", len(found), strings.Join(found, " "))
}

// cpuSlot is one poll's hold on a CPU slot. Parsing and extraction are CPU
// work: holding a slot through them keeps a round of hundreds of feeds to a
// few feeds in process at a time, so memory stays flat however many feeds
// are polled at once.
type cpuSlot struct {
	p    *Poller
	held bool
}

func (c *cpuSlot) take(ctx context.Context) error {
	if c.held {
		return nil
	}
	select {
	case c.p.cpu <- struct{}{}:
		c.held = true
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *cpuSlot) give() {
	if c.held {
		<-c.p.cpu
		c.held = false
	}
}

// save keeps the new and changed stories: full text where the feed wants
// it, extraction on the final text, then one write.
func (p *Poller) save(ctx context.Context, f *model.Feed, items []item, res *Result, cpu *cpuSlot) error {
	if len(items) == 0 {
		return nil
	}
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.story.Key
	}
	old, err := p.store.ContentHashes(ctx, f.ID, keys)
	if err != nil {
		return fmt.Errorf("reading stored stories: %w", err)
	}
	stories := make([]model.Story, 0, len(items))
	hashes := make([]string, 0, len(items))
	for _, it := range items {
		if h, ok := old[it.story.Key]; ok && h == it.hash {
			continue // unchanged: no page fetch, no extraction, no write
		}
		s := it.story
		if f.FullText && s.Link != "" && s.Words < p.opts.FullTextWords {
			// Network waits do not hold a CPU slot.
			cpu.give()
			// Best effort: the summary stays when the page cannot be had.
			if text, err := p.fullText(ctx, s.Link); err == nil {
				if n := content.WordCount(text); n > s.Words {
					s.Body, s.Words = text, n
				}
			}
		}
		stories = append(stories, s)
		hashes = append(hashes, it.hash)
	}
	if len(stories) == 0 {
		return nil
	}
	if err := cpu.take(ctx); err != nil {
		return err
	}
	for i := range stories {
		r := p.opts.Extract(stories[i].Body)
		stories[i].Quotes, stories[i].Stats = r.Quotes, r.Stats
	}
	// Hand over from the CPU slot to a place in the store's queue.
	select {
	case p.writes <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-p.writes }()
	cpu.give()
	sr, err := p.store.UpsertStories(ctx, f.ID, stories, hashes)
	if err != nil {
		return fmt.Errorf("saving stories: %w", err)
	}
	res.New, res.Updated = sr.New, sr.Updated
	return nil
}

// plural is "1 item", "2 items", "1 story", "0 stories".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

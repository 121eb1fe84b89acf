package feeds

import (
	"context"
	"sync"
	"time"

	"sitrep/model"
)

// Lister pages through the subscriptions by id; model/store has it.
type Lister interface {
	FeedsAfter(ctx context.Context, after int64, limit int) ([]model.Feed, error)
}

// roundPage is how many feeds a round reads from the store at a time.
const roundPage = 256

// eachFeed calls fn for every subscribed feed, a page at a time, until fn
// returns false.
func eachFeed(ctx context.Context, st Lister, fn func(model.Feed) bool) error {
	var after int64
	for {
		page, err := st.FeedsAfter(ctx, after, roundPage)
		if err != nil {
			return err
		}
		for _, f := range page {
			if !fn(f) {
				return nil
			}
		}
		if len(page) < roundPage {
			return nil
		}
		after = page[len(page)-1].ID
	}
}

// inRound says whether a round polls f: every feed when forced (R in the
// reader, sitrep fetch --now), else the due ones.
func (p *Poller) inRound(f model.Feed, force bool) bool {
	return force || p.Due(f)
}

// RoundFeeds lists the feeds a polling round visits: the due ones, or
// every subscribed feed when force. The reader's rounds (start-up, the
// periodic tick, R) take their feeds from here, as Round does for fetch.
func (p *Poller) RoundFeeds(ctx context.Context, st Lister, force bool) ([]model.Feed, error) {
	var out []model.Feed
	err := eachFeed(ctx, st, func(f model.Feed) bool {
		if p.inRound(f, force) {
			out = append(out, f)
		}
		return true
	})
	return out, err
}

// Round runs one polling round without the reader (sitrep fetch): it
// pages through the subscriptions, polls those RoundFeeds would list with
// at most twice the request limit of polls at once (the poller's own
// limits still apply), and calls report once per feed as results come
// in, from one goroutine; a feed left out is reported Skipped. Memory
// holds a page of feeds and the polls in flight, whatever the number of
// feeds.
func (p *Poller) Round(ctx context.Context, st Lister, force bool, report func(Result)) error {
	start := time.Now()
	p.logf("round start", "force", force)
	jobs := make(chan model.Feed)
	results := make(chan Result)
	var wg sync.WaitGroup
	for range 2 * p.opts.MaxConcurrent {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				results <- p.PollNow(ctx, f)
			}
		}()
	}
	var listErr error
	go func() {
		listErr = eachFeed(ctx, st, func(f model.Feed) bool {
			if !p.inRound(f, force) {
				results <- Result{FeedID: f.ID, URL: f.URL, Title: f.Title, Skipped: true, NextPoll: f.NextPoll, ErrorCount: f.ErrorCount}
				return true
			}
			select {
			case jobs <- f:
				return true
			case <-ctx.Done():
				return false
			}
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	var polled, failed, skipped int
	for r := range results {
		switch {
		case r.Skipped:
			skipped++
		case r.Err != nil:
			failed++
			polled++
		default:
			polled++
		}
		report(r)
	}
	p.logf("round end", "polled", polled, "errors", failed, "skipped", skipped, "took", time.Since(start).Round(time.Millisecond))
	if listErr != nil {
		return listErr
	}
	return ctx.Err()
}

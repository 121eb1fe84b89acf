// Package export writes the stories a reader kept, with their quotations,
// figures and sources, for use outside sitrep: Markdown to paste into a
// report, or JSON Lines for scripts. Every quotation and figure carries its
// byte offsets into the story text and the sentence it comes from, so a
// researcher can cite it.
package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"sitrep/model"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// Options select and shape an export.
type Options struct {
	Filter model.Filter // which stories (default the caller sets: model.ViewStarred)
	Format string       // "md" (default), "json", "csv" (figures) or "csl-json" (citations)
	Now    time.Time    // stamped in the header; tests fix it
	// Archived adds the archived stories the filter's search selects to
	// its view (ViewAll with Archived is every story: a full export).
	Archived bool
}

// Source is what Write needs from the store; store.Store has it.
type Source interface {
	Queue(ctx context.Context, f model.Filter, offset, limit int) ([]model.StoryHeader, error)
	Story(ctx context.Context, id int64) (model.Story, error)
}

// feedSource is the store's Feed, which Write uses when it has it to say
// each story's feed URL (import-json finds the feed by it).
type feedSource interface {
	Feed(ctx context.Context, id int64) (model.Feed, error)
}

// pageSize is how many headers one Queue call asks for: headers carry no
// body, so a page is small, and a few pages cover a typical starred list.
const pageSize = 200

// Write exports the stories that Filter selects, newest first, paging
// through the store (200 headers per page, then Story(id) one at a time, so
// at most one body is in memory) to w. n is the number of stories written.
func Write(ctx context.Context, st Source, w io.Writer, opts Options) (n int, err error) {
	if opts.Now.IsZero() {
		// The stamp tells a reader how fresh the export is; a caller that
		// forgot it should not write "unknown".
		opts.Now = time.Now()
	}
	var enc encoder
	switch opts.Format {
	case "", "md", "markdown":
		enc = &markdown{filter: opts.Filter, now: opts.Now}
	case "json", "jsonl":
		enc = &jsonLines{}
	case "csv":
		enc = &figuresCSV{}
	case "csl-json", "csl":
		enc = &cslJSON{}
	default:
		return 0, fmt.Errorf("export: unknown format %q (want md, json, csv or csl-json)", opts.Format)
	}
	ids, err := selectIDs(ctx, st, opts.Filter)
	if err != nil {
		return 0, err
	}
	if opts.Archived && opts.Filter.View != model.ViewArchived {
		f := opts.Filter
		f.View = model.ViewArchived
		more, err := selectIDs(ctx, st, f)
		if err != nil {
			return 0, err
		}
		ids = append(ids, more...)
	}
	feedURLs := map[int64]string{}
	fsrc, _ := st.(feedSource)
	bw := bufio.NewWriter(w)
	enc.begin(bw, len(ids))
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		s, err := st.Story(ctx, id)
		if errors.Is(err, store.ErrNotFound) {
			// Its feed was removed after the selection was taken: the
			// story no longer exists, which is not a failed export. The
			// Markdown footer says how many went missing.
			continue
		}
		if err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		ps := prepare(s)
		if fsrc != nil {
			u, ok := feedURLs[s.FeedID]
			if !ok {
				if f, err := fsrc.Feed(ctx, s.FeedID); err == nil {
					u = f.URL
				}
				feedURLs[s.FeedID] = u
			}
			ps.FeedURL = sanitize.Line(u)
		}
		if err := enc.story(bw, ps); err != nil {
			return n, fmt.Errorf("export: story %d: %w", id, err)
		}
		// Flushing per story reports a broken pipe or full disk at once
		// rather than after the whole selection was read.
		if err := bw.Flush(); err != nil {
			return n, fmt.Errorf("export: %w", err)
		}
		n++
	}
	enc.end(bw, n, len(ids))
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("export: %w", err)
	}
	return n, nil
}

// selectIDs pages through the filter's headers and keeps only their ids,
// before any body is read. Taking the whole selection first lets the
// Markdown header state the count, and keeps offset paging from repeating
// a story when the poller inserts one while the (slower) story loop runs:
// the header pages are read back to back, and an id seen twice is dropped.
func selectIDs(ctx context.Context, st Source, f model.Filter) ([]int64, error) {
	var ids []int64
	seen := map[int64]bool{}
	add := func(page []model.StoryHeader) {
		for _, h := range page {
			if !seen[h.ID] {
				seen[h.ID] = true
				ids = append(ids, h.ID)
			}
		}
	}
	for offset := 0; ; offset += pageSize {
		page, err := st.Queue(ctx, f, offset, pageSize)
		if err != nil {
			return nil, fmt.Errorf("export: queue: %w", err)
		}
		add(page)
		// The queue shows a cluster of reprints as one row; an export
		// keeps every story of it that the filter selects, each with
		// its own source.
		for _, h := range page {
			if h.ClusterSize > 1 && h.Cluster != 0 && f.Cluster == 0 {
				members := f
				members.Cluster = h.Cluster
				for moff := 0; ; moff += pageSize {
					mp, err := st.Queue(ctx, members, moff, pageSize)
					if err != nil {
						return nil, fmt.Errorf("export: cluster: %w", err)
					}
					add(mp)
					if len(mp) < pageSize {
						break
					}
				}
			}
		}
		if len(page) < pageSize {
			return ids, nil
		}
	}
}

// encoder is one output format.
type encoder interface {
	begin(w *bufio.Writer, selected int)
	story(w *bufio.Writer, s story) error
	end(w *bufio.Writer, written, selected int)
}

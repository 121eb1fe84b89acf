package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/feeds"
	"sitrep/model"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// The subscription commands: add, rm, feeds, import, export-opml. Each
// writes what it did to w and returns an error that says what went wrong
// in the user's words.

// addFeeds subscribes to each URL. A URL that serves a web page instead of
// a feed subscribes to the feed the page announces, or lists them when it
// announces several. A URL that cannot be fetched now, or that is not a
// feed, is not subscribed (the reason is said) unless anyway is set: then
// it is added with a warning and the poller keeps trying it.
// It fetches through fe, the poller's Fetcher, within the same limits.
func addFeeds(ctx context.Context, st store.Store, fe *feeds.Fetcher, urls []string, anyway bool, w io.Writer) error {
	var failed []string
	for _, raw := range urls {
		if err := addFeed(ctx, st, fe, raw, anyway, w); err != nil {
			fmt.Fprintf(w, "not added: %s: %v\n", raw, err)
			failed = append(failed, raw)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d URLs not added", len(failed), len(urls))
	}
	return nil
}

func addFeed(ctx context.Context, st store.Store, fe *feeds.Fetcher, raw string, anyway bool, w io.Writer) error {
	pr, err := fe.Probe(ctx, raw)
	switch {
	case err != nil:
		return err
	case pr.Problem != "" && anyway:
		return subscribe(ctx, st, pr.URL, "", w, pr.Problem+" (added anyway)")
	case pr.Problem != "":
		return errors.New(pr.Problem + "; --anyway adds it all the same")
	case !pr.Page():
		return subscribe(ctx, st, pr.URL, pr.Title, w, "")
	case len(pr.Feeds) == 1:
		fmt.Fprintf(w, "%s is a web page; its feed is %s\n", pr.URL, pr.Feeds[0])
		return subscribe(ctx, st, pr.Feeds[0], "", w, "")
	}
	fmt.Fprintf(w, "%s is a web page that links to %d feeds; add the one you want:\n", pr.URL, len(pr.Feeds))
	for _, f := range pr.Feeds {
		fmt.Fprintf(w, "  sitrep add %s\n", f)
	}
	return nil
}

func subscribe(ctx context.Context, st store.Store, u, title string, w io.Writer, warning string) error {
	f, created, err := st.AddFeed(ctx, u)
	if err != nil {
		return err
	}
	if !created {
		fmt.Fprintf(w, "already subscribed: %s\n", u)
		return nil
	}
	if title != "" && f.Title == "" {
		f.Title = title
		if err := st.SaveFeedState(ctx, f); err != nil {
			return err
		}
	}
	msg := "added: " + u
	if title != "" {
		msg += " (" + title + ")"
	}
	if warning != "" {
		msg += "; " + warning
	}
	fmt.Fprintln(w, msg)
	return nil
}

// removeFeeds unsubscribes from each URL, found as add would store it (or
// as typed). The feed's starred, tagged and noted stories are kept (their
// feed stays, listed under removed feeds, no longer polled) unless purge
// is set; either way it says what it kept or deleted.
func removeFeeds(ctx context.Context, st store.Store, urls []string, purge bool, w io.Writer) error {
	all, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	byURL := make(map[string]model.Feed, len(all))
	for _, f := range all {
		byURL[f.URL] = f
	}
	var failed int
	for _, raw := range urls {
		u := strings.TrimSpace(raw)
		f, ok := byURL[u]
		if n, nerr := feeds.NormalizeURL(u); !ok && nerr == nil {
			f, ok = byURL[n]
			if !ok && !strings.Contains(u, "://") {
				f, ok = byURL["http://"+strings.TrimPrefix(n, "https://")]
			}
		}
		if !ok {
			fmt.Fprintf(w, "not subscribed: %s\n", u)
			failed++
			continue
		}
		starred, tagged, noted, kept, err := st.KeptCounts(ctx, f.ID)
		if err == nil {
			err = st.Unsubscribe(ctx, f.ID, !purge)
		}
		if err != nil {
			fmt.Fprintf(w, "not removed: %s: %v\n", u, err)
			failed++
			continue
		}
		stories := plural(f.Total, "story", "stories")
		switch {
		case kept == 0:
			fmt.Fprintf(w, "removed: %s (%s deleted, none starred, tagged or noted)\n", f.URL, stories)
		case purge:
			fmt.Fprintf(w, "removed: %s and deleted all its %s, %d of them starred, tagged or noted (--purge)\n",
				f.URL, stories, kept)
		default:
			fmt.Fprintf(w, "removed: %s; kept %s (%d starred, %d tagged, %d noted) under removed feeds, deleted %d; --purge deletes them too\n",
				f.URL, plural(kept, "story", "stories"), starred, tagged, noted, max(0, f.Total-kept))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d URLs not removed", failed, len(urls))
	}
	return nil
}

// listFeeds writes the subscriptions as a table: title, URL, last poll,
// status, next poll, stories.
func listFeeds(ctx context.Context, st store.Store, w io.Writer) error {
	fs, err := st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	if len(fs) == 0 {
		fmt.Fprintln(w, "no feeds yet: sitrep add URL")
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TITLE\tURL\tLAST POLL\tSTATUS\tNEXT POLL\tSTORIES")
	for _, f := range fs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\n",
			clip(orDash(f.Title), 40), sanitize.Line(f.URL), when(f.LastPoll), feedStatus(f), when(f.NextPoll), f.Total)
	}
	return tw.Flush()
}

func feedStatus(f model.Feed) string {
	switch {
	case f.LastError != "" && f.ErrorCount == 0:
		// A warning on a poll that succeeded: "truncated: 3 items kept".
		return clip(f.LastError, 60)
	case f.LastError != "":
		return clip(fmt.Sprintf("error ×%d: %s", f.ErrorCount, f.LastError), 60)
	case f.LastPoll.IsZero():
		return "not polled yet"
	}
	return "ok"
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// importOPMLFile subscribes to every feed of an OPML file; the folders a
// feed sits in become its tags. A feed already there keeps its title and
// site and gains the tags it lacked.
func importOPMLFile(ctx context.Context, st store.Store, r io.Reader, w io.Writer) error {
	entries, err := feeds.ReadOPML(r)
	if err != nil {
		return err
	}
	var added, had, bad int
	for _, e := range entries {
		if e.Err != nil {
			fmt.Fprintf(w, "skipped %q: %v\n", e.URL, e.Err)
			bad++
			continue
		}
		f, created, err := st.AddFeed(ctx, e.URL)
		if err != nil {
			return fmt.Errorf("adding %s: %w", e.URL, err)
		}
		if !created {
			had++
		} else {
			added++
		}
		changed := false
		if f.Title == "" && e.Title != "" {
			f.Title, changed = e.Title, true
		}
		if f.SiteURL == "" && e.SiteURL != "" {
			f.SiteURL, changed = e.SiteURL, true
		}
		for _, t := range e.Tags {
			if !slices.Contains(f.Tags, t) {
				f.Tags, changed = append(f.Tags, t), true
			}
		}
		if changed {
			if err := st.SaveFeedState(ctx, f); err != nil {
				return fmt.Errorf("saving %s: %w", e.URL, err)
			}
		}
	}
	fmt.Fprintf(w, "imported %d feeds (%d new, %d already there", added+had, added, had)
	if bad > 0 {
		fmt.Fprintf(w, ", %d skipped", bad)
	}
	fmt.Fprintln(w, ")")
	return nil
}

// exportOPML writes the subscriptions as OPML, tags as folders.
func exportOPML(ctx context.Context, st store.Store, w io.Writer) error {
	fs, err := st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	return feeds.WriteOPML(w, fs, time.Now())
}

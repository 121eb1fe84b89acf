package feeds

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf16"

	"github.com/mmcdole/gofeed"

	"sitrep/feeds/content"
	"sitrep/feeds/opml"
	"sitrep/model"
	"sitrep/model/sanitize"
	"sitrep/model/store"
)

// The subscription commands of the command line. Each writes what it did
// to w and returns an error that says what went wrong in the user's words.

// Add subscribes to each URL. A URL that serves a web page instead of a
// feed subscribes to the feed the page announces, or lists them when it
// announces several. A URL that cannot be fetched now, or that is not a
// feed, is not subscribed (the reason is said) unless anyway is set: then
// it is added with a warning and the poller keeps trying it.
// It fetches through fe, the poller's Fetcher, within the same limits.
func Add(ctx context.Context, st store.Store, fe *Fetcher, urls []string, anyway bool, w io.Writer) error {
	var failed []string
	for _, raw := range urls {
		if err := addOne(ctx, st, fe, raw, anyway, w); err != nil {
			fmt.Fprintf(w, "not added: %s: %v\n", raw, err)
			failed = append(failed, raw)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d URLs not added", len(failed), len(urls))
	}
	return nil
}

func addOne(ctx context.Context, st store.Store, p *Fetcher, raw string, anyway bool, w io.Writer) error {
	u, err := normalizeURL(raw)
	if err != nil {
		return err
	}
	fo := fetchOpts{accept: "application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.8, */*;q=0.5"}
	fe, err := p.get(ctx, u, fo)
	if err != nil && !strings.Contains(raw, "://") {
		// No scheme given and https failed: the site may speak only http.
		plain := "http://" + strings.TrimPrefix(u, "https://")
		if fe2, err2 := p.get(ctx, plain, fo); err2 == nil {
			u, fe, err = plain, fe2, nil
		}
	}
	refuse := func(why string) error {
		if anyway {
			return subscribe(ctx, st, u, "", w, why+" (added anyway)")
		}
		return errors.New(why + "; --anyway adds it all the same")
	}
	switch {
	case err != nil:
		return refuse(fmt.Sprintf("could not fetch it: %v", err))
	case fe.status < 200 || fe.status > 299:
		return refuse(fmt.Sprintf("could not fetch it: HTTP %d", fe.status))
	}
	if fe.permanent {
		u = fe.finalURL.String()
	}
	parsed, _, _, perr := p.parse(fe)
	if perr == nil {
		return subscribe(ctx, st, u, sanitize.Line(content.ToText(parsed.Title)), w, "")
	}
	if !looksLikeHTML(fe.body, fe.header.Get("Content-Type")) {
		// A feed that is broken today may be mended tomorrow; anything
		// else is a wrong URL.
		if gofeed.DetectFeedType(bytes.NewReader(toUTF8(fe.body, fe.header.Get("Content-Type")))) != gofeed.FeedTypeUnknown {
			return refuse("it does not read as a feed now: " + sanitize.Line(perr.Error()))
		}
		return refuse("not a feed: " + sanitize.Line(perr.Error()))
	}
	found := Discover(pageToUTF8(fe.body, fe.header.Get("Content-Type")), fe.finalURL)
	switch len(found) {
	case 0:
		return refuse("a web page that announces no feed")
	case 1:
		fmt.Fprintf(w, "%s is a web page; its feed is %s\n", u, found[0])
		return subscribe(ctx, st, found[0], "", w, "")
	}
	fmt.Fprintf(w, "%s is a web page that links to %d feeds; add the one you want:\n", u, len(found))
	for _, f := range found {
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

// normalizeURL accepts what people paste: "example.org/feed" means https.
func normalizeURL(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", errors.New("empty URL")
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("not a URL: %v", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("only http and https feeds can be followed, not %s:", u.Scheme)
	}
	if u.Host == "" {
		return "", errors.New("URL without a host")
	}
	if !sanitize.IsSafe(u.String()) || strings.ContainsAny(u.String(), " \n") {
		return "", errors.New("URL with control characters in it")
	}
	return u.String(), nil
}

// NormalizeURL is the URL as add stores it: what people paste, with
// https:// when no scheme is given. rm finds a feed by it too.
func NormalizeURL(raw string) (string, error) { return normalizeURL(raw) }

// Remove unsubscribes from each URL, found as add would store it (or as
// typed). The feed's starred, tagged and noted stories are kept (their
// feed stays, listed under removed feeds, no longer polled) unless purge
// is set; either way it says what it kept or deleted.
func Remove(ctx context.Context, st store.Store, urls []string, purge bool, w io.Writer) error {
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
		if n, nerr := normalizeURL(u); !ok && nerr == nil {
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
		switch {
		case kept == 0:
			fmt.Fprintf(w, "removed: %s (%s deleted, none starred, tagged or noted)\n", f.URL, plural(f.Total, "story"))
		case purge:
			fmt.Fprintf(w, "removed: %s and deleted all its %s, %d of them starred, tagged or noted (--purge)\n",
				f.URL, plural(f.Total, "story"), kept)
		default:
			fmt.Fprintf(w, "removed: %s; kept %s (%d starred, %d tagged, %d noted) under removed feeds, deleted %d; --purge deletes them too\n",
				f.URL, plural(kept, "story"), starred, tagged, noted, max(0, f.Total-kept))
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d URLs not removed", failed, len(urls))
	}
	return nil
}

// List writes the subscriptions as a table: title, URL, last poll, status,
// next poll, stories.
func List(ctx context.Context, st store.Store, w io.Writer) error {
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
			clip(orDash(f.Title), 40), sanitize.Line(f.URL), when(f.LastPoll), status(f), when(f.NextPoll), f.Total)
	}
	return tw.Flush()
}

func status(f model.Feed) string {
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

// ImportOPML subscribes to every feed of an OPML file; the folders a feed
// sits in become its tags.
func ImportOPML(ctx context.Context, st store.Store, r io.Reader, w io.Writer) error {
	r, err := opmlUTF8(r)
	if err != nil {
		return err
	}
	entries, err := opml.Parse(r)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return errors.New("the OPML file lists no feeds")
	}
	var added, had, bad int
	for _, e := range entries {
		u, err := normalizeURL(e.URL)
		if err != nil {
			fmt.Fprintf(w, "skipped %q: %v\n", sanitize.Line(e.URL), err)
			bad++
			continue
		}
		f, created, err := st.AddFeed(ctx, u)
		if err != nil {
			return fmt.Errorf("adding %s: %w", u, err)
		}
		if !created {
			had++
		} else {
			added++
		}
		changed := false
		if f.Title == "" && e.Title != "" {
			f.Title, changed = sanitize.Line(e.Title), true
		}
		if f.SiteURL == "" && e.SiteURL != "" {
			f.SiteURL, changed = safeLink(e.SiteURL, nil), true
		}
		for _, t := range e.Tags {
			if t = sanitize.Line(t); t != "" && !slices.Contains(f.Tags, t) {
				f.Tags, changed = append(f.Tags, t), true
			}
		}
		if changed {
			if err := st.SaveFeedState(ctx, f); err != nil {
				return fmt.Errorf("saving %s: %w", u, err)
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

// ExportOPML writes the subscriptions as OPML, tags as folders.
func ExportOPML(ctx context.Context, st store.Store, w io.Writer) error {
	fs, err := st.Feeds(ctx)
	if err != nil {
		return fmt.Errorf("listing feeds: %w", err)
	}
	entries := make([]opml.Entry, 0, len(fs))
	for _, f := range fs {
		entries = append(entries, opml.Entry{URL: f.URL, Title: f.Title, SiteURL: f.SiteURL, Tags: f.Tags})
	}
	return opml.Write(w, "sitrep subscriptions", entries, time.Now())
}

// FetchAll runs one polling round (Round) and writes a line per feed as
// its poll ends: the new stories, the error, or when it is due; force
// polls every feed whatever its schedule (sitrep fetch --now, as R in the
// reader). anyOK is true when at least one feed answered or was not due.
// Lines come in the order polls end, so that a round of 100,000 feeds
// keeps no more than its polls in flight in memory.
func FetchAll(ctx context.Context, p *Poller, st Lister, w io.Writer, force bool) (anyOK bool, err error) {
	var feeds, failed, fresh int
	err = p.Round(ctx, st, force, func(r Result) {
		feeds++
		name := r.Title
		if name == "" {
			name = r.URL
		}
		name = sanitize.Line(name)
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(w, "%s: error: %s\n", name, sanitize.Line(r.Err.Error()))
		case r.Skipped:
			anyOK = true
			fmt.Fprintf(w, "%s: not due until %s\n", name, when(r.NextPoll))
		case r.NotModified:
			anyOK = true
			fmt.Fprintf(w, "%s: not modified\n", name)
		default:
			anyOK = true
			fresh += r.New
			line := fmt.Sprintf("%s: %d new", name, r.New)
			if r.Updated > 0 {
				line += fmt.Sprintf(", %d updated", r.Updated)
			}
			if r.Warning != "" {
				line += " (" + r.Warning + ")"
			}
			fmt.Fprintln(w, line)
		}
	})
	if err != nil && ctx.Err() == nil {
		return anyOK, fmt.Errorf("listing feeds: %w", err)
	}
	if feeds == 0 && err == nil {
		fmt.Fprintln(w, "no feeds yet: sitrep add URL")
		return false, nil
	}
	fmt.Fprintf(w, "%s, %s, %s\n", plural(feeds, "feed"), plural(fresh, "new story"), plural(failed, "error"))
	return anyOK, err
}

// plural is "1 feed", "2 feeds", "1 new story", "0 new stories".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// maxOPML bounds an OPML file: 100,000 feeds take about 15 MB.
const maxOPML = 64 << 20

// utf16Decl is an XML declaration's encoding naming UTF-16, which is no
// longer true once the text is UTF-8.
var utf16Decl = regexp.MustCompile(`(?i)^(<\?xml[^>]*?)\s+encoding\s*=\s*["']utf-16(le|be)?["']`)

// opmlUTF8 reads an OPML file of at most maxOPML bytes and turns UTF-16
// with a byte-order mark (what some Windows tools write) into UTF-8.
func opmlUTF8(r io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxOPML {
		return nil, fmt.Errorf("larger than %d MB: not an OPML file sitrep reads", maxOPML>>20)
	}
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return bytes.NewReader(data), nil
	}
	data = data[2:]
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	text := string(utf16.Decode(units))
	text = utf16Decl.ReplaceAllString(text, "$1")
	return strings.NewReader(text), nil
}

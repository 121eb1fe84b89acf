package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"

	"sitrep/feeds/content"
	"sitrep/model/sanitize"
)

// Probe is what a URL turned out to be when fetched before subscribing
// to it (sitrep add): a feed, a web page announcing feeds, or neither.
type Probe struct {
	// URL is the URL as add would store it: normalized, http:// when no
	// scheme was given and only http answered, moved by a permanent
	// redirect once the answer was read.
	URL string
	// Title is the feed's title, one safe line, when it reads as a feed.
	Title string
	// Feeds are the feeds a web page announces; when there are none,
	// Problem says so.
	Feeds []string
	// Problem, when not "", says why the URL is not a feed now, in the
	// user's words: "could not fetch it: HTTP 500", "not a feed: …".
	Problem string
}

// Page reports whether the URL is a web page that announces feeds.
func (pr Probe) Page() bool { return len(pr.Feeds) > 0 }

// Probe fetches raw, as people paste it ("example.org/feed" is https,
// falling back to http), within the fetcher's limits and says what it
// is. The error is for a URL that sitrep cannot follow at all (not http
// or https, no host); a URL that can be followed but is not a feed now is
// a Probe with its Problem.
func (p *Fetcher) Probe(ctx context.Context, raw string) (Probe, error) {
	u, err := normalizeURL(raw)
	if err != nil {
		return Probe{}, err
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
	switch {
	case err != nil:
		return Probe{URL: u, Problem: fmt.Sprintf("could not fetch it: %v", err)}, nil
	case fe.status < 200 || fe.status > 299:
		return Probe{URL: u, Problem: fmt.Sprintf("could not fetch it: HTTP %d", fe.status)}, nil
	}
	if fe.permanent {
		u = fe.finalURL.String()
	}
	parsed, _, _, perr := p.parse(fe)
	if perr == nil {
		return Probe{URL: u, Title: sanitize.Line(content.ToText(parsed.Title))}, nil
	}
	if !looksLikeHTML(fe.body, fe.header.Get("Content-Type")) {
		// A feed that is broken today may be mended tomorrow; anything
		// else is a wrong URL.
		if gofeed.DetectFeedType(bytes.NewReader(toUTF8(fe.body, fe.header.Get("Content-Type")))) != gofeed.FeedTypeUnknown {
			return Probe{URL: u, Problem: "it does not read as a feed now: " + sanitize.Line(perr.Error())}, nil
		}
		return Probe{URL: u, Problem: "not a feed: " + sanitize.Line(perr.Error())}, nil
	}
	found := Discover(pageToUTF8(fe.body, fe.header.Get("Content-Type")), fe.finalURL)
	if len(found) == 0 {
		return Probe{URL: u, Problem: "a web page that announces no feed"}, nil
	}
	return Probe{URL: u, Feeds: found}, nil
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

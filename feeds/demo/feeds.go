// Package demo is sitrep's built-in, offline set of feeds for `sitrep --demo`.
//
// The feeds are real feed documents (RSS 2.0, Atom, JSON Feed 1.1) embedded
// in the binary and served by an http.RoundTripper for a fake host, so the
// demo goes through exactly the same fetch → parse → extract → store → UI
// path as a real subscription. Nothing here ever touches the network.
//
// The stories were written for this project and describe fictional places,
// organisations and people; the one exception is the project's reference
// story (Business Insider, 12 February 2016), copied verbatim from
// corpus/syria-ceasefire.txt and labelled with its source.
package demo

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Host is the fake host the demo feeds live on. The .invalid top-level domain
// is reserved (RFC 2606), so even if a client bypassed Transport these URLs
// could never reach a real server.
const Host = "demo.sitrep.invalid"

// BaseURL is the scheme and host every demo URL starts with.
const BaseURL = "http://" + Host

//go:embed data/*.xml data/*.json data/*.txt
var dataFS embed.FS

// Format names a feed document format.
type Format string

// The formats the demo covers, one working feed each, so the demo exercises
// every parser path the poller has.
const (
	RSS      Format = "rss"
	Atom     Format = "atom"
	JSONFeed Format = "json"
)

// Feed describes one demo feed for callers that want more than its URL, e.g.
// to give the broken feed a readable title it can never fetch itself.
type Feed struct {
	Title  string
	URL    string
	Format Format
	// Broken is set on the feed that always fails (see BrokenStatus).
	Broken bool
}

// The broken feed answers every request with 503 Service Unavailable and a
// Retry-After of ten minutes, the most common way a real, overloaded feed
// fails. It must show as an error on that feed, and a good-citizen poller
// should back off for at least RetryAfter before asking again.
const (
	BrokenStatus     = 503
	BrokenRetryAfter = 10 * time.Minute
)

// entry is one feed in the catalogue, with what the transport serves for it.
type entry struct {
	Feed
	path        string        // URL path on Host
	file        string        // under data/; empty for the broken feed
	contentType string        // Content-Type header
	modified    time.Time     // Last-Modified: the newest story's date
	delay       time.Duration // default artificial latency
	build       func([]byte) ([]byte, error)

	body   []byte // served bytes, filled by load
	etag   string // strong ETag of body
	gz     []byte // body gzipped, for clients that accept it
	gzEtag string // strong ETag of gz: a different representation
}

// catalogue lists the demo feeds in the stable order FeedURLs reports. The
// reference story comes first: it is also the newest story, so it is the one
// selected in the queue at start.
var catalogue = []*entry{
	{
		Feed:        Feed{Title: "Business Insider (reference story)", Format: RSS},
		path:        "/reference/syria-ceasefire.rss",
		file:        "syria-ceasefire.txt",
		contentType: "application/rss+xml; charset=utf-8",
		modified:    referenceDate,
		delay:       60 * time.Millisecond,
		build:       referenceFeed,
	},
	{
		Feed:        Feed{Title: "Conflict Desk", Format: RSS},
		path:        "/conflict-desk/rss.xml",
		file:        "conflict-desk.rss.xml",
		contentType: "application/rss+xml; charset=utf-8",
		modified:    time.Date(2026, 11, 25, 20, 51, 0, 0, time.UTC),
		delay:       120 * time.Millisecond,
	},
	{
		Feed:        Feed{Title: "Relief Wire", Format: Atom},
		path:        "/relief-wire/atom.xml",
		file:        "relief-wire.atom.xml",
		contentType: "application/atom+xml; charset=utf-8",
		modified:    time.Date(2026, 11, 25, 19, 30, 0, 0, time.UTC),
		delay:       180 * time.Millisecond,
	},
	{
		Feed:        Feed{Title: "Frontline Monitor", Format: JSONFeed},
		path:        "/frontline-monitor/feed.json",
		file:        "frontline-monitor.json",
		contentType: "application/feed+json; charset=utf-8",
		modified:    time.Date(2026, 11, 25, 17, 12, 0, 0, time.UTC),
		delay:       240 * time.Millisecond,
	},
	{
		Feed:  Feed{Title: "Border Bulletin (always 503)", Format: RSS, Broken: true},
		path:  "/border-bulletin/rss.xml",
		delay: 300 * time.Millisecond,
	},
}

// byPath indexes the catalogue for the transport.
var byPath = map[string]*entry{}

func init() {
	for _, e := range catalogue {
		e.URL = BaseURL + e.path
		byPath[e.path] = e
	}
}

// loadAll loads the served documents on the first request, not at package
// init: every sitrep binary links this package, and reading, building,
// hashing and gzipping the feeds is wasted on a start without --demo.
var loadAll = sync.OnceFunc(func() {
	for _, e := range catalogue {
		if err := e.load(); err != nil {
			// The data is embedded and checked by the tests, so this is a
			// programming error, not something a user can cause.
			panic(fmt.Sprintf("demo: feed %s: %v", e.path, err))
		}
	}
})

// load reads (and if needed builds) the served document and its ETag once,
// so every request for it is cheap and conditional GETs are stable.
func (e *entry) load() error {
	if e.Broken {
		return nil
	}
	b, err := dataFS.ReadFile("data/" + e.file)
	if err != nil {
		return err
	}
	if e.build != nil {
		if b, err = e.build(b); err != nil {
			return err
		}
	}
	sum := sha256.Sum256(b)
	e.body = b
	e.etag = `"` + hex.EncodeToString(sum[:12]) + `"`
	// The poller asks for gzip and inflates it itself; serving it makes the
	// demo take that path too. Each representation needs its own strong
	// ETag, so the gzipped one gets a suffix (as Apache does).
	var z bytes.Buffer
	zw, err := gzip.NewWriterLevel(&z, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	e.gz = z.Bytes()
	e.gzEtag = strings.TrimSuffix(e.etag, `"`) + `-gzip"`
	return nil
}

// Feeds describes the demo feeds, working and broken, in a stable order.
func Feeds() []Feed {
	out := make([]Feed, len(catalogue))
	for i, e := range catalogue {
		out[i] = e.Feed
	}
	return out
}

// FeedURLs lists the demo feed URLs, working and broken, in a stable order.
// They only resolve through Transport.
func FeedURLs() []string {
	out := make([]string, len(catalogue))
	for i, e := range catalogue {
		out[i] = e.URL
	}
	return out
}

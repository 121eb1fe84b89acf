package feeds

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Fetcher gets and parses feeds within sitrep's limits: one HTTP client,
// requests in flight in total and per host, body size and time. The
// Poller fetches through one, and so does add, which checks a URL before
// subscribing to it.
type Fetcher struct {
	client *http.Client
	opts   Options
	limits *limiter
}

// NewFetcher returns a fetcher that gets with client (NewClient(opts) when
// nil) within opts' limits.
func NewFetcher(client *http.Client, opts Options) *Fetcher {
	opts = opts.withDefaults()
	if client == nil {
		client = NewClient(opts)
	}
	return &Fetcher{client: client, opts: opts, limits: newLimiter(opts.MaxConcurrent, opts.MaxPerHost)}
}

// fetched is one HTTP answer, its body read (and inflated) within the limit.
type fetched struct {
	status    int
	header    http.Header
	body      []byte
	finalURL  *url.URL
	permanent bool // redirected, and every hop was 301 or 308
}

// fetchOpts are the per-request inputs of get.
type fetchOpts struct {
	etag, lastModified string // conditional GET validators; "" for none
	accept             string
	// then, when set, runs after a 2xx body is read and before the
	// request's slots are given back. The poller takes its CPU slot there,
	// so a fetched body waits for parsing while still counting against
	// the request limit: fetching cannot run ahead of parsing and pile
	// bodies up in memory.
	then func(context.Context) error
}

// get does one GET through the limiter: host slot, then global slot, held
// while the request and its body are in flight (and until fo.then has
// run), never while the body is parsed. Non-2xx/304 answers are returned
// with their status, not as errors, so the caller can read Retry-After.
func (p *Fetcher) get(ctx context.Context, rawURL string, fo fetchOpts) (*fetched, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("bad URL %q: only http and https can be fetched", rawURL)
	}
	release, err := p.limits.acquire(ctx, u.Host)
	if err != nil {
		return nil, err
	}
	defer release()

	outer := ctx // waiting for a CPU slot is not the request's time
	ctx, cancel := context.WithTimeout(ctx, p.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("User-Agent", p.opts.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip")
	if fo.accept != "" {
		req.Header.Set("Accept", fo.accept)
	}
	if fo.etag != "" {
		req.Header.Set("If-None-Match", fo.etag)
	}
	if fo.lastModified != "" {
		req.Header.Set("If-Modified-Since", fo.lastModified)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, describeNetErr(err, p.opts.Timeout)
	}
	defer resp.Body.Close()

	f := &fetched{status: resp.StatusCode, header: resp.Header, finalURL: resp.Request.URL}
	hops, permanent := redirectChain(resp)
	if hops > maxRedirects { // a caller's client may allow more than we do
		return nil, errTooManyRedirects
	}
	f.permanent = hops > 0 && permanent

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Read a little so the connection can be reused, no more.
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return f, nil
	}
	var r io.Reader = resp.Body
	enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding")))
	gzipped := (enc == "gzip" || enc == "x-gzip") && !resp.Uncompressed
	if !gzipped && resp.ContentLength > p.opts.MaxBody {
		// Announced too large: no need to download it to know.
		return nil, fmt.Errorf("%w (%s announced, over %s)", ErrTooLarge, humanBytes(resp.ContentLength), humanBytes(p.opts.MaxBody))
	}
	if gzipped {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("bad gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	body, err := readLimited(r, p.opts.MaxBody, resp.ContentLength)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("reading body: %w", describeNetErr(err, p.opts.Timeout))
	}
	f.body = body
	if fo.then != nil {
		if err := fo.then(outer); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// redirectChain counts the redirects that led to resp and reports whether
// all of them were permanent, so only a fully permanent chain rewrites the
// stored URL.
func redirectChain(resp *http.Response) (hops int, permanent bool) {
	permanent = true
	for r := resp.Request.Response; r != nil; r = r.Request.Response {
		hops++
		if r.StatusCode != http.StatusMovedPermanently && r.StatusCode != http.StatusPermanentRedirect {
			permanent = false
		}
	}
	return hops, permanent
}

// describeNetErr turns the transport's wording into something a reader of
// `sitrep feeds` understands, keeping the cause.
func describeNetErr(err error, timeout time.Duration) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("timed out after %s", timeout)
	case errors.Is(err, errTooManyRedirects):
		return errTooManyRedirects
	}
	return err
}

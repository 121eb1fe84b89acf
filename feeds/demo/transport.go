package demo

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RoundTripper serves the embedded demo feeds for requests to Host. It
// behaves like a small, well-run feed server: Content-Type, ETag and
// Last-Modified on every answer, 304 Not Modified for conditional requests,
// 404 for unknown paths, and the broken feed failing the documented way.
// Requests for any other host fail with an error: the demo never uses the
// network.
type RoundTripper struct {
	// Delay returns the artificial latency of a request for a URL path, so
	// the UI's polling progress is visible. Nil means no delay (tests).
	Delay func(path string) time.Duration
}

// Transport returns the demo transport with the default latency of 50–300 ms
// per feed (fixed per feed, so demo runs look the same every time). Use it
// as the Transport of the http.Client handed to the poller.
func Transport() http.RoundTripper {
	return &RoundTripper{Delay: DefaultDelay}
}

// DefaultDelay is the default per-feed latency: between 50 and 300 ms.
func DefaultDelay(path string) time.Duration {
	if e, ok := byPath[path]; ok {
		return e.delay
	}
	return 50 * time.Millisecond
}

// RoundTrip implements http.RoundTripper.
func (t *RoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	// A RoundTripper must always close the request body.
	if req.Body != nil {
		req.Body.Close()
	}
	if req.URL == nil || req.URL.Hostname() != Host || (req.URL.Scheme != "http" && req.URL.Scheme != "https") {
		return nil, fmt.Errorf("demo transport: %s is not a demo feed (offline demo, no network)", req.URL)
	}
	ctx := req.Context()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if t.Delay != nil {
		if d := t.Delay(req.URL.Path); d > 0 {
			timer := time.NewTimer(d)
			select {
			case <-ctx.Done():
				timer.Stop()
				return nil, ctx.Err()
			case <-timer.C:
			}
		}
	}

	h := http.Header{}
	h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	h.Set("Server", "sitrep-demo")
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		return respond(req, http.StatusMethodNotAllowed, h, "text/plain; charset=utf-8", []byte("method not allowed\n")), nil
	}
	loadAll()
	e, ok := byPath[req.URL.Path]
	if !ok {
		return respond(req, http.StatusNotFound, h, "text/plain; charset=utf-8", []byte("404 page not found\n")), nil
	}
	if e.Broken {
		h.Set("Retry-After", strconv.Itoa(int(BrokenRetryAfter/time.Second)))
		h.Set("Cache-Control", "no-store")
		return respond(req, BrokenStatus, h, "text/html; charset=utf-8", []byte(brokenPage)), nil
	}

	body, etag := e.body, e.etag
	if acceptsGzip(req.Header.Get("Accept-Encoding")) {
		body, etag = e.gz, e.gzEtag
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("Vary", "Accept-Encoding")
	h.Set("ETag", etag)
	h.Set("Last-Modified", e.modified.UTC().Format(http.TimeFormat))
	h.Set("Cache-Control", "max-age=300")
	if notModified(req, e) {
		h.Del("Content-Encoding")
		return respond(req, http.StatusNotModified, h, "", nil), nil
	}
	return respond(req, http.StatusOK, h, e.contentType, body), nil
}

// acceptsGzip reports whether an Accept-Encoding header allows gzip. It is
// deliberately simple: "gzip" (or x-gzip) listed without q=0.
func acceptsGzip(ae string) bool {
	for _, part := range strings.Split(ae, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		if coding != "gzip" && coding != "x-gzip" {
			continue
		}
		q := strings.ReplaceAll(strings.ToLower(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

// notModified applies RFC 9110's rules for GET and HEAD: If-None-Match wins
// when present (weak comparison, either representation's tag, since the
// content is the same), else If-Modified-Since at one-second resolution.
func notModified(req *http.Request, e *entry) bool {
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		for _, tag := range strings.Split(inm, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == e.etag || tag == e.gzEtag {
				return true
			}
		}
		return false
	}
	if ims := req.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil {
			return !e.modified.Truncate(time.Second).After(t)
		}
	}
	return false
}

// respond builds a complete response; HEAD and 304 get headers only.
func respond(req *http.Request, code int, h http.Header, contentType string, body []byte) *http.Response {
	if contentType != "" {
		h.Set("Content-Type", contentType)
	}
	if code == http.StatusNotModified {
		body = nil
	} else {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	length := int64(len(body))
	if req.Method == http.MethodHead {
		body = nil
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", code, http.StatusText(code)),
		StatusCode:    code,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(bytes.NewReader(body)),
		ContentLength: length,
		Request:       req,
	}
}

// brokenPage is what an overloaded origin typically sends with its 503: an
// HTML page, not a feed, so a client that ignored the status would fail to
// parse it anyway.
const brokenPage = `<!DOCTYPE html>
<html><head><title>503 Service Unavailable</title></head>
<body><h1>Service Unavailable</h1>
<p>Border Bulletin is temporarily over capacity. Please try again later.</p>
</body></html>
`

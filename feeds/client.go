package feeds

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// maxRedirects is how many redirects one fetch follows; more is a loop or a
// trap, not a feed.
const maxRedirects = 5

// NewClient returns the one HTTP client sitrep shares between all polls: one
// transport, so connections to a host are kept alive and reused across
// rounds, with a connect timeout and an overall one (opts.ConnectTimeout,
// opts.Timeout; zero means the defaults) and at most 5 redirects.
// Compression is left to the poller, which counts the size limit on
// decompressed bytes.
func NewClient(opts Options) *http.Client {
	opts = opts.withDefaults()
	dialer := &net.Dialer{Timeout: opts.ConnectTimeout, KeepAlive: 30 * time.Second}
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   opts.MaxPerHost + 2,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   opts.ConnectTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		ExpectContinueTimeout: time.Second,
		DisableCompression:    true, // we ask for gzip and count what it inflates to
	}
	return &http.Client{
		Transport:     tr,
		Timeout:       opts.Timeout,
		CheckRedirect: checkRedirect,
	}
}

var errTooManyRedirects = fmt.Errorf("more than %d redirects", maxRedirects)

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return errTooManyRedirects
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return errors.New("redirect to a non-HTTP URL")
	}
	// Go drops these on a redirect already; the UA we set per request stays.
	return nil
}

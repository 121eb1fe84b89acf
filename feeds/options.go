package feeds

import (
	"log/slog"
	"math/rand/v2"
	"time"

	"sitrep/model/extract"
)

// Options tune the poller. The zero value is filled with defaults by New.
type Options struct {
	UserAgent string        // default: UserAgent()
	Interval  time.Duration // normal time between polls of one feed (15 min)
	Now       func() time.Time
	Extract   func(string) extract.Result // default extract.Extract

	MaxConcurrent  int           // requests in flight in total (16)
	MaxPerHost     int           // requests in flight per host (2)
	MaxBody        int64         // bytes of a decompressed body (16 MiB)
	ConnectTimeout time.Duration // TCP + TLS connect (10 s)
	Timeout        time.Duration // one whole request, body included (60 s)
	MaxBackoff     time.Duration // cap of the error backoff and of server hints (24 h)
	// FullTextWords: an item with fewer words than this is a summary, and a
	// feed with FullText on fetches its page (150).
	FullTextWords int
	// Jitter returns a number in [0,1); tests make it fixed.
	Jitter func() float64
	// Log, when set, is the debug log (sitrep --log FILE): polls, errors
	// and timings, one line per event.
	Log *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent()
	}
	if o.Interval <= 0 {
		o.Interval = 15 * time.Minute
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Extract == nil {
		o.Extract = extract.Extract
	}
	if o.MaxConcurrent <= 0 {
		o.MaxConcurrent = 16
	}
	if o.MaxPerHost <= 0 {
		o.MaxPerHost = 2
	}
	if o.MaxBody <= 0 {
		o.MaxBody = 16 << 20
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 24 * time.Hour
	}
	if o.FullTextWords <= 0 {
		o.FullTextWords = 150
	}
	if o.Jitter == nil {
		o.Jitter = rand.Float64
	}
	return o
}

package feeds

import (
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	ext "github.com/mmcdole/gofeed/extensions"
	"github.com/mmcdole/gofeed/rss"
)

// The next poll of a feed is the normal interval, pushed later by whatever
// the server asked for (Retry-After, Cache-Control max-age, RSS <ttl>,
// sy:updatePeriod): those are lower bounds, never reasons to poll sooner.
// A server's hint is capped at MaxBackoff so one bogus ttl="99999999"
// cannot silence a feed for ever.

// nextPoll is the time of the next poll after a successful one.
func nextPoll(now time.Time, interval, maxWait time.Duration, hints ...time.Duration) time.Time {
	wait := interval
	for _, h := range hints {
		h = min(h, maxWait)
		wait = max(wait, h)
	}
	return now.Add(wait)
}

// backoff is the wait after the errCount-th failure in a row: the interval,
// doubled for each further failure, spread by ±25% jitter so feeds that
// failed together (a network outage) do not retry together, and capped.
// A Retry-After is a lower bound on top of it.
func backoff(errCount int, interval, maxWait time.Duration, jitter float64, retryAfter time.Duration) time.Duration {
	if errCount < 1 {
		errCount = 1
	}
	exp := math.Min(float64(errCount-1), 30) // 2^30 intervals is past any cap
	d := float64(interval) * math.Pow(2, exp) * (0.75 + 0.5*jitter)
	wait := time.Duration(math.Min(d, float64(maxWait)))
	if retryAfter > wait {
		wait = min(retryAfter, maxWait)
	}
	return wait
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// maxAge reads Cache-Control max-age; no-cache and no-store give no hint
// (they ask for freshness, not for more polling).
func maxAge(h http.Header) time.Duration {
	for _, part := range strings.Split(h.Get("Cache-Control"), ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(strings.ToLower(part)), "=")
		if ok && k == "max-age" {
			if s, err := strconv.Atoi(strings.Trim(v, `"`)); err == nil && s > 0 {
				return time.Duration(s) * time.Second
			}
		}
	}
	return 0
}

// feedHints are the feed's own words on how often it changes: RSS <ttl> in
// minutes and the syndication module's updatePeriod / updateFrequency.
func feedHints(f *gofeed.Feed) (ttl, syPeriod time.Duration) {
	if rf, ok := f.OriginalFeed().(*rss.Feed); ok && rf != nil {
		if m, err := strconv.Atoi(strings.TrimSpace(rf.TTL)); err == nil && m > 0 {
			ttl = time.Duration(m) * time.Minute
		}
	}
	if sy, ok := f.Extensions["sy"]; ok {
		syPeriod = syndicationPeriod(extValue(sy["updatePeriod"]), extValue(sy["updateFrequency"]))
	}
	return ttl, syPeriod
}

func extValue(v []ext.Extension) string {
	if len(v) == 0 {
		return ""
	}
	return v[0].Value
}

// syndicationPeriod: updatePeriod is hourly|daily|weekly|monthly|yearly
// (default daily) and updateFrequency how many updates per period
// (default 1), so the feed changes about every period/frequency.
func syndicationPeriod(period, frequency string) time.Duration {
	period = strings.ToLower(strings.TrimSpace(period))
	if period == "" && strings.TrimSpace(frequency) == "" {
		return 0
	}
	var d time.Duration
	switch period {
	case "hourly":
		d = time.Hour
	case "", "daily":
		d = 24 * time.Hour
	case "weekly":
		d = 7 * 24 * time.Hour
	case "monthly":
		d = 30 * 24 * time.Hour
	case "yearly":
		d = 365 * 24 * time.Hour
	default:
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(frequency))
	if err != nil || n < 1 {
		n = 1
	}
	return d / time.Duration(n)
}

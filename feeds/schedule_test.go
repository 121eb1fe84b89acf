package feeds

import (
	"net/http"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

func TestBackoff(t *testing.T) {
	const iv = 15 * time.Minute
	cases := []struct {
		n      int
		jitter float64
		ra     time.Duration
		want   time.Duration
	}{
		{1, 0.5, 0, 15 * time.Minute},
		{2, 0.5, 0, 30 * time.Minute},
		{3, 0.5, 0, time.Hour},
		{5, 0.5, 0, 4 * time.Hour},
		{1, 0, 0, 15 * time.Minute * 3 / 4}, // jitter spreads ±25%
		{1, 1, 0, 15 * time.Minute * 5 / 4},
		{8, 0.5, 0, 24 * time.Hour}, // 32 h capped
		{1000, 0.99, 0, 24 * time.Hour},
		{0, 0.5, 0, 15 * time.Minute},
		{1, 0.5, 2 * time.Hour, 2 * time.Hour},       // Retry-After is a lower bound
		{1, 0.5, 48 * time.Hour, 24 * time.Hour},     // ... within the cap
		{3, 0.5, 10 * time.Minute, 60 * time.Minute}, // ... and never shortens it
	}
	for _, c := range cases {
		if got := backoff(c.n, iv, 24*time.Hour, c.jitter, c.ra); got != c.want {
			t.Errorf("backoff(%d, j=%v, ra=%v) = %v, want %v", c.n, c.jitter, c.ra, got, c.want)
		}
	}
}

func TestNextPoll(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		hints []time.Duration
		want  time.Duration
	}{
		{nil, 15 * time.Minute},
		{[]time.Duration{5 * time.Minute}, 15 * time.Minute}, // hints never shorten
		{[]time.Duration{time.Hour, 0, 30 * time.Minute}, time.Hour},
		{[]time.Duration{1000 * time.Hour}, 24 * time.Hour}, // capped
	}
	for _, c := range cases {
		if got := nextPoll(now, 15*time.Minute, 24*time.Hour, c.hints...).Sub(now); got != c.want {
			t.Errorf("nextPoll(%v) = %v, want %v", c.hints, got, c.want)
		}
	}
}

func TestServerHints(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	h := http.Header{}
	h.Set("Retry-After", "120")
	if got := retryAfter(h, now); got != 2*time.Minute {
		t.Errorf("Retry-After seconds: %v", got)
	}
	h.Set("Retry-After", now.Add(time.Hour).Format(http.TimeFormat))
	if got := retryAfter(h, now); got != time.Hour {
		t.Errorf("Retry-After date: %v", got)
	}
	h.Set("Retry-After", "soon")
	if got := retryAfter(h, now); got != 0 {
		t.Errorf("Retry-After junk: %v", got)
	}
	for cc, want := range map[string]time.Duration{
		"max-age=3600":                   time.Hour,
		"public, max-age=600, immutable": 10 * time.Minute,
		"no-cache":                       0,
		"max-age=0":                      0,
		"":                               0,
	} {
		h := http.Header{}
		h.Set("Cache-Control", cc)
		if got := maxAge(h); got != want {
			t.Errorf("maxAge(%q) = %v, want %v", cc, got, want)
		}
	}
	for _, c := range []struct {
		period, freq string
		want         time.Duration
	}{
		{"hourly", "2", 30 * time.Minute},
		{"daily", "", 24 * time.Hour},
		{"", "4", 6 * time.Hour},
		{"weekly", "1", 7 * 24 * time.Hour},
		{"", "", 0},
		{"fortnightly", "1", 0},
	} {
		if got := syndicationPeriod(c.period, c.freq); got != c.want {
			t.Errorf("syndicationPeriod(%q,%q) = %v, want %v", c.period, c.freq, got, c.want)
		}
	}
}

func TestFeedHints(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
<channel><title>t</title><ttl>90</ttl><sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>1</sy:updateFrequency></channel></rss>`
	fp := gofeed.NewParser()
	fp.KeepOriginalFeed = true
	f, err := fp.ParseString(rss)
	if err != nil {
		t.Fatal(err)
	}
	ttl, sy := feedHints(f)
	if ttl != 90*time.Minute || sy != time.Hour {
		t.Errorf("ttl %v sy %v", ttl, sy)
	}
}

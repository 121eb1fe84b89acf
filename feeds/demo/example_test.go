package demo_test

import (
	"fmt"
	"net/http"

	"sitrep/feeds/demo"
)

// The demo is wired by giving the poller an HTTP client whose transport is
// the demo's, and subscribing it to the demo URLs.
func Example() {
	client := &http.Client{Transport: &demo.RoundTripper{}} // demo.Transport() adds latency
	for _, u := range demo.FeedURLs() {
		resp, err := client.Get(u)
		if err != nil {
			fmt.Println(err)
			continue
		}
		resp.Body.Close()
		fmt.Println(resp.StatusCode, u)
	}
	// Output:
	// 200 http://demo.sitrep.invalid/reference/syria-ceasefire.rss
	// 200 http://demo.sitrep.invalid/conflict-desk/rss.xml
	// 200 http://demo.sitrep.invalid/relief-wire/atom.xml
	// 200 http://demo.sitrep.invalid/frontline-monitor/feed.json
	// 503 http://demo.sitrep.invalid/border-bulletin/rss.xml
}

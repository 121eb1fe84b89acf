package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// The server runs in its own process so that its memory (the feed bodies)
// and its CPU are not counted as sitrep's.

var lastModified = time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC)

func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ExitOnError)
	nFeeds := fs.Int("feeds", 1000, "number of feeds")
	nItems := fs.Int("items", 50, "items per feed")
	latency := fs.Duration("latency", 20*time.Millisecond, "added latency per request")
	nHosts := fs.Int("hosts", 50, "loopback hosts 127.0.0.1..127.0.0.N")
	urlsFile := fs.String("urls", "urls.txt", "where to write the feed URLs")
	ready := fs.String("ready", "", "file created once serving")
	fs.Parse(args)

	bodies := make([][]byte, *nFeeds)
	for i := range bodies {
		bodies[i] = feedBody(i, *nItems)
	}
	var requests, notModified atomic.Int64
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/stats" {
			json.NewEncoder(w).Encode(map[string]int64{"requests": requests.Load(), "not_modified": notModified.Load()})
			if r.URL.Query().Get("reset") != "" {
				requests.Store(0)
				notModified.Store(0)
			}
			return
		}
		var i int
		if _, err := fmt.Sscanf(r.URL.Path, "/feed/%d.xml", &i); err != nil || i < 0 || i >= len(bodies) {
			http.NotFound(w, r)
			return
		}
		requests.Add(1)
		time.Sleep(*latency)
		etag := fmt.Sprintf(`"feed-%d-v1"`, i)
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastModified.Format(http.TimeFormat))
		if r.Header.Get("If-None-Match") == etag || notModifiedSince(r) {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(bodies[i])
	})

	var urls []string
	addrs := make([]string, *nHosts)
	for h := 0; h < *nHosts; h++ {
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", h+1))
		if err != nil {
			return fmt.Errorf("listening on 127.0.0.%d: %w", h+1, err)
		}
		addrs[h] = ln.Addr().String()
		go http.Serve(ln, handler)
	}
	for i := 0; i < *nFeeds; i++ {
		urls = append(urls, fmt.Sprintf("http://%s/feed/%d.xml", addrs[i%*nHosts], i))
	}
	if err := os.WriteFile(*urlsFile, []byte(strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	if *ready != "" {
		if err := os.WriteFile(*ready, []byte("http://"+addrs[0]+"/stats\n"), 0o644); err != nil {
			return err
		}
	}
	select {}
}

func notModifiedSince(r *http.Request) bool {
	t, err := http.ParseTime(r.Header.Get("If-Modified-Since"))
	return err == nil && !lastModified.After(t)
}

// feedBody writes an RSS feed of n items whose descriptions read like wire
// copy: quotes with speakers and casualty and aid figures, so extraction
// has real work to do. Deterministic per feed.
func feedBody(feed, n int) []byte {
	rng := rand.New(rand.NewPCG(uint64(feed), 42))
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Bench desk %d</title><link>http://bench.example/%d/</link><description>Benchmark feed</description><ttl>15</ttl>
`, feed, feed)
	for j := 0; j < n; j++ {
		place := places[rng.IntN(len(places))]
		fmt.Fprintf(&b, "<item><title>%s: %d displaced as fighting spreads (%d/%d)</title><link>http://bench.example/%d/story/%d</link><guid isPermaLink=\"false\">bench-%d-%d</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			place, 1000+rng.IntN(90000), feed, j, feed, j, feed, j,
			lastModified.Add(-time.Duration(j)*time.Hour).Format(time.RFC1123Z),
			html.EscapeString(storyText(rng, place)))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

var places = []string{"Aleppo", "Idlib", "Goma", "El Fasher", "Kharkiv", "Rafah", "Marib", "Bamako", "Mekelle", "Cabo Delgado"}
var speakers = []string{"UN spokesman Stéphane Dujarric", "Jan Egeland, head of the Norwegian Refugee Council", "a local official, Ahmed Hassan,", "the governor, Maria Kovalenko,", "Dr Amina Diallo of MSF"}

func storyText(rng *rand.Rand, place string) string {
	var p []string
	p = append(p, fmt.Sprintf("<p>At least %d people were killed and %d injured in %s overnight, officials said, as more than %d,000 residents fled their homes.</p>",
		5+rng.IntN(200), 10+rng.IntN(400), place, 2+rng.IntN(80)))
	p = append(p, fmt.Sprintf("<p>“We are seeing families arrive with nothing, and the needs are growing by the hour,” said %s. “The %d trucks that reached the city this week are not enough.”</p>",
		speakers[rng.IntN(len(speakers))], 10+rng.IntN(90)))
	p = append(p, fmt.Sprintf("<p>Aid agencies say $%d million is needed to support about %d,000 people at risk of hunger in the coming three months, while %d tonnes of food remain blocked at the border.</p>",
		5+rng.IntN(300), 50+rng.IntN(900), 100+rng.IntN(5000)))
	p = append(p, fmt.Sprintf("<p>The fighting has displaced an estimated %d,000 people since the start of the year, according to the International Organization for Migration, and %d schools have closed.</p>",
		100+rng.IntN(900), 3+rng.IntN(300)))
	return strings.Join(p, "\n")
}

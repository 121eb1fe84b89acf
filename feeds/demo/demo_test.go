package demo

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// wantStories is how many stories each working feed must parse to. Keeping
// the numbers here makes an accidentally dropped or malformed item fail.
var wantStories = map[string]int{
	"Business Insider (reference story)": 1,
	"Conflict Desk":                      11,
	"Relief Wire":                        10,
	"Frontline Monitor":                  11,
}

const minTotalStories = 30

// client fetches through the demo transport with no artificial latency.
func client() *http.Client {
	return &http.Client{Transport: &RoundTripper{}, Timeout: 10 * time.Second}
}

func get(t *testing.T, url string, hdr map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return resp, body
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// words turns an item's HTML body into its words, the way a reader sees them.
func words(s string) []string {
	return strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(s, " ")))
}

// parsedFeed is one working feed, fetched through the transport and parsed
// with the same library the poller uses.
type parsedFeed struct {
	Feed
	doc *gofeed.Feed
}

func fetchAll(t *testing.T) []parsedFeed {
	t.Helper()
	var out []parsedFeed
	for _, f := range Feeds() {
		if f.Broken {
			continue
		}
		resp, body := get(t, f.URL, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", f.Title, resp.StatusCode)
		}
		doc, err := gofeed.NewParser().Parse(strings.NewReader(string(body)))
		if err != nil {
			t.Fatalf("%s: parse: %v", f.Title, err)
		}
		out = append(out, parsedFeed{f, doc})
	}
	return out
}

func TestWorkingFeedsParse(t *testing.T) {
	feeds := fetchAll(t)
	formats := map[Format]bool{}
	guids := map[string]string{}
	total := 0
	for _, pf := range feeds {
		formats[pf.Format] = true
		if got, want := pf.doc.FeedType, map[Format]string{RSS: "rss", Atom: "atom", JSONFeed: "json"}[pf.Format]; got != want {
			t.Errorf("%s: feed type %q, want %q", pf.Title, got, want)
		}
		if pf.doc.Title != pf.Title {
			t.Errorf("feed title %q, catalogue says %q", pf.doc.Title, pf.Title)
		}
		if want, ok := wantStories[pf.Title]; !ok || len(pf.doc.Items) != want {
			t.Errorf("%s: %d stories, want %d", pf.Title, len(pf.doc.Items), want)
		}
		total += len(pf.doc.Items)
		for i, it := range pf.doc.Items {
			name := pf.Title + " item " + it.GUID
			if strings.TrimSpace(it.Title) == "" {
				t.Errorf("%s #%d: no title", pf.Title, i)
			}
			if it.GUID == "" {
				t.Errorf("%s #%d: no guid", pf.Title, i)
			} else if other, dup := guids[it.GUID]; dup {
				t.Errorf("%s: guid also used in %s", name, other)
			}
			guids[it.GUID] = pf.Title
			if it.PublishedParsed == nil {
				t.Errorf("%s: no publication date", name)
			}
			if !strings.HasPrefix(it.Link, BaseURL+"/") {
				t.Errorf("%s: link %q is not on the demo host", name, it.Link)
			}
			body := it.Content
			if body == "" {
				body = it.Description
			}
			n := len(words(body))
			if n < 100 {
				t.Errorf("%s: body has %d words, want at least 100", name, n)
			}
			if it.GUID != ReferenceGUID {
				// Our own stories are wire-length and carry quotes and figures.
				if n < 120 || n > 450 {
					t.Errorf("%s: body has %d words, want 120–450", name, n)
				}
				if !strings.ContainsAny(body, "\"“") || !strings.ContainsAny(body, "0123456789") {
					t.Errorf("%s: no quotation or no figure", name)
				}
				if !strings.Contains(body, "<p>") && !strings.Contains(body, "\n\n") {
					t.Errorf("%s: body has no paragraphs (HTML or blank-line separated)", name)
				}
			}
		}
	}
	if total < minTotalStories {
		t.Errorf("%d stories in all, want at least %d", total, minTotalStories)
	}
	if !formats[RSS] || !formats[Atom] || !formats[JSONFeed] {
		t.Errorf("formats covered: %v", formats)
	}
}

// The reference story must be the newest, so the queue opens on it, and each
// feed's Last-Modified must be its newest story's date.
func TestDatesAndLastModified(t *testing.T) {
	var newest time.Time
	var newestGUID string
	for _, pf := range fetchAll(t) {
		var feedNewest time.Time
		for _, it := range pf.doc.Items {
			d := *it.PublishedParsed
			if d.After(feedNewest) {
				feedNewest = d
			}
			if d.After(newest) {
				newest, newestGUID = d, it.GUID
			} else if d.Equal(newest) {
				newestGUID = "(tie)"
			}
			if d.Before(time.Date(2026, 11, 14, 0, 0, 0, 0, time.UTC)) || d.After(referenceDate) {
				t.Errorf("%s: date %v outside the demo's ten days", it.GUID, d)
			}
		}
		resp, _ := get(t, pf.URL, nil)
		lm, err := http.ParseTime(resp.Header.Get("Last-Modified"))
		if err != nil || !lm.Equal(feedNewest) {
			t.Errorf("%s: Last-Modified %q, newest story %v", pf.Title, resp.Header.Get("Last-Modified"), feedNewest)
		}
	}
	if newestGUID != ReferenceGUID || !newest.Equal(referenceDate) {
		t.Errorf("newest story is %s at %v, want the reference story at %v", newestGUID, newest, referenceDate)
	}
}

func TestReferenceStoryIntact(t *testing.T) {
	var item *gofeed.Item
	for _, pf := range fetchAll(t) {
		for _, it := range pf.doc.Items {
			if it.GUID == ReferenceGUID {
				item = it
				if !strings.Contains(pf.Title, "Business Insider") {
					t.Errorf("reference story is in feed %q, which does not name its source", pf.Title)
				}
			}
		}
	}
	if item == nil {
		t.Fatal("reference story missing")
	}
	if !strings.Contains(item.Description, "Business Insider") || !strings.Contains(item.Description, "2016") {
		t.Errorf("reference story does not name its source and date: %q", item.Description)
	}
	if n := strings.Count(item.Content, "<p>"); n < 20 {
		t.Errorf("reference story has %d paragraphs, want its paragraphs kept", n)
	}

	check := func(name string, txt []byte) {
		title, body, _ := strings.Cut(string(txt), "\n")
		if item.Title != strings.TrimSpace(title) {
			t.Errorf("%s: title %q, want %q", name, item.Title, title)
		}
		if got, want := words(item.Content), strings.Fields(body); !slices.Equal(got, want) {
			t.Errorf("%s: story text differs: %d words served, %d in the file", name, len(got), len(want))
		}
	}
	embedded, err := dataFS.ReadFile("data/syria-ceasefire.txt")
	if err != nil {
		t.Fatal(err)
	}
	check("embedded copy", embedded)

	// feeds/demo → repository root → ../shared, where the corpus lives.
	shared := filepath.Join("..", "..", "..", "shared", "corpus", "syria-ceasefire.txt")
	orig, err := os.ReadFile(shared)
	if err != nil {
		t.Skipf("no shared corpus at %s (%v); checked against the embedded copy only", shared, err)
	}
	check("shared corpus", orig)
}

func TestBrokenFeed(t *testing.T) {
	var broken []Feed
	for _, f := range Feeds() {
		if f.Broken {
			broken = append(broken, f)
		}
	}
	if len(broken) != 1 {
		t.Fatalf("%d broken feeds, want 1", len(broken))
	}
	resp, body := get(t, broken[0].URL, map[string]string{"If-None-Match": "*"})
	if resp.StatusCode != BrokenStatus || BrokenStatus != http.StatusServiceUnavailable {
		t.Errorf("broken feed: status %d, want 503", resp.StatusCode)
	}
	if got := resp.Header.Get("Retry-After"); got != "600" {
		t.Errorf("broken feed: Retry-After %q, want 600", got)
	}
	// A client that ignored the status would still fail: the body is HTML.
	if _, err := gofeed.NewParser().Parse(strings.NewReader(string(body))); err == nil {
		t.Error("broken feed's body parsed as a feed")
	}
}

func TestConditionalGet(t *testing.T) {
	for _, f := range Feeds() {
		if f.Broken {
			continue
		}
		resp, _ := get(t, f.URL, nil)
		etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if etag == "" || lm == "" || resp.Header.Get("Content-Type") == "" {
			t.Fatalf("%s: missing validators or type: %v", f.Title, resp.Header)
		}
		lmTime, _ := http.ParseTime(lm)
		cases := []struct {
			name string
			hdr  map[string]string
			want int
		}{
			{"same etag", map[string]string{"If-None-Match": etag}, 304},
			{"weak etag in list", map[string]string{"If-None-Match": `"x", W/` + etag}, 304},
			{"other etag", map[string]string{"If-None-Match": `"stale"`}, 200},
			{"same date", map[string]string{"If-Modified-Since": lm}, 304},
			{"later date", map[string]string{"If-Modified-Since": lmTime.Add(time.Hour).Format(http.TimeFormat)}, 304},
			{"earlier date", map[string]string{"If-Modified-Since": lmTime.Add(-time.Second).Format(http.TimeFormat)}, 200},
			{"etag wins over date", map[string]string{"If-None-Match": `"stale"`, "If-Modified-Since": lm}, 200},
		}
		for _, c := range cases {
			resp, body := get(t, f.URL, c.hdr)
			if resp.StatusCode != c.want {
				t.Errorf("%s, %s: status %d, want %d", f.Title, c.name, resp.StatusCode, c.want)
			}
			if c.want == 304 && (len(body) != 0 || resp.Header.Get("ETag") != etag) {
				t.Errorf("%s, %s: 304 with %d bytes, ETag %q", f.Title, c.name, len(body), resp.Header.Get("ETag"))
			}
		}
	}
}

func TestUnknownPathsAndHosts(t *testing.T) {
	resp, _ := get(t, BaseURL+"/no-such-feed.xml", nil)
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown path: status %d, want 404", resp.StatusCode)
	}
	if _, err := client().Get("http://example.com/feed.xml"); err == nil {
		t.Error("a non-demo host was served; the demo must never touch the network")
	}
	req, _ := http.NewRequest(http.MethodHead, FeedURLs()[1], nil)
	resp, err := client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || len(body) != 0 || resp.ContentLength <= 0 {
		t.Errorf("HEAD: status %d, %d body bytes, length %d", resp.StatusCode, len(body), resp.ContentLength)
	}
}

func TestContextCancellation(t *testing.T) {
	rt := &RoundTripper{Delay: func(string) time.Duration { return time.Hour }}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, FeedURLs()[0], nil)
	start := time.Now()
	_, err := rt.RoundTrip(req)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want deadline exceeded", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("RoundTrip did not return promptly on cancellation")
	}
}

func TestCatalogue(t *testing.T) {
	urls := FeedURLs()
	if !slices.Equal(urls, FeedURLs()) {
		t.Error("FeedURLs is not stable")
	}
	seen := map[string]bool{}
	for i, f := range Feeds() {
		if f.URL != urls[i] || !strings.HasPrefix(f.URL, BaseURL+"/") || seen[f.URL] {
			t.Errorf("feed %d: URL %q", i, f.URL)
		}
		seen[f.URL] = true
		path := strings.TrimPrefix(f.URL, BaseURL)
		if d := DefaultDelay(path); d < 50*time.Millisecond || d > 300*time.Millisecond {
			t.Errorf("%s: default delay %v, want 50–300 ms", f.Title, d)
		}
	}
	// The default transport really waits, so the UI's spinner has something to show.
	req, _ := http.NewRequest(http.MethodGet, urls[0], nil)
	start := time.Now()
	resp, err := Transport().RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if time.Since(start) < 50*time.Millisecond {
		t.Error("default transport has no latency")
	}
}

// The poller asks for gzip and inflates it itself, so the demo serves it.
func TestGzip(t *testing.T) {
	url := FeedURLs()[1]
	plain, plainBody := get(t, url, nil)
	zipped, zBody := get(t, url, map[string]string{"Accept-Encoding": "gzip"})
	if zipped.Header.Get("Content-Encoding") != "gzip" || plain.Header.Get("Content-Encoding") != "" {
		t.Fatalf("Content-Encoding: %q with gzip, %q without", zipped.Header.Get("Content-Encoding"), plain.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(bytes.NewReader(zBody))
	if err != nil {
		t.Fatal(err)
	}
	inflated, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(inflated, plainBody) {
		t.Fatalf("gzipped body does not inflate to the plain one (err %v)", err)
	}
	if zipped.Header.Get("ETag") == plain.Header.Get("ETag") {
		t.Error("gzipped and plain representations share a strong ETag")
	}
	resp, _ := get(t, url, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": zipped.Header.Get("ETag")})
	if resp.StatusCode != 304 {
		t.Errorf("If-None-Match with the gzip ETag: status %d, want 304", resp.StatusCode)
	}
	resp, _ = get(t, url, map[string]string{"Accept-Encoding": "gzip;q=0, identity"})
	if resp.Header.Get("Content-Encoding") != "" {
		t.Error("gzip served although refused with q=0")
	}
}

package feeds

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"sitrep/model"
)

// hostileDir holds the hostile feeds and feedparser's ill-formed and
// encoding cases, copied from ../shared/feeds with their licence so that
// a public clone runs every guard.
const hostileDir = "testdata/hostile"

// headerLine is a feedparser "Header:" comment: an HTTP header to send.
var headerLine = regexp.MustCompile(`(?m)^\s*Header:\s*([A-Za-z-]+):\s*(.*?)\s*$`)

// hostileFiles lists every file of the hostile and feedparser sets.
func hostileFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	filepath.WalkDir(hostileDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasSuffix(p, "README.md") && !strings.HasSuffix(p, "LICENSE") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 50 {
		t.Fatalf("only %d hostile feed files", len(files))
	}
	return files
}

// serveFiles serves each file at /<relative path> with the headers its
// comments name, else a content type that fits its extension.
func serveFiles(t *testing.T, files []string) *httptest.Server {
	mux := http.NewServeMux()
	for _, p := range files {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(hostileDir, p)
		h := http.Header{}
		for _, m := range headerLine.FindAllSubmatch(body[:min(len(body), 2048)], -1) {
			h.Set(string(m[1]), string(m[2]))
		}
		if h.Get("Content-Type") == "" {
			switch filepath.Ext(p) {
			case ".json":
				h.Set("Content-Type", "application/feed+json")
			case ".html":
				h.Set("Content-Type", "text/html; charset=utf-8")
			default:
				h.Set("Content-Type", "application/xml")
			}
		}
		mux.HandleFunc("/"+filepath.ToSlash(rel), func(w http.ResponseWriter, r *http.Request) {
			for k, v := range h {
				w.Header()[k] = v
			}
			w.Write(body)
		})
	}
	mux.HandleFunc("/good.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(goodFeed))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

const goodFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>
<item><title>One</title><link>http://example.org/1</link><description>First.</description><pubDate>Mon, 02 Feb 2026 10:00:00 GMT</pubDate></item>
<item><title>Two</title><link>http://example.org/2</link><description>Second.</description><pubDate>Mon, 02 Feb 2026 11:00:00 GMT</pubDate></item>
</channel></rss>`

// TestHostileFeeds polls every shared hostile and feedparser file in one
// round, together with a good feed, through the real store.
func TestHostileFeeds(t *testing.T) {
	files := hostileFiles(t)
	srv := serveFiles(t, files)
	st := openStore(t)
	p := New(srv.Client(), st, testOptions())
	ctx := context.Background()

	var feeds []model.Feed
	names := map[int64]string{}
	hasEntries := map[string]bool{}
	for _, f := range files {
		rel, _ := filepath.Rel(hostileDir, f)
		raw, _ := os.ReadFile(f)
		text := toUTF8(raw, "")
		hasEntries[rel] = bytes.Contains(text, []byte("<item")) || bytes.Contains(text, []byte("<entry")) || bytes.Contains(text, []byte(`"items"`))
		fd := addFeed(t, st, srv.URL+"/"+filepath.ToSlash(rel))
		feeds = append(feeds, fd)
		names[fd.ID] = rel
	}
	good := addFeed(t, st, srv.URL+"/good.xml")
	feeds = append(feeds, good)
	names[good.ID] = "good.xml"

	results := make([]Result, len(feeds))
	var wg sync.WaitGroup
	for i, f := range feeds {
		wg.Add(1)
		go func() { defer wg.Done(); results[i] = p.Poll(ctx, f) }()
	}
	wg.Wait()

	byName := map[string]Result{}
	var stories, errs int
	for _, r := range results {
		name := names[r.FeedID]
		byName[name] = r
		switch {
		case r.Err != nil:
			errs++
			msg := r.Err.Error()
			if msg == "" || !utf8.ValidString(msg) {
				t.Errorf("%s: unclear error %q", name, msg)
			}
			f := getFeed(t, st, r.FeedID)
			if f.LastError == "" || f.ErrorCount != 1 || !f.NextPoll.After(fixedNow) {
				t.Errorf("%s: error not recorded on the feed: %+v", name, f)
			}
			t.Logf("%-60s error: %s", name, msg)
		case r.New == 0:
			if hasEntries[name] {
				t.Errorf("%s: neither stories nor an error", name)
			} else {
				t.Logf("%-60s a valid feed without items", name)
			}
		default:
			stories += r.New
			t.Logf("%-60s %d stories", name, r.New)
		}
		for _, s := range feedStories(t, st, r.FeedID) {
			for _, field := range []string{s.Title, s.Body, s.Link, s.Author, s.Key, s.FeedTitle} {
				if bad := unsafeRune(field); bad != 0 {
					t.Errorf("%s: stored string carries %U: %q", name, bad, field)
				}
			}
			if s.Link != "" && !strings.HasPrefix(s.Link, "http://") && !strings.HasPrefix(s.Link, "https://") {
				t.Errorf("%s: unsafe link kept: %q", name, s.Link)
			}
			if s.Published.After(fixedNow) {
				t.Errorf("%s: future date %v", name, s.Published)
			}
		}
		f := getFeed(t, st, r.FeedID)
		if bad := unsafeRune(f.Title + f.LastError + f.SiteURL); bad != 0 {
			t.Errorf("%s: feed state carries %U", name, bad)
		}
	}
	t.Logf("%d files: %d stories, %d feeds in error", len(files), stories, errs)

	if r := byName["good.xml"]; r.Err != nil || r.New != 2 {
		t.Errorf("good feed affected by its neighbours: %+v", r)
	}
	// What the shared README asks of each named file.
	bad := feedStories(t, st, byName["bad-encoding.xml"].FeedID)
	if len(bad) != 1 || !strings.Contains(bad[0].Title, "Alép") || !strings.Contains(bad[0].Body, "déplacés") {
		t.Errorf("bad-encoding: %+v", bad)
	}
	for _, n := range []string{"empty.xml"} {
		if byName[n].Err == nil {
			t.Errorf("%s: want an error", n)
		}
	}
	if r := byName["not-a-feed.html"]; r.Err == nil || len(r.Discovered) != 2 {
		t.Errorf("not-a-feed.html: want the 2 linked feeds offered, got %+v", r)
	}
	for _, s := range feedStories(t, st, byName["billion-laughs.xml"].FeedID) {
		if len(s.Title) > 1000 {
			t.Errorf("billion laughs expanded: %d bytes", len(s.Title))
		}
	}
	for _, n := range []string{"escape-injection.xml", "escape-injection.json", "escape-injection-atom.xml"} {
		r := byName[n]
		if r.Err != nil || r.New == 0 {
			t.Errorf("%s: want its stories, got %+v", n, r)
		}
		// Sequences go whole, not just their ESC: no "[5m" left to read.
		f := getFeed(t, st, r.FeedID)
		for _, s := range append(feedStories(t, st, r.FeedID), model.Story{Title: f.Title}) {
			for _, field := range []string{s.Title, s.Body} {
				if strings.Contains(field, "[5m") || strings.Contains(field, "[2J") || strings.Contains(field, "]0;") {
					t.Errorf("%s: escape sequence remnant in %q", n, field)
				}
			}
		}
	}
}

// unsafeRune returns the first rune a terminal would act on, or 0.
func unsafeRune(s string) rune {
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return r
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r
		}
	}
	return 0
}

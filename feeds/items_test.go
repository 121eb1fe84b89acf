package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"sitrep/model"
)

func TestSafeLink(t *testing.T) {
	base, _ := url.Parse("http://example.org/news/feed.xml")
	cases := []struct{ raw, want string }{
		{"http://a.org/x", "http://a.org/x"},
		{"https://a.org/x?q=1&b=2", "https://a.org/x?q=1&b=2"},
		{"story.html", "http://example.org/news/story.html"},
		{"/top.html", "http://example.org/top.html"},
		{"//cdn.org/a", "http://cdn.org/a"},
		{"  http://a.org/pad  ", "http://a.org/pad"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"data:text/html,<b>x</b>", ""},
		{"mailto:a@b.org", ""},
		{"http://a.org/\x1b]0;pwn\x07", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := safeLink(c.raw, base); got != c.want {
			t.Errorf("safeLink(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

func TestFeedBase(t *testing.T) {
	feedURL, _ := url.Parse("http://host.example/feeds/rss.xml")
	cases := []struct{ body, link, want string }{
		{`<rss version="2.0" xml:base="http://127.0.0.1/base/">`, "stories/a.html", "http://127.0.0.1/base/stories/a.html"},
		{`<rss version="2.0"><channel xml:base="/sub/">`, "a.html", "http://host.example/sub/a.html"},
		{`<rss version="2.0">`, "a.html", "http://host.example/feeds/a.html"},
	}
	for _, c := range cases {
		if got := safeLink(c.link, feedBase([]byte(c.body), feedURL)); got != c.want {
			t.Errorf("%s + %s = %q, want %q", c.body, c.link, got, c.want)
		}
	}
}

func TestIdentity(t *testing.T) {
	base, _ := url.Parse("http://example.org/")
	cases := []struct {
		name string
		it   gofeed.Item
		link string
		want string
	}{
		{"guid", gofeed.Item{GUID: " g1 ", Link: "http://example.org/1"}, "http://example.org/1", "g1"},
		{"link", gofeed.Item{Link: "http://example.org/1"}, "http://example.org/1", "http://example.org/1"},
		{"unsafe link still identifies", gofeed.Item{Link: "javascript:x()"}, "", "javascript:x()"},
		{"hash", gofeed.Item{Title: "T", Published: "Mon"}, "", "h:" + shortHash("T", "Mon")},
	}
	for _, c := range cases {
		if got := identity(&c.it, c.link, base); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	// An edited body is the same story, updated, not a new one.
	a := gofeed.Item{Title: "T", Description: "one"}
	b := gofeed.Item{Title: "T", Description: "one, corrected"}
	if identity(&a, "", base) != identity(&b, "", base) {
		t.Error("hash identity changes with the body")
	}
}

// TestOddItems polls the shared odd-items feed and checks what the reader
// would see of each item.
func TestOddItems(t *testing.T) {
	body, err := os.ReadFile(hostileDir + "/odd-items.xml")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
	defer srv.Close()
	st := openStore(t)
	f := addFeed(t, st, srv.URL+"/odd.xml")
	p := New(srv.Client(), st, testOptions())
	r := p.PollNow(context.Background(), f)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	stories := feedStories(t, st, f.ID)
	by := map[string]model.Story{}
	for _, s := range stories {
		by[s.Title] = s
	}
	if len(stories) != 8 {
		t.Fatalf("%d stories, want 8 (duplicate guids are two stories)", len(stories))
	}
	if s := by["Relative link"]; s.Link != "http://127.0.0.1/base/stories/relative.html" {
		t.Errorf("xml:base not applied: %q", s.Link)
	}
	for _, n := range []string{"javascript: link", "file: link"} {
		if s, ok := by[n]; !ok || s.Link != "" {
			t.Errorf("%s: unsafe link kept: %+v", n, s)
		}
	}
	if s := by["Far future date"]; !s.Published.Equal(fixedNow) {
		t.Errorf("future date not clamped: %v", s.Published)
	}
	if s := by["No guid, no link, no date"]; !s.Published.Equal(fixedNow) || !strings.HasPrefix(s.Key, "h:") {
		t.Errorf("dateless item: %+v", s)
	}
	if a, b := by["Duplicate guid A"], by["Duplicate guid B"]; a.Key == b.Key || a.Link == b.Link {
		t.Errorf("duplicate guids merged: %q %q", a.Key, b.Key)
	}
	var untitled *model.Story
	for i, s := range stories {
		if strings.Contains(s.Body, "empty title") {
			untitled = &stories[i]
		}
	}
	if untitled == nil || !strings.HasPrefix(untitled.Title, "An item with an empty title") || strings.Contains(untitled.Body, "alert(1)") {
		t.Errorf("untitled item: %+v", untitled)
	}
	// Same feed again: stable identities, nothing new.
	if r := p.PollNow(context.Background(), getFeed(t, st, f.ID)); r.New != 0 || r.Updated != 0 {
		t.Errorf("second poll of the same feed: %+v", r)
	}
}

func TestDiscover(t *testing.T) {
	base, _ := url.Parse("http://site.example/news/index.html")
	page := `<html><head>
<link rel="stylesheet" href="a.css">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
<link rel="alternate" type="application/feed+json" href="https://other.example/feed.json">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body></body></html>`
	got := Discover([]byte(page), base)
	want := []string{"http://site.example/rss.xml", "http://site.example/news/atom.xml", "https://other.example/feed.json"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Discover = %q, want %q", got, want)
	}
	withBase := `<head><base href="http://cdn.example/x/"><link rel="alternate" type="application/rss+xml" href="f.xml"></head>`
	if got := Discover([]byte(withBase), base); len(got) != 1 || got[0] != "http://cdn.example/x/f.xml" {
		t.Errorf("<base> ignored: %q", got)
	}
}

func TestFullText(t *testing.T) {
	article := strings.Repeat("The convoy reached the town after three months of siege, officials said. ", 30)
	mux := http.NewServeMux()
	var pages int
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>S</title>
<item><guid>1</guid><title>Convoy</title><link>/story</link><description>Short summary.</description></item></channel></rss>`))
	})
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		pages++
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<html><head><title>Convoy</title></head><body><nav>Home | World</nav><article><p>` + article + `</p></article><footer>(c)</footer></body></html>`))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	st := openStore(t)
	ctx := context.Background()
	f := addFeed(t, st, srv.URL+"/feed")
	f.FullText = true
	if err := st.SaveFeedState(ctx, f); err != nil {
		t.Fatal(err)
	}
	p := New(srv.Client(), st, testOptions())
	if r := p.PollNow(ctx, getFeed(t, st, f.ID)); r.Err != nil || r.New != 1 {
		t.Fatalf("%+v", r)
	}
	s := feedStories(t, st, f.ID)[0]
	if !strings.Contains(s.Body, "convoy reached the town") || strings.Contains(s.Body, "Home | World") || s.Words < 300 {
		t.Errorf("full text not used: %d words: %.200q", s.Words, s.Body)
	}
	p.PollNow(ctx, getFeed(t, st, f.ID))
	if pages != 1 {
		t.Errorf("page fetched %d times; an unchanged item must not refetch it", pages)
	}
}

// TestItemXMLBase: an RSS item's own xml:base beats the channel's; items
// without one keep the channel's.
func TestItemXMLBase(t *testing.T) {
	body := `<?xml version="1.0"?><rss version="2.0" xml:base="http://a.example/news/"><channel><title>t</title>
<item xml:base="/desk/"><title>one</title><link>one.html</link><guid>1</guid></item>
<item><title>two</title><link>two.html</link><guid>2</guid></item>
<item xml:base="http://b.example/x/"><title>three</title><link>three.html</link><guid>3</guid></item>
</channel></rss>`
	parsed, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatal(err)
	}
	feedURL, _ := url.Parse("http://feeds.example/rss.xml")
	items := makeItems(parsed, []byte(body), model.Feed{ID: 1}, feedURL, time.Now())
	want := []string{"http://a.example/desk/one.html", "http://a.example/news/two.html", "http://b.example/x/three.html"}
	for i, it := range items {
		if it.story.Link != want[i] {
			t.Errorf("item %d link %q, want %q", i, it.story.Link, want[i])
		}
	}
}

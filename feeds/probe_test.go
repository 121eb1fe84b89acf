package feeds

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestProbe: a URL is a feed (with its title), a web page announcing one
// or more feeds, or neither, said in the user's words; a URL sitrep cannot
// follow is an error.
func TestProbe(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, rssFeed(rssItem("a", "A", "Alpha.")))
	})
	mux.HandleFunc("/two.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>`)
	})
	mux.HandleFunc("/nothing.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, `<html><body>no feeds</body></html>`)
	})
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "plain words") })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	fe := NewFetcher(srv.Client(), Options{})
	ctx := context.Background()

	if pr, err := fe.Probe(ctx, srv.URL+"/feed.xml"); err != nil || pr.Title != "T" || pr.Page() || pr.Problem != "" || pr.URL != srv.URL+"/feed.xml" {
		t.Errorf("a feed: %+v %v", pr, err)
	}
	if pr, err := fe.Probe(ctx, srv.URL+"/two.html"); err != nil || !pr.Page() || len(pr.Feeds) != 2 || pr.Feeds[1] != srv.URL+"/atom.xml" {
		t.Errorf("a page with two feeds: %+v %v", pr, err)
	}
	for path, want := range map[string]string{
		"/nothing.html": "a web page that announces no feed",
		"/broken":       "could not fetch it: HTTP 500",
		"/text":         "not a feed: ",
	} {
		if pr, err := fe.Probe(ctx, srv.URL+path); err != nil || !strings.HasPrefix(pr.Problem, want) || pr.URL != srv.URL+path {
			t.Errorf("%s: %+v %v, want problem %q", path, pr, err, want)
		}
	}
	if _, err := fe.Probe(ctx, "ftp://x.example/f"); err == nil {
		t.Error("an ftp URL: no error")
	}
}

// TestReadWriteOPML: folders become tags, a URL sitrep cannot follow is
// kept with its error, and what WriteOPML writes reads back the same.
func TestReadWriteOPML(t *testing.T) {
	in := `<opml version="2.0"><body><outline text="Africa"><outline text="Sahel">
<outline text="Mali Wire" xmlUrl="http://mali.example/feed"/></outline></outline>
<outline text="Top" xmlUrl="top.example/rss"/><outline text="Bad" xmlUrl="javascript:x"/></body></opml>`
	fs, err := ReadOPML(strings.NewReader(in))
	if err != nil || len(fs) != 3 {
		t.Fatalf("%+v %v", fs, err)
	}
	if fs[0].URL != "http://mali.example/feed" || fs[0].Title != "Mali Wire" || strings.Join(fs[0].Tags, "/") != "Africa/Sahel" {
		t.Errorf("nested: %+v", fs[0])
	}
	if fs[1].URL != "https://top.example/rss" || fs[1].Err != nil {
		t.Errorf("no scheme: %+v", fs[1])
	}
	if fs[2].Err == nil || fs[2].URL != "javascript:x" {
		t.Errorf("javascript: %+v", fs[2])
	}
	if _, err := ReadOPML(strings.NewReader(`<opml version="2.0"><body></body></opml>`)); err == nil {
		t.Error("an OPML file without feeds: no error")
	}

	var out bytes.Buffer
	feeds := []model.Feed{{URL: "http://mali.example/feed", Title: "Mali Wire", Tags: []string{"Africa", "Sahel"}}, {URL: "https://top.example/rss"}}
	if err := WriteOPML(&out, feeds, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	back, err := ReadOPML(&out)
	if err != nil || len(back) != 2 || back[0].Title != "Mali Wire" || strings.Join(back[0].Tags, "/") != "Africa/Sahel" || back[1].URL != "https://top.example/rss" {
		t.Errorf("round trip: %+v %v", back, err)
	}
}

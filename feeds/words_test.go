package feeds

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"sitrep/model"
)

// pollBody serves body once as contentType, polls it through the real
// store, and returns the result and the stories saved.
func pollBody(t *testing.T, contentType, body string) (Result, []model.Story) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		io.WriteString(w, body)
	}))
	defer srv.Close()
	st := openStore(t)
	f := addFeed(t, st, srv.URL)
	r := New(srv.Client(), st, testOptions()).PollNow(context.Background(), f)
	if r.Err != nil {
		t.Fatalf("poll: %v", r.Err)
	}
	return r, feedStories(t, st, f.ID)
}

func byTitle(ss []model.Story) map[string]model.Story {
	m := map[string]model.Story{}
	for _, s := range ss {
		m[s.Title] = s
	}
	return m
}

// Issue 10: text that names a tag is cut at it.
func TestTextNamingATag(t *testing.T) {
	const quote = `"We are investigating," a spokesman said.`
	_, ss := pollBody(t, "application/rss+xml", rssFeed(
		rssItem("a", "Hackers hide &lt;script&gt; tags in ministry website, officials say", "Defaced pages."),
		rssItem("b", "Iframe attack", "Attackers planted an &lt;iframe&gt; in the page. "+quote),
	))
	got := byTitle(ss)
	if _, ok := got["Hackers hide <script> tags in ministry website, officials say"]; !ok {
		t.Errorf("RSS title cut: %q", titles(ss))
	}
	if b := got["Iframe attack"].Body; !strings.Contains(b, quote) || !strings.Contains(b, "<iframe>") {
		t.Errorf("description lost words: %q", b)
	}

	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>urn:a</id><updated>2026-02-01T00:00:00Z</updated>
<entry><id>urn:1</id><title type="text">The &lt;video&gt; element</title><updated>2026-02-01T00:00:00Z</updated>
<content type="text">Browsers play &lt;video&gt; without plug-ins &amp;amp; more.</content></entry>
<entry><id>urn:2</id><title type="html">Ministry &lt;b&gt;statement&lt;/b&gt;</title><updated>2026-02-01T00:00:00Z</updated>
<content type="xhtml"><xhtml:div xmlns:xhtml="http://www.w3.org/1999/xhtml"><xhtml:p>One.</xhtml:p><xhtml:p>Two.</xhtml:p></xhtml:div></content></entry>
<entry><id>urn:3</id><title>Grid</title><updated>2026-02-01T00:00:00Z</updated>
<content type="html">&lt;datagrid&gt;&lt;row&gt;Figures&lt;/row&gt; released&lt;/datagrid&gt;</content></entry>
</feed>`
	_, ss = pollBody(t, "application/atom+xml", atom)
	got = byTitle(ss)
	if s, ok := got["The <video> element"]; !ok {
		t.Errorf("Atom text title read as HTML: %q", titles(ss))
	} else if s.Body != "Browsers play <video> without plug-ins &amp; more." {
		t.Errorf("Atom text content read as HTML: %q", s.Body)
	}
	if b := got["Ministry statement"].Body; b != "One.\n\nTwo." {
		t.Errorf("namespaced XHTML: %q (titles %q)", b, titles(ss))
	}
	if b := got["Grid"].Body; b != "Figures released" {
		t.Errorf("unknown element: %q", b)
	}
}

func titles(ss []model.Story) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Title)
	}
	return out
}

// Issue 10: four identical items were stored as 2; identity gives 1 or N.
func TestIdenticalItems(t *testing.T) {
	same := rssItem("g", "Same", "Same body.")
	_, ss := pollBody(t, "application/rss+xml", rssFeed(same, same, same, same))
	if len(ss) != 1 {
		t.Errorf("4 identical items: %d stories, want 1", len(ss))
	}
	noID := `<item><title>Bare</title><description>Bare body.</description></item>`
	_, ss = pollBody(t, "application/rss+xml", rssFeed(noID, noID, noID, noID))
	if len(ss) != 1 {
		t.Errorf("4 identical items without guid or link: %d stories, want 1", len(ss))
	}
	_, ss = pollBody(t, "application/rss+xml", rssFeed(
		rssItem("g", "One", "1."), rssItem("g", "Two", "2."), rssItem("g", "Three", "3."), rssItem("g", "Four", "4.")))
	if len(ss) != 4 {
		t.Errorf("4 different items sharing a guid: %d stories, want 4", len(ss))
	}
}

// Issue 10: media:title is the fallback title.
func TestMediaTitle(t *testing.T) {
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>V</title>
<item><guid>v1</guid><media:title>Footage from the Rafah crossing</media:title><description>Video.</description></item>
<item><guid>v2</guid><media:group><media:title>Aleppo at night</media:title></media:group><description>Video two.</description></item>
<item><guid>v3</guid><media:content url="http://e.org/a.mp4"><media:title>Convoy arrives</media:title></media:content><description>Three.</description></item>
</channel></rss>`
	_, ss := pollBody(t, "application/rss+xml", feed)
	got := byTitle(ss)
	for _, want := range []string{"Footage from the Rafah crossing", "Aleppo at night", "Convoy arrives"} {
		if _, ok := got[want]; !ok {
			t.Errorf("no story titled %q: %q", want, titles(ss))
		}
	}
}

// Issue 10: a truncated feed whose items were salvaged says so.
func TestTruncatedSaysSo(t *testing.T) {
	full := rssFeed(rssItem("a", "A", "1."), rssItem("b", "B", "2."), rssItem("c", "C", "3."), rssItem("d", "D", "4."))
	cut := full[:strings.Index(full, "<item><guid>d")+40]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, cut)
	}))
	defer srv.Close()
	st := openStore(t)
	f := addFeed(t, st, srv.URL)
	p := New(srv.Client(), st, testOptions())
	rs, err := roundResults(context.Background(), p, st, false)
	if err != nil || len(rs) != 1 || rs[0].New != 3 || rs[0].Warning != "truncated: 3 items kept" {
		t.Fatalf("round: %v %+v", err, rs)
	}
	// The warning is the feed's LastError without an error count, so that
	// sitrep feeds does not call it ok.
	if g := getFeed(t, st, f.ID); g.LastError != "truncated: 3 items kept" || g.ErrorCount != 0 {
		t.Errorf("feed after the round: error %q ×%d", g.LastError, g.ErrorCount)
	}
	r := p.PollNow(context.Background(), getFeed(t, st, f.ID))
	if r.Err != nil || !r.Truncated || r.Kept != 3 || r.Warning != "truncated: 3 items kept" {
		t.Fatalf("truncated feed: %+v", r)
	}
}

// Issue 10: stored text per story has a limit, counted and said.
func TestStoryLimit(t *testing.T) {
	phrase := "Shelling killed 12 people in Aleppo on Monday. "
	huge := strings.Repeat(phrase, (3*MaxStoryBytes)/len(phrase))
	r, ss := pollBody(t, "application/rss+xml", rssFeed(rssItem("big", "Big", huge), rssItem("small", "Small", "Short.")))
	got := byTitle(ss)
	b := got["Big"].Body
	if len(b) > MaxStoryBytes+200 || !strings.HasSuffix(b, "more was cut]") || !strings.HasPrefix(b, phrase[:20]) {
		t.Errorf("big story: %d bytes, ends %q", len(b), b[max(0, len(b)-120):])
	}
	if got["Small"].Body != "Short." {
		t.Errorf("small story: %q", got["Small"].Body)
	}
	if r.Cut != 1 || r.Warning != "1 story cut to 1.0 MB" {
		t.Errorf("result: cut %d, warning %q", r.Cut, r.Warning)
	}
}

func TestCutText(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{strings.Repeat("a", 90) + " bbbbbbbbbb", 96, strings.Repeat("a", 90)},
		{strings.Repeat("a", 90) + "\n\nbb bbbbbbbb", 98, strings.Repeat("a", 90)},
		{"ééééé", 5, "éé"},
	} {
		if got := cutText(c.in, c.n); got != c.want {
			t.Errorf("cutText(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

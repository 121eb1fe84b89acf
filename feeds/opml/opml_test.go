package opml

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

const nested = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="Top" type="rss" xmlUrl="http://top.example/rss" htmlUrl="http://top.example/"/>
  <outline text="Africa">
    <outline text="Sahel">
      <outline text="Mali Wire" title="ignored" type="rss" xmlUrl="http://mali.example/feed"/>
    </outline>
    <outline title="Sudan Desk" xmlUrl="http://sudan.example/atom"/>
  </outline>
  <outline text="Empty folder"/>
</body></opml>`

func TestParseNested(t *testing.T) {
	got, err := Parse(strings.NewReader(nested))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{URL: "http://top.example/rss", Title: "Top", SiteURL: "http://top.example/"},
		{URL: "http://mali.example/feed", Title: "Mali Wire", Tags: []string{"Africa", "Sahel"}},
		{URL: "http://sudan.example/atom", Title: "Sudan Desk", Tags: []string{"Africa"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	in, _ := Parse(strings.NewReader(nested))
	var buf bytes.Buffer
	if err := Write(&buf, "sitrep", in, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	out, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip:\n%+v\n%+v\n%s", in, out, buf.String())
	}
}

func TestParseBad(t *testing.T) {
	for _, s := range []string{"", "not xml", "<html><body>hi</body></html>"} {
		if _, err := Parse(strings.NewReader(s)); err == nil {
			t.Errorf("Parse(%q): no error", s)
		}
	}
	deep := strings.Repeat(`<outline text="x">`, 100) + strings.Repeat(`</outline>`, 100)
	if _, err := Parse(strings.NewReader(`<opml><body>` + deep + `</body></opml>`)); err == nil {
		t.Error("100-deep nesting accepted")
	}
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Al\xe9p\" xmlUrl=\"http://a.example/\"/></body></opml>"
	got, err := Parse(strings.NewReader(latin1))
	if err != nil || len(got) != 1 || got[0].Title != "Alép" {
		t.Errorf("latin-1 OPML: %+v %v", got, err)
	}
}

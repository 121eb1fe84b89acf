package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"sitrep/model/sanitize"
)

// sharedFeeds is the copy of ../shared/feeds kept in feeds/testdata, so
// these guards run in a public clone.
var sharedFeeds = filepath.Join("..", "testdata", "hostile")

// parseShared parses one of the hostile feeds the way the poller does.
func parseShared(t *testing.T, name string) *gofeed.Feed {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedFeeds, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feed, err := gofeed.NewParser().Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return feed
}

func itemBody(it *gofeed.Item) string {
	if it.Content != "" {
		return it.Content
	}
	return it.Description
}

func TestOddItems(t *testing.T) {
	feed := parseShared(t, "odd-items.xml")
	var got []string
	for _, it := range feed.Items {
		if b := itemBody(it); b != "" {
			got = append(got, ToText(b))
		}
	}
	want := []string{
		"Only a description.",
		"An item with an empty title but HTML in a CDATA body, and an image [image: map of Aleppo].",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bodies\n got %q\nwant %q", got, want)
	}
}

// TestEscapeInjection checks that every hostile body, once through ToText
// and the sanitiser as the poller does, keeps its words and carries nothing
// a terminal would act on — including the ESC that only appears when the
// Atom feed's doubly escaped "&amp;#27;" is decoded as HTML.
func TestEscapeInjection(t *testing.T) {
	for _, name := range []string{"escape-injection.xml", "escape-injection-atom.xml", "escape-injection.json"} {
		t.Run(name, func(t *testing.T) {
			feed := parseShared(t, name)
			if len(feed.Items) == 0 {
				t.Fatal("no items")
			}
			for _, it := range feed.Items {
				for _, field := range []string{it.Description, it.Content, it.Title} {
					if field == "" {
						continue
					}
					text := ToText(field)
					checkConvention(t, text)
					// The sanitiser may leave two spaces where it cut a
					// sequence out; only control-freedom is checked after it.
					out := sanitize.Text(text)
					for _, r := range out {
						if r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 || r == '\u202e' || r == '\u202c' {
							t.Errorf("control %U survives in %q (from %q)", r, out, field)
						}
					}
					if WordCount(out) == 0 {
						t.Errorf("no words left from %q", field)
					}
				}
			}
		})
	}
}

func TestEscapedAtomContent(t *testing.T) {
	feed := parseShared(t, "escape-injection-atom.xml")
	got := sanitize.Text(ToText(itemBody(feed.Items[0])))
	if want := "numeric reference  red ›0m"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestAllSharedFeeds runs every text field of every shared feed that gofeed
// can parse (hostile, broken and feedparser's ill-formed cases) through
// ToText: none may panic or break the output convention.
func TestAllSharedFeeds(t *testing.T) {
	var files []string
	err := filepath.WalkDir(sharedFeeds, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".json")) {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fields := 0
	for _, path := range files {
		if strings.Contains(path, "billion-laughs") {
			continue // the poller's concern; parsing it here proves nothing about ToText
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		feed, err := gofeed.NewParser().Parse(f)
		f.Close()
		if err != nil {
			continue
		}
		for _, it := range feed.Items {
			for _, s := range []string{it.Title, it.Description, it.Content} {
				checkConvention(t, ToText(s))
				fields++
			}
		}
	}
	t.Logf("%d files, %d fields", len(files), fields)
}

package feeds

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/atom"
	jsonfeed "github.com/mmcdole/gofeed/json"

	"sitrep/feeds/content"
)

// MaxStoryBytes is the most text one story keeps. A feed item of 15 MB
// (a phrase repeated) once took 1.14 GB of memory to extract and 232 MB of
// database, and the reader could not open it; no article is a megabyte of
// text. What is cut is counted and said at the end of the story.
const MaxStoryBytes = 1 << 20

// maxSourceBytes bounds the content handed to the HTML-to-text conversion:
// markup is rarely more than three quarters of a page, so four times the
// text limit still yields a full story from any real one.
const maxSourceBytes = 4 * MaxStoryBytes

// bodyText converts one content field, its source first cut to
// maxSourceBytes; cut is how many source bytes were left out.
func bodyText(src string, conv func(string) string) (text string, cut int) {
	if len(src) > maxSourceBytes {
		cut = len(src) - maxSourceBytes
		src = cutText(src, maxSourceBytes)
	}
	return conv(src), cut
}

// cutText cuts s to at most n bytes, at a paragraph, else a space, else a
// character boundary in the last eighth of the allowance.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.RuneStart(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if r, size := utf8.DecodeLastRuneInString(s); r == utf8.RuneError && size <= 1 && len(s) > 0 {
		s = s[:len(s)-1] // a lead byte without its continuation
	}
	if i := strings.LastIndex(s, "\n\n"); i > n-n/8 {
		return s[:i]
	}
	if i := strings.LastIndexByte(s, ' '); i > n-n/8 {
		return strings.TrimRight(s[:i], " \n")
	}
	return s
}

// cutNote is the line that ends a cut story.
func cutNote(cut int) string {
	return fmt.Sprintf("[sitrep keeps %s of a story: %s more was cut]", sizeWords(MaxStoryBytes), sizeWords(cut))
}

func sizeWords(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// contentKinds says, per item, how its Content field was declared: Atom
// type="text" and JSON Feed content_text are text, Atom type="html" or
// "xhtml" and content_html are HTML. nil entries (RSS, undeclared) are
// guessed by content.ToText.
func contentKinds(parsed *gofeed.Feed) []func(string) string {
	switch orig := parsed.OriginalFeed().(type) {
	case *atom.Feed:
		if len(orig.Entries) != len(parsed.Items) {
			return nil
		}
		out := make([]func(string) string, len(orig.Entries))
		for i, e := range orig.Entries {
			if e == nil || e.Content == nil {
				continue
			}
			switch t := strings.ToLower(strings.TrimSpace(e.Content.Type)); {
			case t == "text" || t == "text/plain":
				out[i] = content.FromText
			case t == "html" || t == "xhtml" || t == "text/html" || t == "application/xhtml+xml":
				out[i] = content.FromHTML
			}
		}
		return out
	case *jsonfeed.Feed:
		if len(orig.Items) != len(parsed.Items) {
			return nil
		}
		out := make([]func(string) string, len(orig.Items))
		for i, it := range orig.Items {
			switch {
			case it == nil:
			case it.ContentHTML != "":
				out[i] = content.FromHTML
			case it.ContentText != "":
				out[i] = content.FromText
			}
		}
		return out
	}
	return nil
}

// mediaTitle is an item's Media RSS title (<media:title>, also inside
// <media:content> or <media:group>), the title of video and photo feeds
// whose items have none of their own.
func mediaTitle(it *gofeed.Item) string {
	media := it.Extensions["media"]
	if media == nil {
		return ""
	}
	for _, e := range media["title"] {
		if v := strings.TrimSpace(e.Value); v != "" {
			return v
		}
	}
	for _, parent := range []string{"group", "content"} {
		for _, p := range media[parent] {
			for _, e := range p.Children["title"] {
				if v := strings.TrimSpace(e.Value); v != "" {
					return v
				}
			}
			for _, c := range p.Children["content"] {
				for _, e := range c.Children["title"] {
					if v := strings.TrimSpace(e.Value); v != "" {
						return v
					}
				}
			}
		}
	}
	return ""
}

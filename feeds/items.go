package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"sitrep/feeds/content"
	"sitrep/model"
	"sitrep/model/sanitize"
)

// item is one feed entry made into a story, before full text and
// extraction: what the feed itself said, sanitised.
type item struct {
	story model.Story
	hash  string // content hash of what the feed said; decides re-extraction
	cut   bool   // the body was cut to MaxStoryBytes
}

// makeItems turns parsed entries into stories of feed f. feedURL is where
// the feed was finally fetched from, the last base for relative links.
func makeItems(parsed *gofeed.Feed, body []byte, f model.Feed, feedURL *url.URL, now time.Time) []item {
	out := make([]item, 0, len(parsed.Items))
	keys := make(map[string]bool, len(parsed.Items))
	seen := make(map[string]bool, len(parsed.Items)) // key and content
	channelBase := feedBase(body, feedURL)
	itemBase := itemXMLBases(body, parsed, channelBase)
	kinds := contentKinds(parsed)
	for i, it := range parsed.Items {
		if it == nil {
			continue
		}
		base := channelBase
		if itemBase != nil && itemBase[i] != nil {
			base = itemBase[i]
		}
		s := model.Story{FeedID: f.ID, FeedTitle: f.Title, FirstSeen: now}
		s.Link = safeLink(itemLink(it), base)
		// The full content when there is some, else the summary; each as
		// the feed declared it (text is text), or guessed when it did not.
		conv := content.ToText
		if i < len(kinds) && kinds[i] != nil {
			conv = kinds[i]
		}
		text, cut := bodyText(it.Content, conv)
		if strings.TrimSpace(text) == "" {
			text, cut = bodyText(it.Description, content.ToText)
		}
		s.Body = sanitize.Text(fixDoubleEncoding(text))
		if len(s.Body) > MaxStoryBytes {
			cut += len(s.Body) - MaxStoryBytes
			s.Body = cutText(s.Body, MaxStoryBytes)
		}
		if cut > 0 {
			s.Body += "\n\n" + cutNote(cut)
		}
		s.Title = sanitize.Line(fixDoubleEncoding(content.TitleToText(it.Title)))
		if s.Title == "" {
			s.Title = sanitize.Line(fixDoubleEncoding(content.TitleToText(mediaTitle(it))))
		}
		if s.Title == "" {
			s.Title = titleFromBody(s.Body)
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			s.Author = sanitize.Line(it.Authors[0].Name)
		}
		t, ok := itemDate(it)
		s.Published = storyDate(t, ok, now)
		s.Key = sanitize.Line(identity(it, s.Link, base))
		if s.Key == "" { // a guid of nothing but control characters
			s.Key = "h:" + shortHash(it.GUID, it.Title, it.Published)
		}
		// Two entries of one feed sharing a guid are two stories (a
		// publisher's bug, not an update): tell them apart by what differs,
		// stably from one poll to the next. Entries alike in all of that
		// are one story said twice and are kept once: N identical entries
		// give 1 story, N different ones N.
		alike := s.Key + "#" + shortHash(s.Link, s.Title, s.Body)
		if seen[alike] {
			continue
		}
		seen[alike] = true
		if keys[s.Key] {
			s.Key = alike
		}
		keys[s.Key] = true
		s.Words = content.WordCount(s.Body)
		out = append(out, item{story: s, hash: contentHash(s), cut: cut > 0})
	}
	return out
}

// identity is the story's key: its guid, else its link, else a hash of its
// title and date as the feed wrote them (so it does not change when
// sitrep's own date handling does).
func identity(it *gofeed.Item, link string, base *url.URL) string {
	if g := strings.TrimSpace(it.GUID); g != "" {
		return g
	}
	if link != "" {
		return link
	}
	if l := strings.TrimSpace(itemLink(it)); l != "" {
		return resolve(l, base) // unsafe links still identify the story
	}
	return "h:" + shortHash(strings.TrimSpace(it.Title), strings.TrimSpace(it.Published+it.Updated))
}

func itemLink(it *gofeed.Item) string {
	if l := strings.TrimSpace(it.Link); l != "" {
		return l
	}
	for _, l := range it.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// feedBase is what item links are resolved against: the xml:base of the
// root or channel element (gofeed applies xml:base in Atom but not in RSS),
// itself resolved against the URL the feed came from.
func feedBase(body []byte, feedURL *url.URL) *url.URL {
	base := feedURL
	if b := rootXMLBase(body); b != "" {
		if u, err := url.Parse(b); err == nil {
			if base != nil {
				u = base.ResolveReference(u)
			}
			base = u
		}
	}
	return base
}

var rootBaseRe = regexp.MustCompile(`<(?:[a-zA-Z]+:)?(?:rss|channel|feed|RDF)\b[^>]*?\sxml:base\s*=\s*["']([^"']*)["']`)

var (
	itemTagRe = regexp.MustCompile(`<item\b[^>]*>`)
	xmlBaseRe = regexp.MustCompile(`\sxml:base\s*=\s*["']([^"']*)["']`)
)

// itemXMLBases finds an xml:base on each RSS <item> (gofeed keeps none for
// RSS), resolved against the channel's base; nil entries have none. When
// the <item> tags found do not line up one to one with the parsed items
// (an "<item" inside CDATA, say), it gives up and returns nil: a wrong base
// would be worse than the channel's.
func itemXMLBases(body []byte, parsed *gofeed.Feed, channel *url.URL) []*url.URL {
	if parsed.FeedType != "rss" || !bytes.Contains(body, []byte("xml:base")) {
		return nil
	}
	tags := itemTagRe.FindAll(body, -1)
	if len(tags) != len(parsed.Items) {
		return nil
	}
	bases := make([]*url.URL, len(tags))
	for i, tag := range tags {
		m := xmlBaseRe.FindSubmatch(tag)
		if m == nil {
			continue
		}
		u, err := url.Parse(html.UnescapeString(strings.TrimSpace(string(m[1]))))
		if err != nil {
			continue
		}
		if channel != nil {
			u = channel.ResolveReference(u)
		}
		bases[i] = u
	}
	return bases
}

func rootXMLBase(body []byte) string {
	head := body[:min(len(body), 4096)]
	if m := rootBaseRe.FindSubmatch(head); m != nil {
		return html.UnescapeString(strings.TrimSpace(string(m[1])))
	}
	return ""
}

// safeLink resolves a link and keeps it only when it can be opened safely:
// http or https, no control characters, no credentials to leak.
func safeLink(raw string, base *url.URL) string {
	s := resolve(raw, base)
	if !model.OpenableLink(s) {
		return ""
	}
	return s
}

func resolve(raw string, base *url.URL) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	return u.String()
}

// titleFromBody gives an untitled item the start of its text as a title, so
// the queue never shows a blank line.
func titleFromBody(body string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
	line = sanitize.Line(line)
	const max = 80
	if utf8.RuneCountInString(line) <= max {
		if line == "" {
			return "(untitled)"
		}
		return line
	}
	r := []rune(line)[:max]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > max/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// contentHash covers what the reader sees of the feed's entry. Dates are
// left out: a dateless item gets a new first-seen date each poll, and that
// must not count as a change.
func contentHash(s model.Story) string {
	return hashHex(s.Title, s.Link, s.Author, s.Body)
}

func shortHash(parts ...string) string {
	return hashHex(parts...)[:16]
}

// hashHex is the SHA-256, in hex, of parts each ended by a NUL.
func hashHex(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

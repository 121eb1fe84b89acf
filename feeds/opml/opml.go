// Package opml reads and writes the subscription lists that feed readers
// exchange. Folders (nested outlines) become tags, so a researcher's
// "Sahel / Mali" grouping survives the move to sitrep.
package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Entry is one subscription.
type Entry struct {
	URL     string   // xmlUrl
	Title   string   // text, else title
	SiteURL string   // htmlUrl
	Tags    []string // titles of the enclosing outlines, outermost first
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title       string `xml:"title,omitempty"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []outline `xml:"outline"`
	} `xml:"body"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// maxDepth bounds folder nesting: deeper is a hostile file, not a library.
const maxDepth = 32

// Parse reads an OPML document and returns its subscriptions in document
// order. Outlines without xmlUrl are folders; their titles tag every feed
// inside them.
func Parse(r io.Reader) ([]Entry, error) {
	d := xml.NewDecoder(r)
	d.Strict = false // OPML written by hand often has a stray & in a title
	// Old exports declare Latin-1 or Windows-1252.
	d.CharsetReader = charset.NewReaderLabel
	var doc document
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %w", err)
	}
	var out []Entry
	var walk func(os []outline, tags []string, depth int) error
	walk = func(os []outline, tags []string, depth int) error {
		if depth > maxDepth {
			return fmt.Errorf("OPML outlines nested more than %d deep", maxDepth)
		}
		for _, o := range os {
			name := strings.TrimSpace(o.Text)
			if name == "" {
				name = strings.TrimSpace(o.Title)
			}
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				out = append(out, Entry{URL: u, Title: name, SiteURL: strings.TrimSpace(o.HTMLURL), Tags: append([]string(nil), tags...)})
			}
			inner := tags
			if name != "" && o.XMLURL == "" {
				inner = append(append([]string(nil), tags...), name)
			}
			if err := walk(o.Outlines, inner, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body.Outlines, nil, 0); err != nil {
		return nil, err
	}
	return out, nil
}

// Write writes entries as OPML 2.0. A feed's first tag becomes its folder
// (outlines nest one tag deep per level, in the order of Tags), so Parse
// reads back what Write wrote.
func Write(w io.Writer, title string, entries []Entry, now time.Time) error {
	var doc document
	doc.Version = "2.0"
	doc.Head.Title = title
	doc.Head.DateCreated = now.UTC().Format(time.RFC1123Z)
	for _, e := range entries {
		leaf := outline{Text: e.Title, Title: e.Title, Type: "rss", XMLURL: e.URL, HTMLURL: e.SiteURL}
		if leaf.Text == "" {
			leaf.Text = e.URL
		}
		level := &doc.Body.Outlines
		for _, tag := range e.Tags {
			level = folder(level, tag)
		}
		*level = append(*level, leaf)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// folder returns the children of the folder named tag in level, adding it.
func folder(level *[]outline, tag string) *[]outline {
	for i := range *level {
		o := &(*level)[i]
		if o.XMLURL == "" && o.Text == tag {
			return &o.Outlines
		}
	}
	*level = append(*level, outline{Text: tag, Title: tag})
	return &(*level)[len(*level)-1].Outlines
}

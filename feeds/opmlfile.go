package feeds

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf16"

	"sitrep/feeds/opml"
	"sitrep/model"
	"sitrep/model/sanitize"
)

// OPMLFeed is one feed of an OPML file, cleaned as add would store it.
type OPMLFeed struct {
	URL     string   // as add stores it (NormalizeURL); when Err is set, as written, one safe line
	Title   string   // one safe line, "" when the file gives none
	SiteURL string   // a safe link, "" when none
	Tags    []string // the folders it sits in, outermost first, each one safe line
	// Err says why sitrep cannot follow URL (not http or https, no host);
	// the rest of the file is read all the same.
	Err error
}

// ReadOPML reads the feeds of an OPML file (at most 64 MB; UTF-16 with a
// byte-order mark, as some Windows tools write it, is read too); the
// folders a feed sits in become its tags. A file that lists no feeds is
// an error.
func ReadOPML(r io.Reader) ([]OPMLFeed, error) {
	r, err := opmlUTF8(r)
	if err != nil {
		return nil, err
	}
	entries, err := opml.Parse(r)
	if err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, errors.New("the OPML file lists no feeds")
	}
	out := make([]OPMLFeed, 0, len(entries))
	for _, e := range entries {
		u, err := normalizeURL(e.URL)
		if err != nil {
			out = append(out, OPMLFeed{URL: sanitize.Line(e.URL), Err: err})
			continue
		}
		f := OPMLFeed{URL: u}
		if e.Title != "" {
			f.Title = sanitize.Line(e.Title)
		}
		if e.SiteURL != "" {
			f.SiteURL = safeLink(e.SiteURL, nil)
		}
		for _, t := range e.Tags {
			if t = sanitize.Line(t); t != "" {
				f.Tags = append(f.Tags, t)
			}
		}
		out = append(out, f)
	}
	return out, nil
}

// WriteOPML writes subscriptions as an OPML file, tags as folders.
func WriteOPML(w io.Writer, fs []model.Feed, now time.Time) error {
	entries := make([]opml.Entry, 0, len(fs))
	for _, f := range fs {
		entries = append(entries, opml.Entry{URL: f.URL, Title: f.Title, SiteURL: f.SiteURL, Tags: f.Tags})
	}
	return opml.Write(w, "sitrep subscriptions", entries, now)
}

// maxOPML bounds an OPML file: 100,000 feeds take about 15 MB.
const maxOPML = 64 << 20

// utf16Decl is an XML declaration's encoding naming UTF-16, which is no
// longer true once the text is UTF-8.
var utf16Decl = regexp.MustCompile(`(?i)^(<\?xml[^>]*?)\s+encoding\s*=\s*["']utf-16(le|be)?["']`)

// opmlUTF8 reads an OPML file of at most maxOPML bytes and turns UTF-16
// with a byte-order mark (what some Windows tools write) into UTF-8.
func opmlUTF8(r io.Reader) (io.Reader, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxOPML {
		return nil, fmt.Errorf("larger than %d MB: not an OPML file sitrep reads", maxOPML>>20)
	}
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order = binary.LittleEndian
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order = binary.BigEndian
	default:
		return bytes.NewReader(data), nil
	}
	data = data[2:]
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	text := string(utf16.Decode(units))
	text = utf16Decl.ReplaceAllString(text, "$1")
	return strings.NewReader(text), nil
}

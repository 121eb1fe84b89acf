package feeds

import (
	"bytes"
	"regexp"
)

// salvage rescues the complete entries of a feed cut off in transfer (a
// proxy timeout, a full disk on the publisher's side): it cuts the body
// after the last complete </item> or </entry> and closes the elements that
// were open. The items before the cut are worth more than an error. It
// returns nil when there is nothing to save.
func salvage(body []byte) []byte {
	var closers string
	var end int
	if i := lastEnd(body, itemEnd); i > 0 {
		end = i
		rdf := rdfRoot.FindSubmatch(body[:min(len(body), 4096)])
		switch {
		case rdf != nil:
			closers = "</" + string(rdf[1]) + "RDF>"
		case bytes.Contains(body[:end], []byte("<channel")) && lastEnd(body[:end], channelEnd) < 0:
			closers = "</channel></rss>"
		default:
			closers = "</rss>"
		}
	} else if i := lastEnd(body, entryEnd); i > 0 {
		end = i
		closers = "</feed>"
	} else {
		return nil
	}
	out := make([]byte, 0, end+len(closers))
	out = append(out, body[:end]...)
	return append(out, closers...)
}

var (
	itemEnd    = regexp.MustCompile(`</(?:[a-zA-Z0-9]+:)?item\s*>`)
	entryEnd   = regexp.MustCompile(`</(?:[a-zA-Z0-9]+:)?entry\s*>`)
	channelEnd = regexp.MustCompile(`</(?:[a-zA-Z0-9]+:)?channel\s*>`)
	rdfRoot    = regexp.MustCompile(`<([a-zA-Z0-9]+:)?RDF\b`)
)

// lastEnd is the index just past the last match of re, or -1.
func lastEnd(b []byte, re *regexp.Regexp) int {
	all := re.FindAllIndex(b, -1)
	if len(all) == 0 {
		return -1
	}
	return all[len(all)-1][1]
}

package model

import (
	"net/url"
	"strings"

	"sitrep/model/sanitize"
)

// OpenableLink reports whether link may be handed to a browser or printed
// as a story's source: an absolute http or https URL with a host, with no
// control characters or white space in it. The poller keeps only such
// links, and the reader and the export check again before using one.
func OpenableLink(link string) bool {
	if link == "" || !sanitize.IsSafe(link) || strings.ContainsAny(link, " \n\t") {
		return false
	}
	u, err := url.Parse(link)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

package opml

import (
	"io"

	"golang.org/x/net/html/charset"
)

// charsetReader lets OPML files declared in Latin-1 or Windows-1252 (old
// exports) be read.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

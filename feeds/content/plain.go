package content

import (
	"html"
	"strings"
)

// plainToText keeps the paragraphs of tag-free text. Blank lines always
// separate paragraphs. Single newlines are ambiguous: in text that also has
// blank lines they are hard wraps and join into the paragraph; in text with
// no blank line at all they are the only paragraph marks the author used.
func plainToText(s string) string {
	return plainLines(html.UnescapeString(s))
}

// plainLines is plainToText on text whose entities are already decoded.
func plainLines(s string) string {
	s = normaliseNewlines(s)
	lines := strings.Split(s, "\n")
	hasBlank := false
	for _, l := range lines {
		if isBlank(l) {
			hasBlank = true
			break
		}
	}
	var w writer
	for _, l := range lines {
		if isBlank(l) || !hasBlank {
			w.paragraph()
		}
		w.text(l)
		w.spaceBreak()
	}
	return w.String()
}

// normaliseNewlines turns CRLF and lone CR into "\n" so that a CR can never
// survive into the output.
func normaliseNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func isBlank(s string) bool {
	return strings.TrimFunc(s, isSpace) == ""
}

package ui

import (
	"os"
	"strings"

	"github.com/mattn/go-runewidth"

	"sitrep/model/extract"
)

// Symbols are the one-cell glyphs that carry meaning without colour. The
// Unicode set avoids emoji and East Asian wide glyphs; where a terminal
// draws ambiguous-width characters two cells wide (CJK locales) or cannot
// draw them at all (the Linux console), the ASCII set is used instead,
// because a glyph of the wrong width breaks every pane edge after it.
type Symbols struct {
	Unread, Read, Starred, Archived string
	Quote                           string
	Error                           string
	Pointer                         string // cursor in a list
	Ellipsis                        string
	Sep                             string // " · " between facts
	NoCount                         string // feed never polled or in error
	Note                            string // the reader wrote a note
	Tag                             string // before a tag: "#aleppo"
	Search                          string // before a saved search: "/aleppo"
	Differ                          string // a cluster's stories give different figures

	// Border pieces: top-left, top, top-right, side, bottom-left, bottom-right.
	TL, H, TR, V, BL, BR string

	category map[extract.Category]string
}

// CategorySymbol is the badge glyph of a statistic category, or "".
func (s Symbols) CategorySymbol(c extract.Category) string {
	return s.category[c]
}

func unicodeSymbols() Symbols {
	return Symbols{
		Unread: "●", Read: "○", Starred: "★", Archived: "▪",
		Quote: "❝", Error: "⚠", Pointer: "▸", Ellipsis: "…", Sep: " · ", NoCount: "–", Note: "✎", Tag: "#",
		Search: "/", Differ: "≠",
		TL: "╭", H: "─", TR: "╮", V: "│", BL: "╰", BR: "╯",
		category: map[extract.Category]string{
			extract.Killed:    "☠",
			extract.Injured:   "✚",
			extract.Displaced: "⇢",
			extract.Refugees:  "⇉",
			extract.Detained:  "⊗",
			extract.Missing:   "?",
			extract.AtRisk:    "!",
		},
	}
}

func asciiSymbols() Symbols {
	return Symbols{
		Unread: "*", Read: " ", Starred: "+", Archived: "#",
		Quote: "\"", Error: "!", Pointer: ">", Ellipsis: "~", Sep: " | ", NoCount: "-", Note: "n", Tag: "#",
		Search: "/", Differ: "!=",
		TL: "+", H: "-", TR: "+", V: "|", BL: "+", BR: "+",
		category: map[extract.Category]string{
			extract.Killed:    "x",
			extract.Injured:   "+",
			extract.Displaced: ">",
			extract.Refugees:  "^",
			extract.Detained:  "#",
			extract.Missing:   "?",
			extract.AtRisk:    "!",
		},
	}
}

// pickSymbols chooses the set for this terminal. SITREP_ASCII=1 forces the
// ASCII set.
func pickSymbols() Symbols {
	if v := os.Getenv("SITREP_ASCII"); v != "" && v != "0" {
		return asciiSymbols()
	}
	if os.Getenv("TERM") == "linux" || runewidth.IsEastAsian() {
		return asciiSymbols()
	}
	if strings.EqualFold(os.Getenv("RUNEWIDTH_EASTASIAN"), "1") {
		return asciiSymbols()
	}
	return unicodeSymbols()
}

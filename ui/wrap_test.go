package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestWrapText(t *testing.T) {
	cases := []struct {
		text  string
		width int
		want  []string
	}{
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 100, []string{"one two three"}},
		{"a\n\n\n\nb", 10, []string{"a", "", "b"}},
		{"\n\nlead and trail\n\n", 20, []string{"lead and trail"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"x abcdefghij y", 4, []string{"x", "abcd", "efgh", "ij y"}},
		{"“quoted” words, wide 世界 chars", 8, []string{"“quoted”", "words,", "wide", "世界", "chars"}},
		{"multiple   spaces   inside", 9, []string{"multiple", "spaces", "inside"}},
	}
	for _, c := range cases {
		var got []string
		for _, sp := range wrapText(c.text, c.width) {
			line := c.text[sp.start:sp.end]
			if w := ansi.StringWidth(line); w > c.width {
				t.Errorf("%q at %d: line %q is %d cells", c.text, c.width, line, w)
			}
			got = append(got, line)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q at %d:\n got %q\nwant %q", c.text, c.width, got, c.want)
		}
	}
}

// TestWrapKeepsOffsets: every byte of every word is on exactly one line,
// in order, so spans can be drawn from line ranges.
func TestWrapKeepsOffsets(t *testing.T) {
	text := strings.Repeat("The war has claimed over 250,000 lives, “still a far off hope.” ", 20)
	for _, w := range []int{1, 5, 13, 40, 79} {
		prev := 0
		for _, sp := range wrapText(text, w) {
			if sp.start < prev || sp.end < sp.start {
				t.Fatalf("width %d: span %+v after %d", w, sp, prev)
			}
			if strings.TrimSpace(text[prev:sp.start]) != "" {
				t.Fatalf("width %d: text skipped: %q", w, text[prev:sp.start])
			}
			prev = sp.end
		}
	}
}

func TestFit(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want string
	}{
		{"abc", 5, "abc  "},
		{"abcdef", 4, "abc…"},
		{"世界世界", 5, "世界…"},
		{"\x1b[1mbold\x1b[m", 6, "bold  "},
	} {
		got := fit(c.in, c.w, "…")
		if ansi.Strip(got) != c.want || ansi.StringWidth(got) != c.w {
			t.Errorf("fit(%q, %d) = %q", c.in, c.w, got)
		}
	}
}

func TestWrapItems(t *testing.T) {
	sym := unicodeSymbols()
	items := []string{"Business Insider", "Fri 12 Feb 2016 21:04", "98 words"}
	cases := []struct {
		width int
		want  []string
	}{
		{100, []string{"Business Insider · Fri 12 Feb 2016 21:04 · 98 words"}},
		{40, []string{"Business Insider · Fri 12 Feb 2016 21:04", "98 words"}},
		{21, []string{"Business Insider", "Fri 12 Feb 2016 21:04", "98 words"}},
		{10, []string{"Business …", "Fri 12 Fe…", "98 words"}},
	}
	for _, c := range cases {
		got := wrapItems(items, sym, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("width %d: %q, want %q", c.width, got, c.want)
		}
	}
	if got := wrapItems(nil, sym, 10); len(got) != 0 {
		t.Errorf("no items: %q", got)
	}
}

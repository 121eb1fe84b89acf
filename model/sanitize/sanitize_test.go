package sanitize

import (
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Aleppo: 50,000 fled", "Aleppo: 50,000 fled"},
		{"keeps newlines", "one\n\ntwo", "one\n\ntwo"},
		{"crlf", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"tab", "a\tb", "a b"},
		{"window title OSC with BEL", "x\x1b]0;pwned\x07y", "xy"},
		{"OSC 52 clipboard with ST", "x\x1b]52;c;cm0gLXJmIC8=\x1b\\y", "xy"},
		{"colour CSI", "\x1b[31mred\x1b[0m", "red"},
		{"clear screen", "a\x1b[2Jb\x1b[H", "ab"},
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"reset", "a\x1bcb", "ab"},
		{"charset select", "a\x1b(Bb", "ab"},
		{"8-bit CSI", "a\u009b31mb", "ab"},
		{"8-bit OSC", "a\u009d0;t\u009cb", "ab"},
		{"unterminated OSC keeps text", "a\x1b]0;title", "a0;title"},
		{"bell and backspace", "a\x07\x08b", "ab"},
		{"bidi override", "abc\u202egnp.exe", "abcgnp.exe"},
		{"isolates", "\u2066x\u2069", "x"},
		{"embeddings and pop", "\u202ax\u202by\u202c", "xy"},
		{"LRM, RLM and ALM kept", "قال\u200f (AFP)\u200e \u061c٣", "قال\u200f (AFP)\u200e \u061c٣"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"del", "a\x7fb", "ab"},
		{"accents kept", "Alép “still a far off hope”", "Alép “still a far off hope”"},
		{"trailing ESC", "abc\x1b", "abc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Syria\n ceasefire\t talks ", "Syria ceasefire talks"},
		{"title\x1b]2;evil\x07 here", "title here"},
		{"a\u00a0b", "a b"},
		{"ok", "ok"},
	}
	for _, tt := range tests {
		if got := Line(tt.in); got != tt.want {
			t.Errorf("Line(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"a\x1b]0;x\x07", "\x1b[", "\u009b", "\xc2", "a\r\n", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || isBidiControl(r) {
				t.Fatalf("control %U left in %q (from %q)", r, out, s)
			}
		}
		if Text(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

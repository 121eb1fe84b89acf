package model

import "testing"

func TestOpenableLink(t *testing.T) {
	for link, want := range map[string]bool{
		"https://example.org/a": true, "http://x.y/": true,
		"javascript:alert(1)": false, "file:///etc/passwd": false, "": false, "//x.y/": false,
		"http://a.org/\x1b]0;pwn\x07": false, "http://a.org/a b": false,
	} {
		if OpenableLink(link) != want {
			t.Errorf("OpenableLink(%q) != %v", link, want)
		}
	}
}

package ui

import (
	"strings"
	"testing"
	"time"

	"sitrep/model/config"
)

// TestRemappedKeys: [keys] star = "x" makes x star, s no longer does, and
// the key help says x.
func TestRemappedKeys(t *testing.T) {
	km, err := KeyMapFrom([]config.KeyBinding{{Action: "star", Keys: []string{"x"}, Line: 3}})
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: fixtureStore(t), Now: func() time.Time { return fixedNow }, Location: time.UTC, Keys: &km})
	m.c.sym = unicodeSymbols()
	send(t, m, windowSize(120, 32))
	drain(t, m, m.Init())
	starred := m.status.counts.Starred
	press(t, m, "s")
	if m.status.counts.Starred != starred {
		t.Fatal("s still stars after star was remapped to x")
	}
	press(t, m, "x")
	if m.status.counts.Starred != starred+1 {
		t.Fatal("x does not star")
	}
	if row := bottomRow(m); !strings.Contains(row, "x star") || strings.Contains(row, "s star") {
		t.Fatalf("key help does not show the remapped key: %q", row)
	}
	press(t, m, "?")
	if s := screen(m); !strings.Contains(s, "x  ") || !strings.Contains(s, "star") {
		t.Fatalf("full help does not show x:\n%s", s)
	}
}

// TestBadKeysNameTheLine: an unknown action, an unknown key and a key
// given to two actions are errors that start with the line.
func TestBadKeysNameTheLine(t *testing.T) {
	for _, tt := range []struct {
		kb   config.KeyBinding
		want string
	}{
		{config.KeyBinding{Action: "stra", Keys: []string{"x"}, Line: 4}, `4: unknown action "stra"`},
		{config.KeyBinding{Action: "star", Keys: []string{"hyper+x"}, Line: 7}, `7: star: unknown key "hyper+x"`},
		{config.KeyBinding{Action: "star", Keys: []string{"r"}, Line: 9}, `9: "r" is the key of both`},
	} {
		_, err := KeyMapFrom([]config.KeyBinding{tt.kb})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%+v: error %v, want %q", tt.kb, err, tt.want)
		}
	}
	for _, ok := range []string{"ctrl+s", "alt+enter", "f5", "S", "pgdown", "shift+tab", "?"} {
		if !validKey(ok) {
			t.Errorf("validKey(%q) = false", ok)
		}
	}
}

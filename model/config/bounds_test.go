package config

import (
	"strings"
	"testing"
)

// TestConfigIsBounded: --config /dev/zero is refused after 1 MB instead of
// growing without end.
func TestConfigIsBounded(t *testing.T) {
	_, err := Load("/dev/zero")
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("Load(/dev/zero): %v", err)
	}
}

// TestNoHomeNoGuess: with HOME and the XDG variables unset (or relative),
// there is no default path: nothing is read from or created in the current
// directory.
func TestNoHomeNoGuess(t *testing.T) {
	t.Setenv("HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("XDG_DATA_HOME", "relative/dir")
	if p := DefaultPath(); p != "" {
		t.Errorf("DefaultPath = %q, want none", p)
	}
	if p := DefaultDBPath(); p != "" {
		t.Errorf("DefaultDBPath = %q, want none", p)
	}
	if _, err := Load(""); err != nil {
		t.Errorf("Load of no path: %v", err)
	}
	t.Setenv("XDG_DATA_HOME", "/data")
	if p := DefaultDBPath(); p != "/data/sitrep/sitrep.db" {
		t.Errorf("DefaultDBPath = %q", p)
	}
}

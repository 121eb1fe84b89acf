package ui

import (
	"fmt"
	"os/exec"
	"testing"
)

// TestTerminalBrowserSuspendsTheReader: a terminal browser (w3m, lynx) is
// run through tea.ExecProcess, which hands it the terminal and brings the
// reader back when it exits; a GUI browser (no command) starts detached
// through OpenURL as before.
func TestTerminalBrowserSuspendsTheReader(t *testing.T) {
	m := newTestModel(t, fixtureStore(t), 120, 32)
	var detached, inTerminal []string
	m.opts.OpenURL = func(u string) error { detached = append(detached, u); return nil }
	m.opts.TerminalBrowser = func(u string) *exec.Cmd {
		inTerminal = append(inTerminal, u)
		return exec.Command("w3m", u)
	}
	cmd := m.openLink()
	if cmd == nil || len(inTerminal) != 1 || inTerminal[0] != "https://example.org/bi-1" {
		t.Fatalf("terminal browser asked for %v", inTerminal)
	}
	if msg := cmd(); fmt.Sprintf("%T", msg) != "tea.execMsg" {
		t.Fatalf("o with a terminal browser gave %T, want Bubble Tea's exec message", msg)
	}
	if len(detached) != 0 {
		t.Fatalf("also started detached: %v", detached)
	}

	m.opts.TerminalBrowser = func(string) *exec.Cmd { return nil } // a GUI browser
	press(t, m, "o")
	if len(detached) != 1 {
		t.Fatalf("a GUI browser was not started detached: %v", detached)
	}
}

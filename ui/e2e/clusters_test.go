package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDemoReprintIsOneRow: the demo's Belmar market story runs in two
// feeds (Frontline Monitor's reprint has another headline and byline, a
// paragraph cut and 16 killed where Conflict Desk says 14). A search finds
// one row, the earlier story, "+1 source ≠"; its head says the sources
// differ; z lists both and z goes back; archiving the row archives both,
// and u brings both back.
func TestDemoReprintIsOneRow(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	s.keys("/", "b", "e", "l", "m", "a", "r", "Enter")
	scr := s.waitFor(regexp.MustCompile(`search: belmar · 1`), 5*time.Second)
	if !strings.Contains(scr, "Conflict Desk +1 source ≠") || strings.Contains(scr, "deadliest breach") {
		t.Fatalf("the two sources are not one row with its badge:\n%s", scr)
	}
	s.keys("Enter")
	scr = s.waitFor(regexp.MustCompile(`≠ sources differ: killed 14 / 16`), 5*time.Second)
	if !strings.Contains(scr, "the sources differ") {
		t.Errorf("the highlights do not list the sources' figures:\n%s", scr)
	}
	s.keys("2", "z")
	s.waitFor(regexp.MustCompile(`Sources of one story`), 5*time.Second)
	// The list cuts the reprint's headline; the preview, which follows the
	// cursor onto it a moment later, shows it whole.
	scr = s.waitFor(regexp.MustCompile(`deadliest breach of Nareth`), 5*time.Second)
	if !strings.Contains(scr, "Sources of one story") || !strings.Contains(scr, "At least 14 killed as shells") {
		t.Errorf("z does not list both sources:\n%s", scr)
	}
	s.keys("z")
	s.waitFor(regexp.MustCompile(`search: belmar · 1`), 5*time.Second)
	s.keys("a")
	s.waitFor(regexp.MustCompile(`Archived\s+2\b`), 5*time.Second)
	s.keys("u")
	scr = s.waitFor(regexp.MustCompile(`Archived\s+0\b`), 5*time.Second)
	if !strings.Contains(scr, "undid archive") {
		t.Errorf("undo does not say it reached the other source:\n%s", scr)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"sitrep/model/store/pgtest"
)

// teamDB is a database URL on SITREP_TEST_PG in a schema of its own,
// dropped afterwards; without SITREP_TEST_PG the test skips.
func teamDB(t *testing.T) string {
	return pgtest.Scratch(t, "sitrep_e2e", "team store test skipped: set SITREP_TEST_PG=postgres://… to run two readers on one PostgreSQL")
}

// TestTwoReadersOneTeam: two readers as two users on one PostgreSQL. Maria
// stars the reference story and Ali does not see it starred; Maria tags
// it and Ali sees the tag, with her name, within a second, without a key;
// Ali's Speakers view (W) counts the team's stories' quotes.
func TestTwoReadersOneTeam(t *testing.T) {
	requireTmux(t)
	dsn := teamDB(t)
	huge := regexp.MustCompile(`Huge obstacles`)

	maria := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", dsn, "--user", "maria")
	waitIdle(maria, huge)
	ali := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", dsn, "--user", "ali")
	scr := waitIdle(ali, huge)
	if m := starredRE.FindStringSubmatch(scr); m == nil || m[1] != "0" {
		t.Fatalf("ali starts with Starred 0; screen:\n%s", scr)
	}

	maria.keys("s")
	maria.waitFor(starred1RE, 5*time.Second)

	maria.keys("t")
	maria.keys("-l", "team-check")
	maria.keys("Enter")
	maria.waitFor(regexp.MustCompile(`#team-check`), 5*time.Second)
	landed := time.Now()
	// In ali's story pane the tag says who put it on.
	scr = ali.waitFor(regexp.MustCompile(`#team-check \(maria\)`), 3*time.Second)
	if took := time.Since(landed); took > time.Second {
		t.Errorf("ali saw maria's tag %s after it showed on maria's screen, want within 1 s", took.Round(time.Millisecond))
	}
	// The tag came with a reload of ali's counts: maria's star is not his.
	if m := starredRE.FindStringSubmatch(scr); m == nil || m[1] != "0" {
		t.Errorf("ali sees maria's star; screen:\n%s", scr)
	}
	if strings.Contains(storyPane(scr), "★") {
		t.Errorf("ali's story pane shows a star; screen:\n%s", scr)
	}
	// The views across stories read the team's stories: ali's Speakers
	// (W) counts the quotes of the reference story's Ian Bremmer.
	ali.keys("W")
	ali.waitFor(regexp.MustCompile(`Speakers ── \d+[\s\S]*Ian Bremmer[^\n]*\d+ quotes? ·`), 5*time.Second)
	ali.keys("Escape")
	ali.waitFor(regexp.MustCompile(`Queue ──`), 5*time.Second) // a Q at once would be alt+Q
	maria.keys("Q")
	ali.keys("Q")
	maria.waitExit(5 * time.Second)
	ali.waitExit(5 * time.Second)
}

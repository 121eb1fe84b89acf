package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The triage loop of issue 8, driven in a real terminal on the demo feeds.

// storyPane is the right-hand column of a 120-column screen: the story and
// highlights panes.
func storyPane(scr string) string {
	var out []string
	for _, l := range strings.Split(scr, "\n") {
		if r := []rune(l); len(r) > 66 {
			out = append(out, string(r[66:]))
		}
	}
	return strings.Join(out, "\n")
}

// TestPreviewFollowsJ: at start the story pane shows the first story, and
// j moves it to the second without marking anything read.
func TestPreviewFollowsJ(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	scr := waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	if !strings.Contains(storyPane(scr), "'Huge obstacles' stand in") {
		t.Fatalf("at start the story pane does not show the first story:\n%s", scr)
	}
	s.keys("j")
	scr = s.waitFor(regexp.MustCompile(`Queue ── 2/32`), 5*time.Second)
	scr = s.waitFor(regexp.MustCompile(`More than 51,000 people have fled`), 5*time.Second)
	if !strings.Contains(storyPane(scr), "Darvan: 51,000 displaced") {
		t.Fatalf("the story pane did not follow j:\n%s", scr)
	}
	if !strings.Contains(scr, "Unread 33") {
		t.Fatalf("moving marked a story read:\n%s", scr)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

// TestMarkFeedReadAndUndo: A on a feed asks with the count, y marks its
// stories read, u puts them back.
func TestMarkFeedReadAndUndo(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	waitIdle(s, regexp.MustCompile(`Conflict Desk\s+11`))
	s.keys("1")
	for i := 0; i < 12; i++ {
		if strings.Contains(s.screen(), "▸Conflict Desk") {
			break
		}
		s.keys("j")
		time.Sleep(80 * time.Millisecond)
	}
	s.waitFor(regexp.MustCompile(`▸Conflict Desk`), 5*time.Second)
	s.keys("2", "A")
	s.waitFor(regexp.MustCompile(`Mark 11 stories read in “Conflict Desk”\?`), 5*time.Second)
	s.keys("y")
	s.waitFor(regexp.MustCompile(`11 stories marked read`), 5*time.Second)
	// The counts follow the write a moment later: wait for them, as the
	// reader would glance at them.
	s.waitFor(regexp.MustCompile(`Conflict Desk\s+0`), 5*time.Second)
	s.waitFor(regexp.MustCompile(`Unread 22`), 5*time.Second)
	s.keys("u")
	s.waitFor(regexp.MustCompile(`undid mark read of 11 stories`), 5*time.Second)
	s.waitFor(regexp.MustCompile(`Conflict Desk\s+11`), 5*time.Second)
	s.waitFor(regexp.MustCompile(`Unread 33`), 5*time.Second)
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

// TestYankPutsTheCitationInTmux: y sends the quote with its citation
// through OSC 52; tmux (set-clipboard on) keeps it in a paste buffer.
func TestYankPutsTheCitationInTmux(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	s.keys("y")
	s.waitFor(regexp.MustCompile(`copied the quote`), 5*time.Second)
	deadline := time.Now().Add(5 * time.Second)
	buf := ""
	for time.Now().Before(deadline) && buf == "" {
		if strings.TrimSpace(s.run("list-buffers")) != "" {
			buf = s.run("show-buffer")
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, want := range []string{"“still a far off hope.”", "Ian Bremmer, president of the Eurasia group",
		"Business Insider", "25 Nov 2026", "http://demo.sitrep.invalid/"} {
		if !strings.Contains(buf, want) {
			t.Fatalf("tmux buffer %q lacks %q", buf, want)
		}
	}
	if strings.ContainsAny(buf, "\x1b\x07") {
		t.Fatalf("the copied text carries control characters: %q", buf)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

// TestRemappedKeyAfterRestart: [keys] star = "x" in config.toml: x stars,
// the help says so, and it still does after a restart.
func TestRemappedKeyAfterRestart(t *testing.T) {
	requireTmux(t)
	e := env(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("# mine\n[keys]\nstar = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "e2e.db")
	s := startTmux(t, 120, 32, e, binary, "--demo", "--db", db, "--config", cfg)
	scr := waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	if !strings.Contains(scr, "x star") {
		t.Fatalf("the key help does not show x:\n%s", scr)
	}
	s.keys("x")
	s.waitFor(starred1RE, 5*time.Second)
	s.keys("Q")
	s.waitExit(5 * time.Second)

	s2 := startTmux(t, 120, 32, e, binary, "--demo", "--db", db, "--config", cfg)
	waitIdle(s2, starred1RE)
	s2.keys("s") // no longer star
	time.Sleep(300 * time.Millisecond)
	s2.keys("x")
	s2.waitFor(regexp.MustCompile(`Starred\s+0\b`), 5*time.Second)
	s2.keys("Q")
	s2.waitExit(5 * time.Second)

	// A bad key names its line.
	if err := os.WriteFile(cfg, []byte("# mine\n[keys]\nstar = \"x\"\nstra = \"z\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, "", "--config", cfg, "--db", db, "feeds")
	if code == 0 || !strings.Contains(stderr, cfg+":4: unknown action \"stra\"") {
		t.Fatalf("bad [keys] line: exit %d, stderr %q", code, stderr)
	}
}

// TestRemoveFeedKeepsItsStarredStory: F, x on the feed of a starred story,
// enter: the feed is gone and the starred story stays.
func TestRemoveFeedKeepsItsStarredStory(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	s.keys("s")
	s.waitFor(starred1RE, 5*time.Second)
	s.keys("F")
	s.waitFor(regexp.MustCompile(`Subscriptions`), 5*time.Second)
	for i := 0; i < 6; i++ {
		if regexp.MustCompile(`▸ Business Insider`).MatchString(s.screen()) {
			break
		}
		s.keys("j")
		time.Sleep(80 * time.Millisecond)
	}
	s.keys("x")
	s.waitFor(regexp.MustCompile(`keeping the 1 story you marked \(1 starred\)`), 5*time.Second)
	s.keys("Enter")
	s.waitFor(regexp.MustCompile(`removed “Business Insider`), 5*time.Second)
	s.keys("Escape")
	scr := s.waitFor(regexp.MustCompile(`Queue`), 5*time.Second)
	if strings.Contains(scr, "Business Insid… 1") || !starred1RE.MatchString(scr) {
		t.Fatalf("after removing the feed:\n%s", scr)
	}
	s.keys("1", "g", "j", "j") // Starred
	scr = s.waitFor(regexp.MustCompile(`Queue ── 1/1`), 5*time.Second)
	if !strings.Contains(scr, "Huge obstacles") {
		t.Fatalf("the starred story did not survive:\n%s", scr)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

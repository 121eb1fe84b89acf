// Package e2e runs the real sitrep binary in a real terminal (tmux) the way
// a user would: start it, type keys, read the screen.
package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sitrep-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "sitrep")
	if out, err := exec.Command("go", "build", "-o", binary, "sitrep").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building sitrep: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// env isolates the binary from the user's files and pins what it shows.
func env(t *testing.T) []string {
	home := t.TempDir()
	return []string{
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_DATA_HOME=" + filepath.Join(home, "data"),
		"TERM=xterm-256color",
		"TZ=UTC",
		"BROWSER=true",
	}
}

var (
	pollingRE  = regexp.MustCompile(`polling \d+/\d+`)
	starredRE  = regexp.MustCompile(`Starred\s+(\d+)`)
	starred1RE = regexp.MustCompile(`Starred\s+1\b`)
)

// waitIdle waits for the first polling round to finish and the queue to fill.
func waitIdle(s *tmuxSession, mustSee *regexp.Regexp) string {
	s.t.Helper()
	s.waitFor(mustSee, 20*time.Second)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		scr := s.screen()
		if !pollingRE.MatchString(scr) && mustSee.MatchString(scr) {
			return scr
		}
		time.Sleep(150 * time.Millisecond)
	}
	s.t.Fatalf("still polling after 20s; screen:\n%s", s.screen())
	return ""
}

// TestStarSurvivesRestart: start the demo on a database, open the first
// story (the reference story: its quotes and figures show), star, tag and
// note it, quit, start again on the same database: Starred shows 1, and
// the tag and the note are there.
func TestStarSurvivesRestart(t *testing.T) {
	requireTmux(t)
	db := filepath.Join(t.TempDir(), "e2e.db")
	e := env(t)

	s := startTmux(t, 120, 32, e, binary, "--demo", "--db", db)
	scr := waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	if m := starredRE.FindStringSubmatch(scr); m == nil || m[1] != "0" {
		t.Fatalf("a fresh demo should show Starred 0; screen:\n%s", scr)
	}
	// The reference story, opened: at a glance, who said what and the
	// toll: Bremmer's "still a far off hope", 50,000 who fled Aleppo and
	// over 250,000 killed.
	s.keys("Enter")
	scr = s.waitFor(regexp.MustCompile(`Ian Bremmer`), 5*time.Second)
	for _, want := range []string{"still a far off hope", "☠ over 250,000", "⇢ an estimated 50,000"} {
		if !strings.Contains(scr, want) {
			t.Errorf("the open Syria story does not show %q:\n%s", want, scr)
		}
	}
	s.keys("s")
	s.waitFor(starred1RE, 5*time.Second)
	// A tag and a note typed into their prompts (q is text there).
	s.keys("t")
	s.keys("-l", "quote-check")
	s.keys("Enter")
	s.waitFor(regexp.MustCompile(`#quote-check`), 5*time.Second)
	s.keys("e")
	s.keys("-l", "quote Bremmer in the brief")
	s.keys("Enter")
	s.waitFor(regexp.MustCompile(`quote Bremmer in the brief`), 5*time.Second)
	s.keys("q", "q") // the story pane back to the queue, then quit
	s.waitExit(5 * time.Second)

	s2 := startTmux(t, 120, 32, e, binary, "--demo", "--db", db)
	scr = waitIdle(s2, regexp.MustCompile(`Huge obstacles`))
	if !starred1RE.MatchString(scr) {
		t.Fatalf("after restart on the same db, Starred should be 1; screen:\n%s", scr)
	}
	if !strings.Contains(scr, "#quote-check") {
		t.Errorf("after restart the tag is gone; screen:\n%s", scr)
	}
	s2.keys("Enter")
	if scr := s2.waitFor(regexp.MustCompile(`Ian Bremmer`), 5*time.Second); !strings.Contains(scr, "quote Bremmer in the brief") {
		t.Errorf("after restart the note is gone; screen:\n%s", scr)
	}
	s2.keys("Q")
	s2.waitExit(5 * time.Second)
}

// TestEscapeInjectionLeavesTerminalAlone subscribes to the hostile feeds of
// ../shared/feeds, opens every story, and checks the terminal's title,
// clipboard and screen are untouched.
func TestEscapeInjectionLeavesTerminalAlone(t *testing.T) {
	requireTmux(t)
	// The hostile feeds live in the repository, so this guard runs in any clone.
	shared := filepath.Join("..", "..", "feeds", "testdata", "hostile")
	if _, err := os.Stat(shared); err != nil {
		t.Fatalf("hostile feeds missing from the repository (%s): %v", shared, err)
	}
	types := map[string]string{
		"escape-injection.xml":      "application/rss+xml",
		"escape-injection.json":     "application/feed+json",
		"escape-injection-atom.xml": "application/atom+xml",
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		ct, ok := types[name]
		if !ok {
			http.NotFound(w, r)
			return
		}
		data, err := os.ReadFile(filepath.Join(shared, name))
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		w.Header().Set("Content-Type", ct)
		w.Write(data)
	}))
	defer srv.Close()

	db := filepath.Join(t.TempDir(), "hostile.db")
	e := env(t)
	args := []string{"--db", db, "add", "--anyway"} // some are not feeds at all
	for name := range types {
		args = append(args, srv.URL+"/"+name)
	}
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), e...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("sitrep add: %v\n%s", err, out)
	}

	s := startTmux(t, 120, 32, e, binary, "--db", db)
	// sitrep names its own window "sitrep"; no feed text may change that.
	const title = "sitrep"
	windowBefore := s.format("#{window_name}")

	scr := waitIdle(s, regexp.MustCompile(`(?i)hostile|window title|clear`))
	// Open each story in turn, so bodies and authors are drawn too.
	for i := 0; i < 24; i++ {
		s.keys("Enter")
		time.Sleep(60 * time.Millisecond)
		s.keys("q", "j") // back to the queue, the next story
	}
	time.Sleep(300 * time.Millisecond)
	scr = s.screen()

	if got := s.format("#{pane_title}"); got != title {
		t.Errorf("pane title changed to %q (want %q)", got, title)
	}
	if got := s.format("#{window_name}"); got != windowBefore {
		t.Errorf("window name changed from %q to %q", windowBefore, got)
	}
	if bufs := strings.TrimSpace(s.run("list-buffers")); bufs != "" {
		t.Errorf("a clipboard write reached the terminal: %s", bufs)
	}
	for _, bad := range []string{"owned", "cm0gLXJmIH4K", "evil.example"} {
		if strings.Contains(scr, bad) {
			t.Errorf("payload %q is on screen:\n%s", bad, scr)
		}
	}
	// The screen must still be sitrep's: its frame drawn, nothing cleared.
	if !strings.Contains(scr, "Sources") && !strings.Contains(scr, "Queue") {
		t.Errorf("sitrep's panes are gone from the screen:\n%s", scr)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

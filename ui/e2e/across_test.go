package e2e

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The views across stories of issue 9, driven in a real terminal on the
// demo feeds.

// TestSpeakersToTheQuote: W lists the speakers; on Ian Bremmer, enter
// lists his quotes; enter on one opens the reference story at that quote,
// in the story pane, focused.
func TestSpeakersToTheQuote(t *testing.T) {
	requireTmux(t)
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", filepath.Join(t.TempDir(), "e2e.db"))
	waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	s.keys("W")
	scr := s.waitFor(regexp.MustCompile(`Ian Bremmer · president of the Eurasia group`), 5*time.Second)
	for i := 0; i < 40 && !strings.Contains(scr, "▸ Ian Bremmer"); i++ {
		s.keys("j")
		time.Sleep(50 * time.Millisecond)
		scr = s.screen()
	}
	if !strings.Contains(scr, "▸ Ian Bremmer") {
		t.Fatalf("no cursor on Ian Bremmer:\n%s", scr)
	}
	s.keys("Enter")
	scr = s.waitFor(regexp.MustCompile(`Speakers › Ian Bremmer`), 5*time.Second)
	scr = s.waitFor(regexp.MustCompile(`“still a far off hope`), 5*time.Second)
	// The quote under the cursor is the line after the cursor's.
	lines := strings.Split(scr, "\n")
	var quote string
	for i, l := range lines {
		if strings.Contains(l, "▸") && i+1 < len(lines) {
			quote = strings.Trim(strings.TrimSpace(strings.Trim(lines[i+1], "│ ")), "“”…")
		}
	}
	if len(quote) < 10 {
		t.Fatalf("no quote under the cursor:\n%s", scr)
	}
	words := strings.Join(strings.Fields(quote)[:3], " ")
	s.keys("Enter")
	scr = s.waitFor(regexp.MustCompile(`Story ── \d+%`), 5*time.Second)
	time.Sleep(200 * time.Millisecond)
	scr = s.screen()
	story := storyPane(scr)
	if !strings.Contains(story, "Huge obstacles") && !strings.Contains(scr, "Queue ── 1/") {
		t.Errorf("not the reference story:\n%s", scr)
	}
	if !strings.Contains(strings.Join(strings.Fields(story), " "), words) {
		t.Fatalf("the story pane is not at the quote %q:\n%s", words, scr)
	}
	if !strings.Contains(scr, "j/k scroll") {
		t.Errorf("the story pane does not have focus:\n%s", scr)
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
}

// TestSearchKilledOver100: /cat:killed>100 lists only the stories with a
// killed figure over 100: as many as the CSV export of the same search
// finds, the reference story (250,000) among them and the stories of 4,
// 7 and 86 killed not.
func TestSearchKilledOver100(t *testing.T) {
	requireTmux(t)
	db := filepath.Join(t.TempDir(), "e2e.db")
	s := startTmux(t, 120, 32, env(t), binary, "--demo", "--db", db)
	waitIdle(s, regexp.MustCompile(`Huge obstacles`))
	s.keys("/")
	s.keys("-l", "cat:killed>100")
	s.keys("Enter")
	count := regexp.MustCompile(`search: cat:killed>100 · (\d+) `)
	s.waitFor(count, 5*time.Second)
	time.Sleep(200 * time.Millisecond)
	scr := s.screen()
	n := count.FindStringSubmatch(scr)
	if !strings.Contains(scr, "Huge obstacles") {
		t.Errorf("the reference story (over 250,000 killed) is not listed:\n%s", scr)
	}
	for _, not := range []string{"Ceasefire monitors log 37", "Cholera cases climb", "Darvan: 51,000 displaced"} {
		if strings.Contains(scr, not) {
			t.Errorf("%q is listed (no killed figure over 100):\n%s", not, scr)
		}
	}
	s.keys("Q")
	s.waitExit(5 * time.Second)
	out, _, code := runCLI(t, "", "--db", db, "export", "--format", "csv", "--view", "all", "--search", "cat:killed>100")
	if code != 0 {
		t.Fatalf("export exit %d", code)
	}
	ids := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
		ids[strings.SplitN(l, ",", 2)[0]] = true
	}
	if n == nil || len(ids) == 0 || n[1] != strconv.Itoa(len(ids)) {
		t.Errorf("the queue lists %v stories, the export of the same search %d:\n%s\n%s", n, len(ids), scr, out)
	}
}

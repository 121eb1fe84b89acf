package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmuxSession drives one real terminal (a detached tmux session on its own
// server socket, so tests never touch the user's tmux).
type tmuxSession struct {
	t      *testing.T
	socket string
	name   string
}

// requireTmux skips where tmux is absent, except under CI, whose script
// installs it: there a missing tmux is a failure, not a skip.
func requireTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("tmux not installed: the terminal end-to-end tests need it (apt-get install tmux)")
	}
}

func startTmux(t *testing.T, width, height int, env []string, argv ...string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("sitrep-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "e2e"}
	// A config file of our own: the user's ~/.tmux.conf must not change the test.
	conf := t.TempDir() + "/tmux.conf"
	confText := "set -g set-clipboard on\nset -g allow-rename on\nset -g automatic-rename off\nset -g default-terminal xterm-256color\nset -g history-limit 0\n"
	if err := os.WriteFile(conf, []byte(confText), 0o600); err != nil {
		t.Fatal(err)
	}
	cmdline := "env " + strings.Join(quoteAll(env), " ") + " " + strings.Join(quoteAll(argv), " ")
	s.run("-f", conf, "new-session", "-d", "-s", s.name, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height), cmdline)
	s.run("set-option", "-t", s.name, "remain-on-exit", "on")
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names ("s", "Enter", "Tab", "q").
func (s *tmuxSession) keys(keys ...string) {
	s.t.Helper()
	s.run(append([]string{"send-keys", "-t", s.name}, keys...)...)
}

func (s *tmuxSession) screen() string {
	s.t.Helper()
	return s.run("capture-pane", "-p", "-t", s.name)
}

func (s *tmuxSession) format(f string) string {
	s.t.Helper()
	return strings.TrimRight(s.run("display-message", "-p", "-t", s.name, f), "\n")
}

// waitFor polls the screen until re matches, and fails with the last
// screen after timeout.
func (s *tmuxSession) waitFor(re *regexp.Regexp, timeout time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if re.MatchString(scr) {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("timed out after %v waiting for %q; screen:\n%s", timeout, re, scr)
	return ""
}

// waitExit waits until the program in the pane has exited.
func (s *tmuxSession) waitExit(timeout time.Duration) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if s.format("#{pane_dead}") == "1" {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("program did not exit within %v; screen:\n%s", timeout, s.screen())
}

func quoteAll(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	return out
}

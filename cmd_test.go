package main

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func runT(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestGlobalFlagsInAnyPosition(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if code, _, errs := runT(t, "", "feeds", "--db", db); code != 0 {
		t.Fatalf("feeds --db: %d %s", code, errs)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatalf("--db after the command was not used: %v", err)
	}
	if code, _, errs := runT(t, "", "feeds", "--db="+db, "--bogus"); code == 0 || !strings.Contains(errs, "--bogus") {
		t.Fatalf("an unknown flag: exit %d, %q", code, errs)
	}
	if code, _, _ := runT(t, "", "--bogus", "feeds"); code == 0 {
		t.Fatal("an unknown global flag: exit 0")
	}
}

func TestHelpAndVersion(t *testing.T) {
	code, out, _ := runT(t, "", "help", "rm")
	if code != 0 || !strings.Contains(out, "--purge") {
		t.Fatalf("help rm: %d %q", code, out)
	}
	if code, _, _ := runT(t, "", "help", "nonsense"); code == 0 {
		t.Fatal("help of an unknown command: exit 0")
	}
	code, out, _ = runT(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "sitrep ") {
		t.Fatalf("version: %d %q", code, out)
	}
}

// TestNoHomeRefusesToGuess: with HOME and XDG unset, nothing is created in
// the current directory and the message names the flag to give.
func TestNoHomeRefusesToGuess(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("HOME", "")
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("XDG_CONFIG_HOME", "")
	os.MkdirAll(filepath.Join(dir, "sitrep"), 0o700)
	os.WriteFile(filepath.Join(dir, "sitrep", "config.toml"), []byte(`browser = "rm -rf"`+"\n"), 0o600)
	code, _, errs := runT(t, "", "feeds")
	if code == 0 || !strings.Contains(errs, "--db") {
		t.Fatalf("feeds with no home: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "sitrep", "sitrep.db")); err == nil {
		t.Fatal("a database was created in the current directory")
	}
}

func TestDumbTerminal(t *testing.T) {
	t.Setenv("TERM", "dumb")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	code, _, errs := runT(t, "", "--db", filepath.Join(t.TempDir(), "x.db"))
	if code != 1 || !strings.Contains(errs, "TERM=dumb") {
		t.Fatalf("TERM=dumb: exit %d, %q", code, errs)
	}
}

func TestConfigDevZero(t *testing.T) {
	code, _, errs := runT(t, "", "--config", "/dev/zero", "--db", filepath.Join(t.TempDir(), "x.db"), "feeds")
	if code == 0 || !strings.Contains(errs, "larger than") {
		t.Fatalf("--config /dev/zero: exit %d, %q", code, errs)
	}
}

func TestAddRefusesAndRmKeeps(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><item><guid>a</guid><title>A</title></item></channel></rss>`))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "x.db")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	code, out, errs := runT(t, "", "add", srv.URL+"/missing", "--db", db)
	if code != 1 || !strings.Contains(out+errs, "HTTP 404") {
		t.Fatalf("add of a 404: exit %d, %q %q", code, out, errs)
	}
	if code, out, _ := runT(t, "", "--db", db, "feeds"); code != 0 || strings.Contains(out, "/missing") {
		t.Fatalf("the 404 was subscribed: %q", out)
	}
	if code, out, errs := runT(t, "", "--db", db, "add", "--anyway", srv.URL+"/missing"); code != 0 || !strings.Contains(out, "added anyway") {
		t.Fatalf("add --anyway: exit %d, %q %q", code, out, errs)
	}
	if code, out, errs := runT(t, "", "--db", db, "rm", srv.URL+"/missing"); code != 0 || !strings.Contains(out, "removed") {
		t.Fatalf("rm: exit %d, %q %q", code, out, errs)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	if code, out, errs := runT(t, "", "backup", backup, "--db", db); code != 0 || !strings.Contains(out, "backup: ") {
		t.Fatalf("backup: exit %d, %q %q", code, out, errs)
	}
}

// TestExtractIsCapped: an endless standard input (yes | sitrep extract -)
// ends, cut at the limit and said on stderr.
func TestExtractIsCapped(t *testing.T) {
	old := maxExtractInput
	maxExtractInput = 1 << 16
	defer func() { maxExtractInput = old }()
	var out, errb bytes.Buffer
	code := run([]string{"extract", "-"}, endless{}, &out, &errb)
	if code != 0 || !strings.Contains(errb.String(), "only the first") {
		t.Fatalf("exit %d, stderr %q", code, errb.String())
	}
}

type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "y\n"[i%2]
	}
	return len(p), nil
}

func TestBrowserCommand(t *testing.T) {
	for _, c := range []struct {
		setting string
		want    []string
	}{
		{"firefox --new-tab %s", []string{"firefox", "--new-tab", "https://x.org/a;b"}},
		{"w3m", []string{"w3m", "https://x.org/a;b"}},
	} {
		if got := browserCommand(c.setting, "https://x.org/a;b"); !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.setting, got, c.want)
		}
	}
}

// TestImportJSONCommand: export --format json --view everything from one
// database, import-json into a fresh one, export again: the same stories
// with their triage, tags and notes; a second import changes nothing.
func TestImportJSONCommand(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	if code, _, errs := runT(t, "", "--demo", "--db", src, "fetch"); code != 0 {
		t.Fatalf("demo fetch: %d %s", code, errs)
	}
	code, out, errs := runT(t, "", "export", "--db", src, "--format", "json", "--view", "everything")
	if code != 0 || strings.Count(out, "\n") < 2 {
		t.Fatalf("export: %d %s %q", code, errs, out)
	}
	file := filepath.Join(dir, "all.jsonl")
	os.WriteFile(file, []byte(out), 0o600)
	code, msg, errs := runT(t, "", "import-json", "--db", dst, file)
	if code != 0 || !strings.Contains(msg, " new,") {
		t.Fatalf("import-json: %d %s %s", code, msg, errs)
	}
	_, again, _ := runT(t, "", "export", "--db", dst, "--format", "json", "--view", "everything")
	a, b := strings.Split(out, "\n"), strings.Split(again, "\n")
	slices.Sort(a)
	slices.Sort(b)
	if !slices.Equal(a, b) {
		t.Fatalf("export after import-json differs:\n%s\n---\n%s", out, again)
	}
	code, msg, _ = runT(t, "", "import-json", "--db", dst, file)
	if code != 0 || !strings.Contains(msg, " 0 new, 0 merged") {
		t.Fatalf("second import-json: %d %s", code, msg)
	}
}

// TestFetchNowAndLog: a second fetch leaves the feed alone (not due),
// fetch --now polls it again; --log FILE (in any position) gets a line per
// poll with its timing, and nothing is logged without it.
func TestFetchNowAndLog(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<rss version="2.0"><channel><title>T</title><item><guid>a</guid><title>A</title></item></channel></rss>`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	db, logFile := filepath.Join(dir, "x.db"), filepath.Join(dir, "debug.log")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if code, out, errs := runT(t, "", "--db", db, "add", srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	if code, out, errs := runT(t, "", "--db", db, "fetch"); code != 0 || !strings.Contains(out, "T: 1 new") {
		t.Fatalf("fetch: %d %s %s", code, out, errs)
	}
	if _, err := os.Stat(logFile); err == nil {
		t.Fatal("a log was written without --log")
	}
	n := hits.Load()
	if code, out, _ := runT(t, "", "--db", db, "fetch", "--log", logFile); code != 0 || !strings.Contains(out, "not due until") || hits.Load() != n {
		t.Fatalf("second fetch: %d %q, %d requests", code, out, hits.Load()-n)
	}
	if code, out, errs := runT(t, "", "--db", db, "fetch", "--now", "--log="+logFile); code != 0 || strings.Contains(out, "not due") || hits.Load() != n+1 {
		t.Fatalf("fetch --now: %d %q %s, %d requests", code, out, errs, hits.Load()-n)
	}
	if code, _, _ := runT(t, "", "--db", db, "fetch", "--bogus"); code == 0 {
		t.Fatal("fetch --bogus: exit 0")
	}
	data, err := os.ReadFile(logFile)
	if err != nil {
		t.Fatal(err)
	}
	log := string(data)
	if strings.Count(log, "msg=\"round start\"") != 2 || strings.Count(log, "msg=poll ") != 1 ||
		!strings.Contains(log, "feed="+srv.URL+"/feed.xml status=200") || strings.Count(log, " took=") != 3 {
		t.Errorf("debug log:\n%s", log)
	}
}

// TestTerminalBrowser: w3m, lynx, links and elinks (by path too, with
// arguments, or from $BROWSER when the config names none) run in the
// terminal with the reader suspended; GUI browsers are not.
func TestTerminalBrowser(t *testing.T) {
	for _, tc := range []struct {
		setting, env string
		want         []string // nil: not a terminal browser
	}{
		{"w3m", "", []string{"w3m", "https://x.org/a"}},
		{"/usr/bin/lynx -accept_all_cookies %s", "", []string{"/usr/bin/lynx", "-accept_all_cookies", "https://x.org/a"}},
		{"elinks", "firefox", []string{"elinks", "https://x.org/a"}},
		{"", "links:firefox", []string{"links", "https://x.org/a"}},
		{"firefox --new-tab %s", "w3m", nil},
		{"", "", nil},
		{"", "xdg-open", nil},
	} {
		open := terminalBrowser(tc.setting, tc.env)
		if tc.want == nil {
			if open != nil {
				t.Errorf("%q / $BROWSER=%q: run in the terminal", tc.setting, tc.env)
			}
			continue
		}
		if open == nil {
			t.Errorf("%q / $BROWSER=%q: not run in the terminal", tc.setting, tc.env)
			continue
		}
		if c := open("https://x.org/a"); c.Path == "" || !slices.Equal(c.Args, tc.want) {
			t.Errorf("%q: runs %v, want %v", tc.setting, c.Args, tc.want)
		}
	}
}

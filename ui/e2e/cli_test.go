package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the built binary with args in an isolated environment.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env(t)...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running sitrep: %v", err)
	}
	return o.String(), e.String(), code
}

type extractLine struct {
	File   string `json:"file"`
	Quotes []struct {
		Text    string  `json:"text"`
		Speaker *string `json:"speaker"`
		Start   int     `json:"start"`
		End     int     `json:"end"`
	} `json:"quotes"`
	Stats []struct {
		Text     string  `json:"text"`
		Value    float64 `json:"value"`
		Category string  `json:"category"`
		Start    int     `json:"start"`
		End      int     `json:"end"`
	} `json:"stats"`
}

// TestExtractJSONContract: one JSON object per file, in argument order,
// offsets into the input; an unreadable file is an error on stderr and a
// non-zero exit while the others still print.
func TestExtractJSONContract(t *testing.T) {
	syria := filepath.Join("..", "..", "model", "extract", "testdata", "guard", "syria-ceasefire.txt")
	text, err := os.ReadFile(syria)
	if err != nil {
		t.Fatalf("reference story missing from the repository (%s): %v", syria, err)
	}
	out, errOut, code := runCLI(t, "Officials said 12 people were killed.", "extract", "--json", syria, "/no/such/file.txt", "-")
	if code == 0 {
		t.Errorf("exit code 0 with an unreadable file")
	}
	if !strings.Contains(errOut, "/no/such/file.txt") {
		t.Errorf("stderr does not name the unreadable file: %q", errOut)
	}
	var lines []extractLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l extractLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, sc.Text())
		}
		lines = append(lines, l)
	}
	if len(lines) != 2 || lines[0].File != syria || lines[1].File != "-" {
		t.Fatalf("want 2 lines for %s and -, got %d: %s", syria, len(lines), out)
	}
	var bremmer, killed bool
	for _, q := range lines[0].Quotes {
		if string(text[q.Start:q.End]) != q.Text {
			t.Errorf("quote span %d:%d is %q, text is %q", q.Start, q.End, text[q.Start:q.End], q.Text)
		}
		if q.Speaker != nil && *q.Speaker == "Ian Bremmer" && strings.Contains(q.Text, "still a far off hope") {
			bremmer = true
		}
	}
	for _, s := range lines[0].Stats {
		if string(text[s.Start:s.End]) != s.Text {
			t.Errorf("stat span %d:%d is %q, text is %q", s.Start, s.End, text[s.Start:s.End], s.Text)
		}
		if s.Value == 250000 && s.Category == "killed" {
			killed = true
		}
	}
	if !bremmer {
		t.Error(`Ian Bremmer's "still a far off hope" is missing`)
	}
	if !killed {
		t.Error("the 250,000 killed are missing")
	}
	if len(lines[1].Stats) == 0 || lines[1].Stats[0].Value != 12 {
		t.Errorf("stdin article: want the 12 killed, got %+v", lines[1].Stats)
	}
}

// TestFeedCommands: add, feeds, fetch and rm against a local server, with
// one good feed and one broken one that must not spoil the round.
func TestFeedCommands(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Desk</title>
<item><title>Shelling kills 14</title><guid>a1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
<description>At least 14 people were killed, officials said.</description></item></channel></rss>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/good.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write([]byte(rss))
		default:
			http.Error(w, "gone", http.StatusInternalServerError)
		}
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "cli.db")
	good, bad := srv.URL+"/good.xml", srv.URL+"/bad.xml"

	if _, e, code := runCLI(t, "", "--db", db, "add", good); code != 0 {
		t.Fatalf("add good feed: exit %d: %s", code, e)
	}
	// A URL that cannot be fetched is refused with the reason (issue 10);
	// --anyway adds it with a warning, and the poller keeps trying it.
	if out, e, code := runCLI(t, "", "--db", db, "add", bad); code != 1 || !strings.Contains(out+e, "500") {
		t.Errorf("add of a failing URL: exit %d, stdout %q, stderr %q; want exit 1 naming HTTP 500", code, out, e)
	}
	if out, e, code := runCLI(t, "", "--db", db, "add", "--anyway", bad); code != 0 || !strings.Contains(out, "500") {
		t.Errorf("add --anyway of a failing URL: exit %d, stdout %q, stderr %q; want it added with a warning naming HTTP 500", code, out, e)
	}
	out, e, code := runCLI(t, "", "--db", db, "fetch")
	if code != 0 {
		t.Fatalf("fetch with one good feed: exit %d, want 0: %s%s", code, out, e)
	}
	if !strings.Contains(out, "Local Desk") || !strings.Contains(out, "500") {
		t.Errorf("fetch output should name the good feed and the broken one's error:\n%s", out)
	}
	// What was fetched can be exported with its source and figures.
	out, e, code = runCLI(t, "", "--db", db, "export", "--view", "all")
	if code != 0 || !strings.Contains(out, "## Shelling kills 14") || !strings.Contains(out, "Source: Local Desk") ||
		!strings.Contains(out, "**killed**: At least 14 people") {
		t.Errorf("export --view all: exit %d, stderr %q, output:\n%s", code, e, out)
	}
	if strings.TrimSpace(e) != "exported 1 story" {
		t.Errorf("export of one story says %q, want \"exported 1 story\"", e)
	}
	out, _, code = runCLI(t, "", "--db", db, "export", "--view", "all", "--format", "json")
	var exported struct {
		Title string `json:"title"`
		Stats []struct {
			Value float64 `json:"value"`
		} `json:"stats"`
	}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &exported); code != 0 || err != nil ||
		exported.Title != "Shelling kills 14" || len(exported.Stats) != 1 || exported.Stats[0].Value != 14 {
		t.Errorf("export --format json: exit %d, %v, output:\n%s", code, err, out)
	}
	if _, e, code := runCLI(t, "", "--db", db, "export", "--view", "bogus"); code == 0 || !strings.Contains(e, "bogus") {
		t.Errorf("export of an unknown view: exit %d, stderr %q", code, e)
	}
	out, _, _ = runCLI(t, "", "--db", db, "feeds")
	if !strings.Contains(out, good) {
		t.Errorf("feeds does not list %s:\n%s", good, out)
	}
	if _, e, code := runCLI(t, "", "--db", db, "rm", good); code != 0 {
		t.Fatalf("rm: exit %d: %s", code, e)
	}
	out, _, _ = runCLI(t, "", "--db", db, "feeds")
	if strings.Contains(out, good) {
		t.Errorf("feeds still lists %s after rm:\n%s", good, out)
	}
}

// TestBadConfigNamesTheLine: a bad config line stops start-up with a
// message naming the file and the line.
func TestBadConfigNamesTheLine(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("concurrency = 4\nper_host = 0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, e, code := runCLI(t, "", "--config", cfg, "--db", filepath.Join(t.TempDir(), "x.db"), "feeds")
	if code == 0 || !strings.Contains(e, cfg+":2:") {
		t.Errorf("exit %d, stderr %q; want an error naming %s:2", code, e, cfg)
	}
}

package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		check   func(Config) bool
		wantErr string // prefix of the error, "" for none
	}{
		{"empty gives defaults", "", func(c Config) bool { return reflect.DeepEqual(c, Default()) }, ""},
		{"comments only", "# nothing\n\n", func(c Config) bool { return reflect.DeepEqual(c, Default()) }, ""},
		{"all keys", "poll_interval = \"5m\"\nconcurrency = 8\nper_host = 1\nbody_limit_mb = 4\ntimeout = \"10s\"\nbrowser = \"lynx\"\n",
			func(c Config) bool {
				return c.PollInterval == 5*time.Minute && c.Concurrency == 8 && c.PerHost == 1 &&
					c.BodyLimitMB == 4 && c.Timeout == 10*time.Second && c.Browser == "lynx"
			}, ""},
		{"syntax error names its line", "concurrency = 4\npoll_interval = \n", nil, "2: "},
		{"wrong type names its line", "# c\nconcurrency = \"many\"\n", nil, "2: "},
		{"unknown key names its line", "concurrency = 4\n\ncolour = \"red\"\n", nil, "3: unknown setting \"colour\""},
		{"out of range", "per_host = 0\n", nil, "1: per_host must be between 1 and 32"},
		{"bad duration", "timeout = 5\n", nil, "1: "},
		{"too short interval", "\npoll_interval = \"10s\"\n", nil, "2: poll_interval"},
		{"look and keys", "theme = \"light\"\ndensity = \"compact\"\nmark_read_after = \"3s\"\n[keys]\nstar = \"x\"\nread = [\"r\", \"m\"]\n",
			func(c Config) bool {
				return c.Theme == "light" && c.Density == "compact" && c.MarkReadAfter == 3*time.Second &&
					reflect.DeepEqual(c.Keys, []KeyBinding{{"star", []string{"x"}, 5}, {"read", []string{"r", "m"}, 6}})
			}, ""},
		{"unknown theme", "theme = \"neon\"\n", nil, "1: theme must be one of auto, dark, light, mono"},
		{"key not a string", "\n[keys]\nstar = 5\n", nil, "3: keys.star"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(tt.text)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("Parse error = %v, want prefix %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if !tt.check(c) {
				t.Errorf("Parse gave %+v", c)
			}
		})
	}
}

func TestLoadMissingFileIsDefaults(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || !reflect.DeepEqual(c, Default()) {
		t.Fatalf("Load(missing) = %+v, %v", c, err)
	}
}

func TestLoadNamesFileAndLine(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte("concurrency = 4\nbogus = 1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), p+":2: unknown setting") {
		t.Fatalf("Load error = %v", err)
	}
}

// TestSearchesTable: [searches] is read in the file's order, as
// `sitrep export-searches` writes it; a value that is not a query is an
// error naming its line.
func TestSearchesTable(t *testing.T) {
	cfg, err := Parse("theme = \"dark\"\n[searches]\n\"Aleppo watch\" = \"aleppo since:7d\"\nbremmer = 'speaker:\"Ian Bremmer\"'\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []Search{{"Aleppo watch", "aleppo since:7d"}, {"bremmer", `speaker:"Ian Bremmer"`}}
	if len(cfg.Searches) != 2 || cfg.Searches[0] != want[0] || cfg.Searches[1] != want[1] {
		t.Errorf("Searches = %+v, want %+v", cfg.Searches, want)
	}
	if _, err := Parse("[searches]\nx = \"a\"\ny = 3\n"); err == nil || !strings.HasPrefix(err.Error(), "3:") {
		t.Errorf("a number as a query: %v, want an error on line 3", err)
	}
}

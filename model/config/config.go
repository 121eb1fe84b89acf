// Package config reads sitrep's optional config file
// ($XDG_CONFIG_HOME/sitrep/config.toml). A missing file is not an error; a
// bad line is, and its message names the line.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Config holds every setting, with defaults filled in.
type Config struct {
	PollInterval time.Duration // time between polling rounds
	Concurrency  int           // feeds fetched at once, all hosts together
	PerHost      int           // feeds fetched at once from one host
	BodyLimitMB  int           // largest feed or page body, decompressed
	Timeout      time.Duration // overall time for one fetch
	Browser      string        // program that opens links; "" uses $BROWSER or xdg-open

	// The reader's look and keys.
	Theme         string        // "auto" (follow the terminal), "dark", "light" or "mono"
	Density       string        // queue rows: "full" (three lines) or "compact" (one)
	MarkReadAfter time.Duration // mark the story shown read after this long; 0: only enter, n, N
	// Keys are the [keys] table: each action's keys, with the line that
	// set it, in the file's order. The reader checks the action names and
	// keys (it knows them) and reports a bad one with its line.
	Keys []KeyBinding
	// Searches are the [searches] table, `"name" = "query"` in the file's
	// order: saved searches the reader adds to its database at start when
	// it lacks their names (S saves new ones in the database; `sitrep
	// export-searches` writes the table back out).
	Searches []Search
}

// Search is one line of the [searches] table.
type Search struct {
	Name, Query string
}

// KeyBinding is one line of the [keys] table: `star = "s"` or
// `read = ["r", "m"]`.
type KeyBinding struct {
	Action string
	Keys   []string
	Line   int
}

// Themes and densities the reader knows.
var (
	Themes    = []string{"auto", "dark", "light", "mono"}
	Densities = []string{"full", "compact"}
)

// Default is the configuration used when no file exists.
func Default() Config {
	return Config{
		PollInterval: 15 * time.Minute,
		Concurrency:  16,
		PerHost:      2,
		BodyLimitMB:  16,
		Timeout:      30 * time.Second,
		Theme:        "auto",
		Density:      "full",
	}
}

// file mirrors the TOML keys; pointers tell a missing key from a zero one.
type file struct {
	PollInterval *string `toml:"poll_interval"`
	Concurrency  *int    `toml:"concurrency"`
	PerHost      *int    `toml:"per_host"`
	BodyLimitMB  *int    `toml:"body_limit_mb"`
	Timeout      *string `toml:"timeout"`
	Browser      *string `toml:"browser"`

	Theme         *string        `toml:"theme"`
	Density       *string        `toml:"density"`
	MarkReadAfter *string        `toml:"mark_read_after"`
	Keys          map[string]any `toml:"keys"`
	Searches      map[string]any `toml:"searches"`
}

// DefaultPath is $XDG_CONFIG_HOME/sitrep/config.toml (or ~/.config/...).
func DefaultPath() string {
	return xdgPath("XDG_CONFIG_HOME", ".config", "config.toml")
}

// DefaultDBPath is $XDG_DATA_HOME/sitrep/sitrep.db (or ~/.local/share/...).
func DefaultDBPath() string {
	return xdgPath("XDG_DATA_HOME", filepath.Join(".local", "share"), "sitrep.db")
}

// xdgPath is file in sitrep's directory under the XDG base directory that
// env names, or under homeDir in the home directory when env is unset. It
// is "" when neither is known: sitrep does not guess (the current
// directory is nobody's data or config directory). A relative XDG value
// is ignored, as the XDG specification says.
func xdgPath(env, homeDir, file string) string {
	dir := os.Getenv(env)
	if !filepath.IsAbs(dir) {
		dir = ""
		if home, err := os.UserHomeDir(); err == nil && filepath.IsAbs(home) {
			dir = filepath.Join(home, homeDir)
		}
	}
	if dir == "" {
		return ""
	}
	return filepath.Join(dir, "sitrep", file)
}

// MaxSize bounds a config file: settings and a [keys] table fit in a few
// kilobytes, and --config /dev/zero must not fill the memory.
const MaxSize = 1 << 20

// Load reads the file at path. A missing file gives the defaults.
func Load(path string) (Config, error) {
	if path == "" {
		return Default(), nil // no config directory known: none is read
	}
	data, err := readCapped(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return Default(), fmt.Errorf("config: %w", err)
	}
	cfg, err := Parse(string(data))
	if err != nil {
		return Default(), fmt.Errorf("%s:%w", path, err)
	}
	return cfg, nil
}

// Parse reads the text of a config file. Errors start with the line number:
// "3: concurrency must be between 1 and 256".
func Parse(text string) (Config, error) {
	cfg := Default()
	var f file
	md, err := toml.Decode(text, &f)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, fmt.Errorf("%d: %s", pe.Position.Line, pe.Message)
		}
		// Type mismatches come as plain errors that still carry the line.
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		if m := errLine.FindStringSubmatch(msg); m != nil {
			return cfg, fmt.Errorf("%s: %s", m[1], strings.TrimSpace(msg[len(m[0]):]))
		}
		return cfg, fmt.Errorf("1: %s", msg)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		key := undecoded[0].String()
		return cfg, fmt.Errorf("%d: unknown setting %q (known: poll_interval, concurrency, per_host, body_limit_mb, timeout, browser, theme, density, mark_read_after, [keys], [searches])", lineOf(text, key), key)
	}
	if f.PollInterval != nil {
		d, err := time.ParseDuration(*f.PollInterval)
		if err != nil || d < time.Minute {
			return cfg, fmt.Errorf("%d: poll_interval must be a duration of at least 1m, like \"15m\"", lineOf(text, "poll_interval"))
		}
		cfg.PollInterval = d
	}
	if f.Timeout != nil {
		d, err := time.ParseDuration(*f.Timeout)
		if err != nil || d < time.Second {
			return cfg, fmt.Errorf("%d: timeout must be a duration of at least 1s, like \"30s\"", lineOf(text, "timeout"))
		}
		cfg.Timeout = d
	}
	for _, n := range []struct {
		key      string
		val      *int
		dst      *int
		min, max int
	}{
		{"concurrency", f.Concurrency, &cfg.Concurrency, 1, 256},
		{"per_host", f.PerHost, &cfg.PerHost, 1, 32},
		{"body_limit_mb", f.BodyLimitMB, &cfg.BodyLimitMB, 1, 1024},
	} {
		if n.val == nil {
			continue
		}
		if *n.val < n.min || *n.val > n.max {
			return cfg, fmt.Errorf("%d: %s must be between %d and %d", lineOf(text, n.key), n.key, n.min, n.max)
		}
		*n.dst = *n.val
	}
	if f.Browser != nil {
		cfg.Browser = strings.TrimSpace(*f.Browser)
	}
	for _, c := range []struct {
		key   string
		val   *string
		dst   *string
		known []string
	}{
		{"theme", f.Theme, &cfg.Theme, Themes},
		{"density", f.Density, &cfg.Density, Densities},
	} {
		if c.val == nil {
			continue
		}
		if !slices.Contains(c.known, *c.val) {
			return cfg, fmt.Errorf("%d: %s must be one of %s, not %q", lineOf(text, c.key), c.key, strings.Join(c.known, ", "), *c.val)
		}
		*c.dst = *c.val
	}
	if f.MarkReadAfter != nil {
		d, err := time.ParseDuration(*f.MarkReadAfter)
		if err != nil || d < 0 {
			return cfg, fmt.Errorf("%d: mark_read_after must be a duration like \"3s\" (\"0s\" for never)", lineOf(text, "mark_read_after"))
		}
		cfg.MarkReadAfter = d
	}
	keys, err := keyBindings(text, f.Keys)
	if err != nil {
		return cfg, err
	}
	cfg.Keys = keys
	for _, k := range md.Keys() {
		if len(k) != 2 || k[0] != "searches" {
			continue
		}
		q, ok := f.Searches[k[1]].(string)
		if !ok || strings.TrimSpace(q) == "" || strings.TrimSpace(k[1]) == "" {
			return cfg, fmt.Errorf("%d: searches: a saved search is \"name\" = \"query\"", lineIn(text, "searches", k[1]))
		}
		cfg.Searches = append(cfg.Searches, Search{Name: k[1], Query: q})
	}
	return cfg, nil
}

// keyBindings reads the [keys] table in the file's order. Each value is a
// key or a list of keys.
func keyBindings(text string, table map[string]any) ([]KeyBinding, error) {
	var out []KeyBinding
	for action, v := range table {
		line := lineIn(text, "keys", action)
		var keys []string
		switch v := v.(type) {
		case string:
			keys = []string{v}
		case []any:
			for _, k := range v {
				s, ok := k.(string)
				if !ok {
					return nil, fmt.Errorf("%d: keys.%s: a key is a string, like \"s\"", line, action)
				}
				keys = append(keys, s)
			}
		default:
			return nil, fmt.Errorf("%d: keys.%s must be a key (\"s\") or a list of keys ([\"s\", \"ctrl+s\"])", line, action)
		}
		if len(keys) == 0 {
			return nil, fmt.Errorf("%d: keys.%s has no key", line, action)
		}
		out = append(out, KeyBinding{Action: action, Keys: keys, Line: line})
	}
	slices.SortFunc(out, func(a, b KeyBinding) int { return a.Line - b.Line })
	return out, nil
}

// lineIn finds the line where key is set inside [table].
func lineIn(text, table, key string) int {
	head := regexp.MustCompile(`^\s*\[\s*` + regexp.QuoteMeta(table) + `\s*\]`)
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	in := false
	for i, line := range strings.Split(text, "\n") {
		switch {
		case head.MatchString(line):
			in = true
		case strings.HasPrefix(strings.TrimSpace(line), "["):
			in = false
		case in && re.MatchString(line):
			return i + 1
		}
	}
	return lineOf(text, key)
}

var errLine = regexp.MustCompile(`^line (\d+) ?`)

// lineOf finds the 1-based line where key is set; TOML's decoder does not
// say where a well-formed but unwanted key is.
func lineOf(text, key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, line := range strings.Split(text, "\n") {
		if re.MatchString(line) {
			return i + 1
		}
	}
	return 1
}

// readCapped reads a file of at most MaxSize bytes.
func readCapped(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s is larger than %d KB: not a config file", path, MaxSize>>10)
	}
	return data, nil
}

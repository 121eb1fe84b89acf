package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSearchesTravelWithTheConfig: config.toml's [searches] reach the
// database, and export-searches prints them as a table that, as the
// config of another database, brings them there too.
func TestSearchesTravelWithTheConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	in := "[searches]\n\"Aleppo watch\" = \"aleppo since:7d\"\nbremmer = 'speaker:\"Ian Bremmer\"'\n"
	if err := os.WriteFile(cfg, []byte(in), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runT(t, "", "--config", cfg, "--db", filepath.Join(dir, "a.db"), "export-searches")
	want := "[searches]\n\"Aleppo watch\" = \"aleppo since:7d\"\n\"bremmer\" = \"speaker:\\\"Ian Bremmer\\\"\"\n"
	if code != 0 || out != want {
		t.Fatalf("export-searches: exit %d %s\n%s\nwant\n%s", code, errs, out, want)
	}
	// The export as the config of a new database gives the same list.
	if err := os.WriteFile(cfg, []byte(out), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out2, errs := runT(t, "", "--config", cfg, "--db", filepath.Join(dir, "b.db"), "export-searches")
	if code != 0 || out2 != want {
		t.Fatalf("round trip: exit %d %s\n%s", code, errs, out2)
	}
}

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// README's key table is the key map: TestReadmeKeys fails when they
// differ (SITREP_WRITE_README=1 rewrites the table), and the ? help lists
// every action of the same map.

const (
	readmeKeysStart = "<!-- keys: generated from ui.DefaultKeyMap; TestReadmeKeys checks it -->"
	readmeKeysEnd   = "<!-- /keys -->"
)

// readmeKeyTable is the Markdown table of every action's keys.
func readmeKeyTable() string {
	k := DefaultKeyMap()
	var b strings.Builder
	b.WriteString("| keys | action | name in `[keys]` |\n|---|---|---|\n")
	for _, a := range k.actions() {
		var keys []string
		for _, s := range a.b.Keys() {
			keys = append(keys, "`"+strings.ReplaceAll(s, "|", `\|`)+"`")
		}
		b.WriteString("| " + strings.Join(keys, " ") + " | " + a.b.Help().Desc + " | `" + a.name + "` |\n")
	}
	b.WriteString("\nIn the subscriptions (`F`):\n\n| keys | action |\n|---|---|\n")
	for _, sb := range []key.Binding{subsKeys.Rename, subsKeys.FullText, subsKeys.PollNow, subsKeys.Remove, subsKeys.RemoveAll} {
		b.WriteString("| `" + sb.Keys()[0] + "` | " + sb.Help().Desc + " |\n")
	}
	return b.String()
}

func TestReadmeKeys(t *testing.T) {
	path := filepath.Join("..", "README.md")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	i, j := strings.Index(text, readmeKeysStart), strings.Index(text, readmeKeysEnd)
	if i < 0 || j < i {
		t.Fatalf("README has no key table between %q and %q", readmeKeysStart, readmeKeysEnd)
	}
	got := strings.TrimSpace(text[i+len(readmeKeysStart) : j])
	want := strings.TrimSpace(readmeKeyTable())
	if got == want {
		return
	}
	if os.Getenv("SITREP_WRITE_README") != "" {
		text = text[:i+len(readmeKeysStart)] + "\n" + want + "\n" + text[j:]
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("README's key table differs from the key map; want:\n%s", want)
}

// TestHelpListsEveryAction: the ? help names every key of every action
// (confirm is asked in its own prompt, which names it).
func TestHelpListsEveryAction(t *testing.T) {
	k := DefaultKeyMap()
	listed := map[string]bool{}
	for _, g := range (focusHelp{k: k, focus: focusQueue}).FullHelp() {
		for _, b := range g {
			listed[b.Help().Key] = true
		}
	}
	for _, a := range k.actions() {
		if a.name == "confirm" {
			continue
		}
		if !listed[a.b.Help().Key] {
			t.Errorf("? help does not list %s (%s)", a.name, a.b.Help().Key)
		}
	}
}

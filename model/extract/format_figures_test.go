package extract

import (
	"strings"
	"testing"
)

// TestFormatFiguresAligned: the figure table's context column starts in
// the same terminal cell on every row, whatever the width of the values
// (multi-byte "≥" and "–", a wide range, a long unit).
func TestFormatFiguresAligned(t *testing.T) {
	text := "Over 250,000 people have been killed. Between 1,200,000 and 3,400,000 people fled. Dozens were hurt. It cost €5."
	r := Extract(text)
	out := FormatText(r, text)
	_, table, ok := strings.Cut(out, "Figures (")
	if !ok {
		t.Fatalf("no figure table in %q", out)
	}
	lines := strings.Split(strings.TrimSpace(table), "\n")[1:]
	if len(lines) < 3 {
		t.Fatalf("want at least 3 figure rows, got %q", lines)
	}
	col := -1
	for i, l := range lines {
		s := r.Stats[i]
		ctx := context(text, s.Start, s.End)
		k := strings.LastIndex(l, ctx)
		if k < 0 {
			t.Fatalf("row %q lacks its context %q", l, ctx)
		}
		c := displayWidth(l[:k])
		if col >= 0 && c != col {
			t.Errorf("context starts at cell %d, want %d:\n%s", c, col, strings.Join(lines, "\n"))
		}
		col = c
	}
	if displayWidth("≥ 12 people") != 11 || displayWidth("中文") != 4 {
		t.Error("displayWidth miscounts")
	}
}

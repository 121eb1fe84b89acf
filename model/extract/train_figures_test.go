package extract

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestTrainFigures scores the figures of the training set's labelled
// articles (the 44 violent-event Wikinews articles without stats_unscored)
// and fails below issue 7's floors. It prints the two halves apart (by
// file name). The second half was held back, only its totals printed,
// until its last unread score (F1 0.892, category 0.914, commit e77d98d);
// it was then opened for error analysis, so neither half is unseen now.
// With -v it lists the first half's errors; FIGURE_ERRORS=all lists the
// second half's too.
func TestTrainFigures(t *testing.T) {
	dir := filepath.Join(sharedDir, "corpus", "train", "wikinews")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("training set not found at %s", dir)
	}
	var labelled []goldFile
	for _, g := range loadGold(t, filepath.Join(dir, "*.json")) {
		if !g.StatsUnscored {
			labelled = append(labelled, g)
		}
	}
	sort.Slice(labelled, func(a, b int) bool { return labelled[a].ID < labelled[b].ID })
	var all, first, rest score
	half := len(labelled) / 2
	for i, g := range labelled {
		stats := Extract(g.Text).Stats
		scoreStats(t, g, stats, &all, false)
		if i < half {
			scoreStats(t, g, stats, &first, testing.Verbose())
		} else {
			scoreStats(t, g, stats, &rest, testing.Verbose() && os.Getenv("FIGURE_ERRORS") == "all")
		}
	}
	logFigures := func(name string, s score) (float64, float64) {
		f, c := f1(s.sTP, s.sFP, s.sFN), ratio(s.catOK, s.catN)
		t.Logf("%s: figure F1 %.3f (tp %d fp %d fn %d) · category accuracy %.3f (%d/%d)", name, f, s.sTP, s.sFP, s.sFN, c, s.catOK, s.catN)
		return f, c
	}
	logFigures("train figures, first half", first)
	logFigures("train figures, second half (held back until e77d98d)", rest)
	f, c := logFigures("train figures, all labelled", all)
	// Issue 7's floors: figure F1 0.92, category 0.90 (0.956 and 0.948
	// when they were set).
	const fFloor, cFloor = 0.92, 0.90
	if f < fFloor || c < cFloor {
		t.Errorf("train figures below floors (figure F1 %.3f < %.2f or category %.3f < %.2f)", f, fFloor, c, cFloor)
	}
}

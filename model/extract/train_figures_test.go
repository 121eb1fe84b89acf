package extract

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestTrainFigures scores the figures of the training set's labelled
// articles (the 44 violent-event Wikinews articles without stats_unscored)
// and fails below today's floors (see fFloor). It prints the two halves apart (by file name): the first 22 were
// used for error analysis, the last 22 were held back and run once before
// their errors were looked at. With -v it lists the errors of the first
// half only, so the held-back half stays unread.
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
			scoreStats(t, g, stats, &rest, false)
		}
	}
	logFigures := func(name string, s score) (float64, float64) {
		f, c := f1(s.sTP, s.sFP, s.sFN), ratio(s.catOK, s.catN)
		t.Logf("%s: figure F1 %.3f (tp %d fp %d fn %d) · category accuracy %.3f (%d/%d)", name, f, s.sTP, s.sFP, s.sFN, c, s.catOK, s.catN)
		return f, c
	}
	logFigures("train figures, first half (error analysis)", first)
	logFigures("train figures, held-back half", rest)
	f, c := logFigures("train figures, all labelled", all)
	// Today's level as a regression guard. Issue 7 asks 0.92 and 0.90:
	// the category is there (0.914), the figure F1 not yet (0.912; the
	// first half's remaining extras are counts the labels leave out,
	// "the two airports", "the two officers").
	const fFloor, cFloor = 0.91, 0.91
	if f < fFloor || c < cFloor {
		t.Errorf("train figures below floors (figure F1 %.2f, category %.2f)", fFloor, cFloor)
	}
}

package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHeldOutScore scores Extract on testdata/heldout: real articles from
// the article-extraction benchmark and wire-style figure sentences, labelled
// by hand by someone other than the extractor's author, before looking at
// its output on them. It is the closest thing here to the hidden
// evaluation, so its floors sit just under what the extractor reaches and
// it must never be tuned sentence by sentence.
//
// Batch 1 (no prefix) was labelled first and its errors drove the first
// round of fixes. Batch 2 ("b2-") was labelled after that round, batch 3
// ("b3-") after the next, batch 4 ("b4-") after the third and batches 5
// and 6 ("b5-", "b6-") after the fourth: each batch's first run
// is the fairest estimate of the hidden sets, and the README keeps those
// first figures.
func TestHeldOutScore(t *testing.T) {
	gs := loadGold(t, filepath.Join("testdata", "heldout", "*.json"))
	if len(gs) == 0 {
		t.Skip("no held-out files")
	}
	var all score
	names := []string{"1", "2", "3", "4", "5", "6"}
	batches := map[string]*score{}
	for _, b := range names {
		batches[b] = &score{}
	}
	for _, g := range gs {
		scoreFile(t, g, &all, testing.Verbose())
		b := "1"
		for _, n := range names[1:] {
			if strings.HasPrefix(g.ID, "b"+n+"-") {
				b = n
			}
		}
		scoreFile(t, g, batches[b], false)
	}
	for _, b := range names {
		report(t, "held-out batch "+b, *batches[b])
	}
	qf, sa, sf, ca := report(t, "held-out", all)
	wrong := 0.0
	if all.spkN > 0 {
		wrong = float64(all.spkBad) / float64(all.spkN)
	}
	t.Logf("held-out: wrong-speaker rate %.3f (%d/%d)", wrong, all.spkBad, all.spkN)
	// Since issue 7 these articles are also training data of the speaker
	// ranker, so the speaker score here is a regression guard, not an
	// estimate; the cross-validated figures are TestTrainSpeakersCrossValidated's.
	// The floor fell from 0.96 to 0.85 when the ranker began to abstain.
	const qFloor, sFloor, fFloor, cFloor, wrongCeil = 0.99, 0.85, 0.98, 0.97, 0.01
	if qf < qFloor || sa < sFloor || sf < fFloor || ca < cFloor {
		t.Errorf("held-out below floors (quote F1 %.2f, speaker %.2f, figure F1 %.2f, category %.2f)", qFloor, sFloor, fFloor, cFloor)
	}
	if wrong > wrongCeil {
		t.Errorf("held-out wrong-speaker rate %.3f over %.2f", wrong, wrongCeil)
	}
}

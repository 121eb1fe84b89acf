package extract

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The speaker ranker: a linear model over the features of each candidate
// (speaker_features.go) and of abstaining. It picks the best-scoring
// candidate, and gives no speaker when abstaining scores within the
// margin of the best: no speaker is better than a wrong one. Its weights
// are speaker_weights.txt, written by `go run ./model/extract/train` from
// the labelled training set (speaker_train.go); tests check the file is
// what that command writes.

//go:embed speaker_weights.txt
var speakerWeightsFile string

// rankModel is a loaded weights file.
type rankModel struct {
	w      map[uint64]float64
	margin float64 // abstain unless the best beats "none" by more than this
}

var (
	loadOnce     sync.Once
	shippedModel *rankModel
)

// speakerModel is the shipped model, parsed on first use. It is read-only
// after loading, so concurrent Extract calls share it safely.
func speakerModel() *rankModel {
	loadOnce.Do(func() {
		m, err := parseModel(speakerWeightsFile)
		if err != nil {
			panic("extract: speaker_weights.txt: " + err.Error())
		}
		shippedModel = m
	})
	return shippedModel
}

// parseModel reads "margin\tX" then "feature\tweight" lines.
func parseModel(s string) (*rankModel, error) {
	m := &rankModel{w: map[uint64]float64{}}
	for n, line := range strings.Split(s, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		tab := strings.LastIndexByte(line, '\t')
		if tab < 0 {
			return nil, fmt.Errorf("line %d: no tab", n+1)
		}
		v, err := strconv.ParseFloat(line[tab+1:], 64)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", n+1, err)
		}
		if line[:tab] == "@margin" {
			m.margin = v
			continue
		}
		m.w[hashStr(fnvOffset, line[:tab])] = v
	}
	return m, nil
}

func (m *rankModel) score(fs []uint64) float64 {
	s := 0.0
	for _, h := range fs {
		s += m.w[h]
	}
	return s
}

// choose returns the candidate the model prefers, and by how much it beats
// abstaining; -1 when none beats it.
func (m *rankModel) choose(d *doc, qc *quoteCtx, cands []cand, f *featSink) (int, float64) {
	d.noneFeatures(qc, len(cands), f)
	none := m.score(f.fs)
	best, bestScore := -1, 0.0
	for i := range cands {
		d.candFeatures(qc, &cands[i], f)
		s := m.score(f.fs)
		if best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return -1, 0
	}
	return best, bestScore - none
}

// rankSpeakers replaces the rules' choices with the ranker's.
func (d *doc) rankSpeakers(rules []who, m *rankModel) []who {
	out := make([]who, len(rules))
	var cands []cand
	f := &featSink{fs: make([]uint64, 0, 64)}
	for k := range d.qs {
		qc := d.quoteContext(k, rules)
		cands = d.speakerCandidates(&qc, cands)
		i, margin := m.choose(d, &qc, cands, f)
		if i >= 0 && margin > m.margin {
			w := cands[i].w
			if w.role == "" && !w.org {
				w.role = d.roleOf(w.name)
			}
			w.found = true
			out[k] = w
		}
	}
	return out
}

// quoteContext gathers what the candidates of quotation k are measured
// against.
func (d *doc) quoteContext(k int, rules []who) quoteCtx {
	a, b := d.quoteTokens(k)
	qc := quoteCtx{k: k, a: a, b: b, rule: rules[k], prevK: -1}
	for pk := k - 1; pk >= 0 && d.qs[pk].para >= d.qs[k].para-1; pk-- {
		if rules[pk].name != "" {
			qc.prev, qc.prevK = rules[pk], pk
			break
		}
	}
	return qc
}

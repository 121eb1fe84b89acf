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
	table  weightTable // w again, laid out for fast look-ups
	margin margins     // abstain unless the best beats "none" by more than this
}

// margins are the abstain margins: one for a best candidate the rules
// chose too, one for a candidate the ranker prefers on its own. Two
// sources that agree need less of a lead over abstaining than one alone.
type margins struct{ rule, other float64 }

// keeps reports whether a best candidate that beats abstaining by lead
// is given, rule telling whether the rules chose it.
func (m margins) keeps(lead float64, rule bool) bool {
	if rule {
		return lead > m.rule
	}
	return lead > m.other
}

// weightTable is an open-addressing hash table from feature hash to
// weight: scoring looks up some forty features per candidate, and a flat
// table with linear probing does that several times faster than a map.
type weightTable struct {
	keys []uint64
	vals []float64
	mask uint64
}

func newWeightTable(w map[uint64]float64) weightTable {
	n := 1
	for n < 4*len(w) {
		n <<= 1
	}
	t := weightTable{keys: make([]uint64, n), vals: make([]float64, n), mask: uint64(n - 1)}
	for h, v := range w {
		if h == 0 {
			continue // 0 marks an empty slot; FNV never gives it for these names
		}
		i := h & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i] = h, v
	}
	return t
}

func (t *weightTable) get(h uint64) float64 {
	if len(t.keys) == 0 {
		return 0
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case h:
			return t.vals[i]
		case 0:
			return 0
		}
	}
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

// parseModel reads "@margin\tX" and "@margin.rule\tX", then
// "feature\tweight" lines.
func parseModel(s string) (*rankModel, error) {
	w := map[uint64]float64{}
	var margin margins
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
		switch line[:tab] {
		case "@margin":
			margin.other = v
			continue
		case "@margin.rule":
			margin.rule = v
			continue
		}
		w[hashStr(fnvOffset, line[:tab])] = v
	}
	return newRankModel(w, margin), nil
}

// newRankModel is a model of the given weights and abstain margin.
func newRankModel(w map[uint64]float64, margin margins) *rankModel {
	return &rankModel{w: w, table: newWeightTable(w), margin: margin}
}

func (m *rankModel) score(fs []uint64) float64 {
	s := 0.0
	for _, h := range fs {
		s += m.table.get(h)
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
		d.candFeatures(qc, &cands[i], len(cands), f)
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
		if rules[k].via == ruleVeto {
			continue // a title or a subheading has no speaker
		}
		qc := d.quoteContext(k, rules)
		cands = d.speakerCandidates(&qc, cands)
		if len(cands) == 0 {
			continue // nobody to choose: no speaker, and no features to work out
		}
		i, lead := m.choose(d, &qc, cands, f)
		if i >= 0 && m.margin.keeps(lead, cands[i].src&srcRule != 0) {
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

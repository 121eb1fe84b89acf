package extract

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// Training the speaker ranker: an averaged perceptron over the candidates
// of every labelled quotation, abstaining counted as one more candidate.
// Everything here is deterministic (a fixed shuffle seed, sorted output),
// so the same training set always writes the same weights file.

// LabelledArticle is one article of the training set, in the format of
// the shared corpus (see DESIGN.md).
type LabelledArticle struct {
	ID     string          `json:"id"`
	Text   string          `json:"text"`
	Quotes []LabelledQuote `json:"quotes"`
}

// LabelledQuote is a quotation with the speaker a person gave it.
type LabelledQuote struct {
	Text            string   `json:"text"`
	Speaker         *string  `json:"speaker"`
	SpeakerAlt      []string `json:"speaker_alt"`
	Optional        bool     `json:"optional"`
	SpeakerUnscored bool     `json:"speaker_unscored"`
}

// Training settings. The wrong-speaker ceiling is the 2% with
// room to spare, since a held-out set will not match the folds exactly.
const (
	trainEpochs  = 12
	trainFolds   = 5
	trainSeed    = 7
	wrongCeiling = 0.015
)

// example is one labelled quotation turned into features.
type example struct {
	article int
	none    []uint64
	cands   [][]uint64
	right   []bool // right[i]: candidate i is the labelled speaker
	scored  bool   // counts towards speaker accuracy (a named, scored speaker)
}

func (e *example) gold() bool { // some candidate is right
	for _, r := range e.right {
		if r {
			return true
		}
	}
	return false
}

func normQuoteText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ",.;:!?…’”\"' ")
}

// speakerMatches reports whether a found name is the labelled speaker.
func speakerMatches(got string, q *LabelledQuote) bool {
	if q.Speaker != nil && got == *q.Speaker {
		return true
	}
	for _, a := range q.SpeakerAlt {
		if got == a {
			return true
		}
	}
	return false
}

// examples turns the articles into training examples, recording feature
// names in names when it is not nil.
func examples(arts []LabelledArticle, names map[uint64]string) []example {
	var out []example
	for ai, art := range arts {
		d := newDoc(art.Text)
		rules := d.ruleSpeakers()
		used := make([]bool, len(art.Quotes))
		var cands []cand
		f := &featSink{names: names}
		for k, q := range d.qs {
			txt := normQuoteText(d.text[q.start:q.end])
			gi := -1
			for i := range art.Quotes {
				if !used[i] && normQuoteText(art.Quotes[i].Text) == txt {
					gi = i
					break
				}
			}
			if gi < 0 {
				continue
			}
			used[gi] = true
			gq := &art.Quotes[gi]
			if gq.SpeakerUnscored || gq.Optional && gq.Speaker != nil {
				continue
			}
			qc := d.quoteContext(k, rules)
			cands = d.speakerCandidates(&qc, cands)
			e := example{article: ai, scored: !gq.Optional && gq.Speaker != nil}
			d.noneFeatures(&qc, len(cands), f)
			e.none = append([]uint64(nil), f.fs...)
			for i := range cands {
				d.candFeatures(&qc, &cands[i], f)
				e.cands = append(e.cands, append([]uint64(nil), f.fs...))
				e.right = append(e.right, gq.Speaker != nil && speakerMatches(cands[i].w.name, gq))
			}
			out = append(out, e)
		}
	}
	return out
}

// perceptron is an averaged perceptron in training.
type perceptron struct {
	w, total map[uint64]float64
	stamp    map[uint64]int
	t        int
}

func newPerceptron() *perceptron {
	return &perceptron{w: map[uint64]float64{}, total: map[uint64]float64{}, stamp: map[uint64]int{}}
}

func (p *perceptron) score(fs []uint64) float64 {
	s := 0.0
	for _, h := range fs {
		s += p.w[h]
	}
	return s
}

func (p *perceptron) update(fs []uint64, delta float64) {
	for _, h := range fs {
		p.total[h] += float64(p.t-p.stamp[h]) * p.w[h]
		p.stamp[h] = p.t
		p.w[h] += delta
	}
}

// averaged returns the averaged weights.
func (p *perceptron) averaged() map[uint64]float64 {
	out := make(map[uint64]float64, len(p.w))
	for h, w := range p.w {
		tot := p.total[h] + float64(p.t-p.stamp[h])*w
		if avg := tot / float64(max(p.t, 1)); avg != 0 {
			out[h] = avg
		}
	}
	return out
}

// train fits weights on the examples whose article is not held out.
func train(exs []example, heldOut func(article int) bool) map[uint64]float64 {
	var idx []int
	for i := range exs {
		if heldOut == nil || !heldOut(exs[i].article) {
			idx = append(idx, i)
		}
	}
	rng := rand.New(rand.NewPCG(trainSeed, trainSeed))
	p := newPerceptron()
	for epoch := 0; epoch < trainEpochs; epoch++ {
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		for _, i := range idx {
			p.t++
			e := &exs[i]
			pred, predScore := -1, p.score(e.none)
			target, targetScore := -1, predScore // abstaining is right when no candidate is
			for c, fs := range e.cands {
				s := p.score(fs)
				if s > predScore {
					pred, predScore = c, s
				}
				if e.right[c] && (target < 0 || s > targetScore) {
					target, targetScore = c, s
				}
			}
			if pred == target {
				continue
			}
			p.update(featsOf(e, target), 1)
			p.update(featsOf(e, pred), -1)
		}
	}
	return p.averaged()
}

func featsOf(e *example, c int) []uint64 {
	if c < 0 {
		return e.none
	}
	return e.cands[c]
}

// outcome is how the model does on one example: its best candidate's
// margin over abstaining, and whether that candidate is right.
type outcome struct {
	margin float64
	pick   bool // a candidate exists
	right  bool
	scored bool
}

func predict(w map[uint64]float64, e *example) outcome {
	m := rankModel{w: w}
	none := m.score(e.none)
	best, bs := -1, 0.0
	for c, fs := range e.cands {
		if s := m.score(fs); best < 0 || s > bs {
			best, bs = c, s
		}
	}
	if best < 0 {
		return outcome{scored: e.scored}
	}
	return outcome{margin: bs - none, pick: true, right: e.right[best], scored: e.scored}
}

// crossValidate returns the out-of-fold outcome of every example: each
// article's quotations scored by a model trained without that article.
func crossValidate(exs []example, folds int) []outcome {
	out := make([]outcome, len(exs))
	for f := 0; f < folds; f++ {
		w := train(exs, func(a int) bool { return a%folds == f })
		for i := range exs {
			if exs[i].article%folds == f {
				out[i] = predict(w, &exs[i])
			}
		}
	}
	return out
}

// speakerTally is speaker accuracy at one margin.
type speakerTally struct{ ok, wrong, n int }

func tally(outs []outcome, margin float64) speakerTally {
	var t speakerTally
	for _, o := range outs {
		if !o.scored {
			continue
		}
		t.n++
		if o.pick && o.margin > margin {
			if o.right {
				t.ok++
			} else {
				t.wrong++
			}
		}
	}
	return t
}

// chooseMargin is the smallest abstain margin whose wrong-speaker rate
// stays under the ceiling: as many speakers as can be given safely.
func chooseMargin(outs []outcome) float64 {
	cands := []float64{0}
	for _, o := range outs {
		if o.pick && o.scored && o.margin > 0 {
			cands = append(cands, o.margin)
		}
	}
	sort.Float64s(cands)
	for _, m := range cands {
		t := tally(outs, m)
		if t.n == 0 || float64(t.wrong) <= wrongCeiling*float64(t.n) {
			return m
		}
	}
	return math.Inf(1)
}

// TrainSpeakerModel trains the speaker ranker on labelled articles and
// returns the weights file: the abstain margin chosen by cross-validation,
// then every feature with its weight, sorted by name.
func TrainSpeakerModel(arts []LabelledArticle) string {
	arts = sortedArticles(arts)
	names := map[uint64]string{}
	exs := examples(arts, names)
	margin := chooseMargin(crossValidate(exs, trainFolds))
	w := train(exs, nil)
	var lines []string
	for h, v := range w {
		if math.Abs(v) < 1e-4 {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s\t%.4f", names[h], v))
	}
	sort.Strings(lines)
	var b strings.Builder
	fmt.Fprintf(&b, "# speaker ranker weights: written by `go run ./model/extract/train`, do not edit\n")
	fmt.Fprintf(&b, "# %d articles, %d labelled quotations, %d features\n", len(arts), len(exs), len(lines))
	fmt.Fprintf(&b, "@margin\t%.4f\n", margin)
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

func sortedArticles(arts []LabelledArticle) []LabelledArticle {
	out := append([]LabelledArticle(nil), arts...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

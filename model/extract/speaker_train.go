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
	// Group is the corpus the article comes from (its directory): the
	// abstain margin keeps wrong speakers within the bound on each group,
	// so that a corpus the rules fit well does not hide another's errors.
	Group string `json:"-"`
}

// LabelledQuote is a quotation with the speaker a person gave it.
type LabelledQuote struct {
	Text            string   `json:"text"`
	Speaker         *string  `json:"speaker"`
	SpeakerAlt      []string `json:"speaker_alt"`
	Optional        bool     `json:"optional"`
	SpeakerUnscored bool     `json:"speaker_unscored"`
}

// Training settings.
const (
	trainEpochs = 10
	trainRate   = 0.05
	trainFolds  = 5
	trainSeed   = 7
	trainRuns   = 5    // runs averaged, each with its own shuffle
	maxWrong    = 0.02 // the share of scored quotations the margin may put in a wrong mouth
)

// example is one labelled quotation turned into features.
type example struct {
	article int
	group   string
	none    []uint64
	cands   [][]uint64
	right   []bool // right[i]: candidate i is the labelled speaker
	loose   []bool // loose[i]: one name contains the other ("Senator Dick Durbin", "Dick Durbin")
	rule    []bool // rule[i]: the attribution rules chose candidate i
	scored  bool   // counts towards speaker accuracy (a named, scored speaker)
	// For error analysis (speaker_errors_test.go): the quotation, its
	// labelled speaker and the candidates' names.
	quote, want string
	names       []string
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
			if rules[k].via == ruleVeto {
				continue // never ranked (rankSpeakers), so never trained on
			}
			qc := d.quoteContext(k, rules)
			cands = d.speakerCandidates(&qc, cands)
			e := example{article: ai, group: art.Group, scored: !gq.Optional && gq.Speaker != nil, quote: gq.Text}
			if gq.Speaker != nil {
				e.want = *gq.Speaker
			}
			d.noneFeatures(&qc, len(cands), f)
			e.none = append([]uint64(nil), f.fs...)
			for i := range cands {
				d.candFeatures(&qc, &cands[i], len(cands), f)
				e.cands = append(e.cands, append([]uint64(nil), f.fs...))
				e.right = append(e.right, gq.Speaker != nil && speakerMatches(cands[i].w.name, gq))
				e.loose = append(e.loose, gq.Speaker != nil && looseMatch(cands[i].w.name, *gq.Speaker))
				e.rule = append(e.rule, cands[i].src&srcRule != 0)
				e.names = append(e.names, cands[i].w.name)
			}
			out = append(out, e)
		}
	}
	return out
}

// perceptron keeps averaged weights while training.
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

// train fits weights on the examples whose article is not held out: a
// log-linear model (softmax over the candidates and abstaining) fitted by
// averaged stochastic gradient. Log-loss, unlike the perceptron's hinge,
// keeps scores comparable across quotations, which the abstain margin needs.
func train(exs []example, heldOut func(article int) bool) map[uint64]float64 {
	// The mean of a few runs in different orders: one order's accidents
	// (which quotations come last) move the scores less.
	sum := map[uint64]float64{}
	for s := uint64(0); s < trainRuns; s++ {
		for h, v := range trainOnce(exs, heldOut, trainSeed+s) {
			sum[h] += v / trainRuns
		}
	}
	return sum
}

// trainOnce is one run of training, shuffled with the given seed.
func trainOnce(exs []example, heldOut func(article int) bool, seed uint64) map[uint64]float64 {
	var idx []int
	for i := range exs {
		if heldOut == nil || !heldOut(exs[i].article) {
			idx = append(idx, i)
		}
	}
	rng := rand.New(rand.NewPCG(seed, seed))
	p := newPerceptron()
	var scores []float64
	for epoch := 0; epoch < trainEpochs; epoch++ {
		rng.Shuffle(len(idx), func(a, b int) { idx[a], idx[b] = idx[b], idx[a] })
		lr := trainRate / (1 + float64(epoch))
		for _, i := range idx {
			p.t++
			e := &exs[i]
			scores = scores[:0]
			scores = append(scores, p.score(e.none))
			target := -1 // abstaining is right when no candidate is
			for c, fs := range e.cands {
				s := p.score(fs)
				scores = append(scores, s)
				if e.right[c] && (target < 0 || s > scores[target+1]) {
					target = c
				}
			}
			top := scores[0]
			for _, s := range scores {
				top = math.Max(top, s)
			}
			z := 0.0
			for j := range scores {
				scores[j] = math.Exp(scores[j] - top)
				z += scores[j]
			}
			for j := range scores {
				g := -scores[j] / z
				if j-1 == target {
					g += 1
				}
				if math.Abs(g) > 1e-6 {
					p.update(featsOf(e, j-1), lr*g)
				}
			}
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
	loose  bool // right when a name need only contain the other
	rule   bool // the rules chose the same candidate
	scored bool
	best   int    // the candidate picked
	group  string // the example's corpus
}

func predict(m *rankModel, e *example) outcome {
	none := m.score(e.none)
	best, bs := -1, 0.0
	for c, fs := range e.cands {
		if s := m.score(fs); best < 0 || s > bs {
			best, bs = c, s
		}
	}
	if best < 0 {
		return outcome{scored: e.scored, group: e.group}
	}
	return outcome{group: e.group, best: best, margin: bs - none, pick: true, right: e.right[best], loose: e.right[best] || e.loose[best], rule: e.rule[best], scored: e.scored}
}

// crossValidate returns the out-of-fold outcome of every example: each
// article's quotations scored by a model trained without that article.
func crossValidate(exs []example, folds int) []outcome {
	out := make([]outcome, len(exs))
	for f := 0; f < folds; f++ {
		m := newRankModel(train(exs, func(a int) bool { return a%folds == f }), margins{})
		for i := range exs {
			if exs[i].article%folds == f {
				out[i] = predict(m, &exs[i])
			}
		}
	}
	return out
}

// looseMatch is the lenient measure of attribution studies: the found
// name and the labelled one need only contain one another.
func looseMatch(got, want string) bool {
	return got != "" && want != "" && (strings.Contains(got, want) || strings.Contains(want, got))
}

// speakerTally is speaker accuracy at one margin.
type speakerTally struct{ ok, wrong, n, loose int }

func tally(outs []outcome, m margins) speakerTally {
	var t speakerTally
	for _, o := range outs {
		if !o.scored {
			continue
		}
		t.n++
		if o.pick && m.keeps(o.margin, o.rule) {
			if o.right {
				t.ok++
			} else {
				t.wrong++
			}
			if o.loose {
				t.loose++
			}
		}
	}
	return t
}

// chooseMargin chooses the abstain margins that give the most right
// speakers while putting at most maxWrong of the quotations of each corpus
// in a wrong mouth, issue 7's bound: the reader trusts what sitrep
// attributes, and one quote in the wrong mouth undoes that trust, so no
// speaker is better than a wrong one. The margin for picks the rules
// chose too and the one for the ranker's own picks are chosen together.
func chooseMargin(outs []outcome) margins {
	groups := map[string]int{}
	for _, o := range outs {
		if _, ok := groups[o.group]; !ok {
			groups[o.group] = len(groups)
		}
	}
	// For each kind of pick, each threshold worth trying (below every
	// lead, or at one), with what it keeps: right ones, and quotations
	// and wrong ones by corpus.
	type cut struct {
		m     float64
		ok    int
		wrong []int
	}
	cuts := func(rule bool) []cut {
		var leads []float64
		for _, o := range outs {
			if o.pick && o.scored && o.rule == rule {
				leads = append(leads, o.margin)
			}
		}
		sort.Float64s(leads)
		ms := []float64{math.Inf(-1)}
		for i, l := range leads {
			if i == 0 || l != leads[i-1] {
				ms = append(ms, l)
			}
		}
		out := make([]cut, len(ms))
		for i, m := range ms {
			c := cut{m: m, wrong: make([]int, len(groups))}
			for _, o := range outs {
				if o.pick && o.scored && o.rule == rule && o.margin > m {
					if o.right {
						c.ok++
					} else {
						c.wrong[groups[o.group]]++
					}
				}
			}
			out[i] = c
		}
		return out
	}
	n := make([]int, len(groups))
	for _, o := range outs {
		if o.scored {
			n[groups[o.group]]++
		}
	}
	best, bestOK := margins{rule: math.Inf(1), other: math.Inf(1)}, -1
	rc, oc := cuts(true), cuts(false)
	for _, r := range rc {
		for _, c := range oc {
			ok := r.ok + c.ok
			if ok <= bestOK {
				continue
			}
			within := true
			for g := range n {
				if float64(r.wrong[g]+c.wrong[g]) > maxWrong*float64(n[g]) {
					within = false
					break
				}
			}
			if within {
				best, bestOK = margins{rule: r.m, other: c.m}, ok
			}
		}
	}
	return best
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
	fmt.Fprintf(&b, "@margin\t%.4f\n", finite(margin.other))
	fmt.Fprintf(&b, "@margin.rule\t%.4f\n", finite(margin.rule))
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}

// finite writes "below every lead" as a large negative margin, which the
// weights file can hold.
func finite(m float64) float64 {
	if math.IsInf(m, -1) {
		return -1000
	}
	return m
}

func sortedArticles(arts []LabelledArticle) []LabelledArticle {
	out := append([]LabelledArticle(nil), arts...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

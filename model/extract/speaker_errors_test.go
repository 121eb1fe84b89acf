package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestSpeakerErrors lists the out-of-fold speaker errors on the Wikinews
// training set, each with the candidates the ranker saw, grouped by
// cause: the table of EVALUATION.md. It runs only when SPEAKER_ERRORS is
// set (SPEAKER_ERRORS=1 go test -run SpeakerErrors -v ./model/extract/),
// since it prints several hundred lines.
func TestSpeakerErrors(t *testing.T) {
	if os.Getenv("SPEAKER_ERRORS") == "" {
		t.Skip("set SPEAKER_ERRORS=1 to list the speaker errors")
	}
	cv := crossValidated(t)
	arts, exs, outs, margin, isWiki := cv.arts, cv.exs, cv.outs, cv.margin, cv.isWiki
	byCause := map[string][]string{}
	for i, e := range exs {
		o := outs[i]
		if !isWiki[arts[e.article].ID] || !o.scored {
			continue
		}
		given := o.pick && margin.keeps(o.margin, o.rule)
		if given && o.right {
			continue
		}
		if !given && o.pick && !o.right && (margins{margin.rule - 1, margin.other - 1}).keeps(o.margin, o.rule) && os.Getenv("SPEAKER_ERRORS") == "near" {
			// A wrong pick just below the margin: what sets the margin.
			byCause["wrong, just below the margin"] = append(byCause["wrong, just below the margin"], fmt.Sprintf("%s: %q want %q; pick %q <%.2f>", arts[e.article].ID, e.quote, e.want, e.names[o.best], o.margin))
			continue
		}
		ruleRight, anyRight := false, false
		for c := range e.cands {
			anyRight = anyRight || e.right[c]
			ruleRight = ruleRight || e.right[c] && e.rule[c]
		}
		var cause string
		switch {
		case given && anyRight:
			cause = "wrong, a candidate was right"
		case given:
			cause = "wrong, none was right"
		case !anyRight:
			cause = "right speaker not a candidate"
		case ruleRight:
			cause = "rules right, ranker abstained"
		case o.right:
			cause = "ranker's pick right, below the margin"
		default:
			cause = "ranker abstained, another candidate right"
		}
		var cs []string
		for c, n := range e.names {
			mark := ""
			if e.rule[c] {
				mark += "R"
			}
			if e.right[c] {
				mark += "*"
			}
			if o.pick && c == o.best {
				mark += fmt.Sprintf("<%.2f>", o.margin)
			}
			cs = append(cs, n+mark)
		}
		q := e.quote
		if len(q) > 90 {
			q = q[:90] + "…"
		}
		byCause[cause] = append(byCause[cause], fmt.Sprintf("%s: %q want %q; cands %s", arts[e.article].ID, q, e.want, strings.Join(cs, ", ")))
	}
	var causes []string
	for c := range byCause {
		causes = append(causes, c)
	}
	sort.Strings(causes)
	for _, c := range causes {
		t.Logf("== %s: %d", c, len(byCause[c]))
		for _, l := range byCause[c] {
			t.Log("  " + l)
		}
	}
}

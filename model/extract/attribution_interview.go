package extract

import "strings"

// Interview transcripts. Wikinews and many outlets print an interview as
// paragraphs opening with the speaker in double parentheses:
//
//	((WN))  On your website you wrote "Q". What did you mean?
//	((Jane Roe))  I thought about it, and I said, "Q2."
//
// The answer runs on over the unmarked paragraphs after it until the next
// marker. In an answer the speaker's "I said", "I'm like" and "made me
// wonder" are the answerer's, and so is a quotation nobody else is said to
// have spoken; in a question, "you wrote" is the answerer's too. Quoted
// words the answerer puts in other mouths ("they said", "people are like")
// stay theirs.

// ivMark is what a paragraph's opening marker says.
type ivMark struct {
	name     string // the answerer, for an answer marker
	question bool   // the interviewer's marker: ((WN)), ((Wikinews))
}

// interviewMarks returns, for each paragraph, the marker in force there: the
// marker it opens with or the nearest one before it. nil when the text is
// no transcript (no paragraph opens with "((").
func (d *doc) interviewMarks() []ivMark {
	if !strings.Contains(d.text, "((") {
		return nil
	}
	var marks []ivMark
	var cur ivMark
	seen := false
	for pi, p := range d.paras {
		if m, ok := d.paraMarker(p); ok {
			cur, seen = m, true
		}
		if seen && marks == nil {
			marks = make([]ivMark, len(d.paras))
		}
		if marks != nil {
			marks[pi] = cur
		}
	}
	return marks
}

// paraMarker reads the "((Name))" that opens a paragraph. Interviewer
// markers are short capitals (WN, RS) or Wikinews; lower-case ones
// (((hi)), ((fa))) tag a language and change nothing.
func (d *doc) paraMarker(p para) (ivMark, bool) {
	s := d.text[p.start:p.end]
	if !strings.HasPrefix(s, "((") {
		return ivMark{}, false
	}
	end := strings.Index(s, "))")
	if end < 3 || end > 64 {
		return ivMark{}, false
	}
	name := strings.TrimSpace(s[2:end])
	if name == "" || strings.ContainsAny(name, "()\n") || !isUpperASCII(name[0]) && name[0] < 0x80 {
		return ivMark{}, false
	}
	if name == "Wikinews" || len(name) <= 4 && strings.ToUpper(name) == name {
		return ivMark{question: true}, true
	}
	return ivMark{name: name}, true
}

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// interviewSpeaker is the answerer who speaks quotation k (tokens [a,b)),
// or an empty who. w is what the other rules found.
func (d *doc) interviewSpeaker(marks []ivMark, k, a, b int, w who) who {
	q := d.qs[k]
	m := marks[q.para]
	if m.name == "" && !m.question {
		return who{}
	}
	person := d.speakingPerson(a, b)
	switch {
	case m.question && person == 'y':
		name := d.nextAnswerer(marks, q.para)
		if name == "" {
			return who{}
		}
		return who{name: name, found: true, person: true}
	case m.name != "" && (person == 'i' || person == 0 && !w.found):
		return who{name: m.name, found: true, person: true}
	}
	return who{}
}

// speakingPerson is the grammatical person of whoever the quotation's own
// sentence puts it in the mouth of: the nearest pronoun or name before it
// outside quotations, or else a pronoun and a verb of speech just after it
// (“Q,” I said). 'i' for I, me, my, we; 'y' for you; 'o' for anyone else;
// 0 when there is none.
func (d *doc) speakingPerson(a, b int) byte {
	for j := a - 1; j >= 0 && d.toks[j].sent == d.toks[a].sent && d.toks[j].para == d.toks[a].para; j-- {
		if d.toks[j].quote >= 0 {
			continue
		}
		if p := d.personOf(j); p != 0 {
			return p
		}
	}
	j := b
	if d.punct(j, ',') {
		j++
	}
	if j+1 < len(d.toks) && d.toks[j].para == d.toks[b-1].para && d.isWord(j+1) && (speechVerbs[d.low(j+1)] || weakSpeechVerbs[d.low(j+1)]) {
		return d.personOf(j)
	}
	return 0
}

// personOf is the person of token j as a speaker, 0 when it names none.
func (d *doc) personOf(j int) byte {
	if !d.isWord(j) {
		return 0
	}
	w := d.low(j)
	if i := strings.IndexAny(w, "'’"); i > 0 {
		w = w[:i] // I'm, we're, you've
	}
	switch w {
	case "i", "me", "my", "we", "us", "our", "myself":
		return 'i'
	case "you", "your":
		return 'y'
	case "he", "she", "they", "him", "her", "them", "his", "their", "people", "someone", "somebody", "everyone", "everybody":
		return 'o'
	}
	if ri := d.runAt[j]; ri >= 0 && d.runs[ri].a == j && d.runs[ri].kind != entPlace {
		return 'o'
	}
	return 0
}

// nextAnswerer is the name of the first answer marker after paragraph pi;
// when the transcript names no answerer (answers left out), the person the
// article names most.
func (d *doc) nextAnswerer(marks []ivMark, pi int) string {
	for j := pi + 1; j < len(marks); j++ {
		if marks[j].name != "" {
			return marks[j].name
		}
	}
	best, bestN := "", 1
	for ri := range d.runs {
		r := &d.runs[ri]
		if r.inQ || r.kind != entPerson && r.gender == 0 {
			continue
		}
		if n := d.mentions(r.key); n > bestN {
			if name, _ := d.fullest(ri); strings.IndexByte(name, ' ') > 0 {
				best, bestN = name, n
			}
		}
	}
	return best
}

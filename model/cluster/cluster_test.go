package cluster

import (
	"math/rand/v2"
	"strings"
	"testing"
)

const wire = `Air strikes on the eastern districts of Aleppo killed 212 people on Tuesday, residents and medical workers said, as government forces pressed an offensive north of the city.

The strikes hit a market and two clinics in the morning, and rescue workers were still pulling survivors from the rubble after dark, a local council official told reporters by telephone.

The offensive has cut the last supply road into the rebel-held part of the city, where aid agencies say some 300,000 people remain, and convoys waiting at the border have not been allowed through.

Diplomats meeting in Geneva were due to discuss a cessation of hostilities later in the week, but opposition delegates said they would not attend while the bombardment continued.`

const other = `Talks in Geneva on a cessation of hostilities ended on Friday without a date for a ceasefire, diplomats said, after opposition delegates refused to attend while the bombardment of Aleppo continued.

The United Nations envoy said he would invite the parties again next week. Aid agencies said some 300,000 people remain in the rebel-held part of the city, where food is running short.

Russia and the United States disagreed over which groups the truce would cover, two officials present at the meeting told reporters by telephone.`

// TestSame: a reprint with another headline and byline, one cut to half,
// are the same story; a story of the same event written anew, sharing a
// phrase or two, is not; a headline alone says too little.
func TestSame(t *testing.T) {
	a := Fingerprint("Strikes kill 212 in Aleppo", "By Jane Roe\n\n"+wire)
	paras := strings.Split(wire, "\n\n")
	for _, tc := range []struct {
		name string
		b    Sketch
		want bool
	}{
		{"another headline and byline", Fingerprint("Aleppo market hit", "By Reuters staff\n\n"+wire+"\n\n(Editing by John Doe)"), true},
		{"cut to two paragraphs", Fingerprint("Strikes kill 212 in Aleppo", strings.Join(paras[:2], "\n\n")), true},
		{"the same event, another story", Fingerprint("Geneva talks end without a truce", other), false},
		{"a headline alone", Fingerprint("Strikes kill 212 in Aleppo", ""), false},
	} {
		if got := Same(a, tc.b); got != tc.want {
			j, c := Similarity(a, tc.b)
			t.Errorf("%s: Same = %v, want %v (jaccard %.2f, containment %.2f)", tc.name, got, tc.want, j, c)
		}
	}
	b, err := Unmarshal(a.Marshal())
	if err != nil || b.N != a.N || len(b.Hashes) != len(a.Hashes) || b.Hashes[3] != a.Hashes[3] {
		t.Errorf("Unmarshal(Marshal) = %+v, %v", b, err)
	}
}

func BenchmarkFingerprint(b *testing.B) {
	// About 4 KB of text whose shingles are all different, like a story.
	words := strings.Fields(wire + " " + other)
	r := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for sb.Len() < 4000 {
		sb.WriteString(words[r.IntN(len(words))] + " ")
	}
	body := sb.String()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		Fingerprint("Strikes kill 212 in Aleppo", body)
	}
}

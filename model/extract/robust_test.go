package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// These tests complement FuzzExtract in plain "go test": random token soups
// and mutated articles must neither hang nor break the span invariants.
//
// hangLimit only tells an endless loop from a slow machine: one input takes
// milliseconds, but CI runs every package at once on two cores, so the
// guard is generous. Speed is measured by the benchmarks, not here.
const hangLimit = 30 * time.Second

func TestRandomTokenSoup(t *testing.T) {
	parts := []string{"“", "”", "\"", "'", "‘", "’", "«", "»", " ", "\n", "\n\n", ",", ".", "-", "$", "€", "5", "50", ",000", "1.4", "million", "a", "hundred", "and", "between", "to", "of", "said", "he", "she", "Mr.", "John", "Kerry", "the", "statement", "ministry", "according", "told", "said:", "thousands", "dozens", "half", "two", "twenty-one", "-", "–", "%", "percent", "k", "m", "bn", "is", "X", "Y", "Z", "(", ")", "which", "CEO", "of", "'s", "’s", "at", "least", "more", "than", "or", "so", "plus", "+", "under", "five", "children", "toll", "rose", "10-15", "2013-14", "3-6", "times", "higher", "Rs", ".", "p.m."}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		var b strings.Builder
		k := 1 + rng.Intn(200)
		for i := 0; i < k; i++ {
			b.WriteString(parts[rng.Intn(len(parts))])
			if rng.Intn(3) == 0 {
				b.WriteByte(' ')
			}
		}
		in := b.String()
		done := make(chan bool, 1)
		go func() { checkSpans(t, in); done <- true }()
		select {
		case <-done:
		case <-time.After(hangLimit):
			t.Fatalf("no result after %v on %q", hangLimit, in)
		}
	}
}

func TestMutatedArticles(t *testing.T) {
	var seeds []string
	if b, err := os.ReadFile(filepath.Join("testdata", "guard", "syria-ceasefire.txt")); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, g := range loadGoldQuiet(filepath.Join("testdata", "articles", "*.json")) {
		seeds = append(seeds, g.Text)
	}
	if len(seeds) == 0 {
		t.Skip("no articles to mutate")
	}
	rng := rand.New(rand.NewSource(7))
	for n := 0; n < 4000; n++ {
		b := []byte(seeds[rng.Intn(len(seeds))])
		for m := 0; m < 1+rng.Intn(8); m++ {
			if len(b) == 0 {
				break
			}
			i := rng.Intn(len(b))
			j := i + rng.Intn(len(b)-i)
			switch rng.Intn(5) {
			case 0:
				b = append(b[:i], b[j:]...)
			case 1:
				b = append(b[:i], append([]byte{byte(rng.Intn(256))}, b[i:]...)...)
			case 2:
				chunk := append([]byte(nil), b[i:j]...)
				k := rng.Intn(len(b))
				b = append(b[:k], append(chunk, b[k:]...)...)
			case 3:
				b[i] = byte(rng.Intn(256))
			case 4:
				b = b[i:j]
			}
		}
		in := string(b)
		done := make(chan bool, 1)
		start := time.Now()
		go func() { checkSpans(t, in); done <- true }()
		select {
		case <-done:
			if time.Since(start) > 300*time.Millisecond {
				t.Logf("slow %v on %d bytes", time.Since(start), len(in))
			}
		case <-time.After(hangLimit):
			t.Fatalf("no result after %v on %d bytes: %q", hangLimit, len(in), in)
		}
	}
}

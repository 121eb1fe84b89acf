package store

import (
	"testing"
	"time"
)

// TestGuessesExpire: a remembered guess serves for a minute, then the
// planner is asked again; past maxGuesses queries all are forgotten.
func TestGuessesExpire(t *testing.T) {
	var g pgGuesses
	t0 := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	if _, ok := g.get("aleppo", t0); ok {
		t.Fatal("a guess never made")
	}
	g.put("aleppo", pgGuess{est: 120, stories: 1e6, known: true, at: t0})
	if v, ok := g.get("aleppo", t0.Add(59*time.Second)); !ok || v.est != 120 || !v.known {
		t.Errorf("within the minute: %+v, %v", v, ok)
	}
	if _, ok := g.get("aleppo", t0.Add(guessLife)); ok {
		t.Error("a minute old: still served")
	}
	if _, ok := g.get("aleppo", t0.Add(-time.Second)); ok {
		t.Error("a clock set back: still served")
	}
	for i := range maxGuesses {
		g.put(string(rune('a'+i%26))+string(rune(i)), pgGuess{at: t0})
	}
	if len(g.m) > maxGuesses {
		t.Errorf("%d guesses kept, at most %d", len(g.m), maxGuesses)
	}
}

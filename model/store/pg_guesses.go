package store

import (
	"sync"
	"time"
)

// The planner's guess of a search's matches (estimateMatches) is asked for
// once a minute per query, not at every run. It cost two round trips and a
// plan before each page of a search: a third of a search's time on a
// server busy with a polling round, and a search view is read again each
// time new stories come in. The guess comes from the statistics, which
// change when ANALYZE runs, every few hundred thousand new stories.

// pgGuess is one query's guess, as estimateMatches gives it.
type pgGuess struct {
	est, stories float64
	known        bool
	at           time.Time
}

// pgGuesses remembers the guesses of the queries searched lately.
type pgGuesses struct {
	mu sync.Mutex
	m  map[string]pgGuess
}

const (
	guessLife  = time.Minute
	maxGuesses = 512 // queries remembered; past that they are all forgotten
)

// get returns q's guess if it was made less than guessLife before now.
func (g *pgGuesses) get(q string, now time.Time) (pgGuess, bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	v, ok := g.m[q]
	if !ok || now.Sub(v.at) >= guessLife || now.Before(v.at) {
		return pgGuess{}, false
	}
	return v, true
}

// put remembers q's guess.
func (g *pgGuesses) put(q string, v pgGuess) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.m == nil || len(g.m) >= maxGuesses {
		g.m = map[string]pgGuess{}
	}
	g.m[q] = v
}

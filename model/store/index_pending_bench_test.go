package store

import (
	"path/filepath"
	"testing"
)

// BenchmarkCatchUp times the indexer writing the search, quote and figure
// rows of 20,000 synthetic stories saved without them, as a first polling
// round leaves them (index_pending.go); ns/op is per story.
func BenchmarkCatchUp(b *testing.B) {
	const stories = 20000
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "catchup.db"))
		if err != nil {
			b.Fatal(err)
		}
		s.ix.close() // no indexing behind the benchmark's back
		if err := Populate(ctx, s, 100, stories); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n, err := s.CatchUp(ctx)
		if err != nil || n != stories {
			b.Fatal(n, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

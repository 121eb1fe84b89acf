// Package cluster tells when two stories tell the same event: reprints of
// one wire story with another byline, paragraphs cut, a new headline. It
// fingerprints a story by the bottom-k MinHash sketch of its word
// shingles (title and body), from which the share of shingles two stories
// have in common is estimated, and offers the few smallest hashes of a
// sketch as keys under which near-duplicates meet. Pure Go, no I/O, no
// global state.
package cluster

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// K is how many hashes a sketch keeps; Keys of them are the look-up keys:
// when one story is a cut of another, the smallest hashes of the cut are
// among the smallest of the whole as often as the cut is a large part of
// it, so the two meet under one of them.
const (
	K    = 64
	Keys = 8
	// shingle is the number of words in a shingle.
	shingle = 3
	// MinShingles: a story with fewer distinct shingles (a headline alone)
	// says too little to be matched.
	MinShingles = 24
)

// Sketch is a story's fingerprint: the K smallest distinct shingle hashes,
// ascending, and the number of distinct shingles (exact up to K, estimated
// beyond).
type Sketch struct {
	Hashes []uint32
	N      int
}

// LeadBytes is how much of a body is fingerprinted: its lead. Reprints
// keep the start of a story and cut from the end, and the lead tells two
// stories apart as well as the whole; a long story costs no more.
const LeadBytes = 1500

// Fingerprint sketches a story from its title and the lead of its body.
func Fingerprint(title, body string) Sketch {
	if len(body) > LeadBytes {
		cut := LeadBytes
		for cut > 0 && body[cut] != ' ' && body[cut] != '\n' {
			cut-- // a whole word: a cut word would be a shingle of its own
		}
		body = body[:cut]
	}
	var f fingerprinter
	f.text(title)
	f.flush()
	f.text(body)
	return f.sketch()
}

// fingerprinter hashes the shingles of a text as its words go by.
type fingerprinter struct {
	words  [shingle]uint64 // hashes of the last words, a ring
	nwords int
	hashes []uint32
	word   uint64 // FNV-1a of the word being read
	inWord bool
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func (f *fingerprinter) text(s string) {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		i += size
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
		case r == '\'' || r == '’' || r == ',' && f.inWord && i < len(s) && s[i] >= '0' && s[i] <= '9':
			continue // it's, 250,000: one word
		default:
			f.endWord()
			continue
		}
		if !f.inWord {
			f.word, f.inWord = fnvOffset, true
		}
		f.word = (f.word ^ uint64(r)) * fnvPrime
	}
	f.endWord()
}

func (f *fingerprinter) endWord() {
	if !f.inWord {
		return
	}
	f.inWord = false
	f.words[f.nwords%shingle] = f.word
	f.nwords++
	if f.nwords >= shingle {
		var h uint64 = fnvOffset
		for j := f.nwords - shingle; j < f.nwords; j++ {
			h = mix(h ^ f.words[j%shingle])
		}
		f.hashes = append(f.hashes, uint32(h>>32))
	}
}

// flush ends a segment: no shingle spans the headline and the body.
func (f *fingerprinter) flush() { f.endWord(); f.nwords = 0 }

// mix is a 64-bit finaliser (splitmix64's), so the hashes of shingles are
// spread evenly, as the estimates assume.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func (f *fingerprinter) sketch() Sketch {
	hs := f.hashes
	// Only the K smallest are kept: of n uniform hashes, about 3K lie
	// below 3K/n of the range, so sorting those is enough (all of them
	// when too few are, which is rare).
	if n := len(hs); n > 4*K {
		limit := uint32(min(float64(math.MaxUint32), 3*K*float64(1<<32)/float64(n)))
		small := make([]uint32, 0, 4*K)
		for _, h := range hs {
			if h < limit {
				small = append(small, h)
			}
		}
		slices.Sort(small)
		if small = slices.Compact(small); len(small) >= K {
			hs = small
		} else {
			slices.Sort(hs)
		}
	} else {
		slices.Sort(hs)
	}
	hs = slices.Compact(hs)
	if len(hs) <= K {
		return Sketch{Hashes: slices.Clone(hs), N: len(hs)}
	}
	// The K-th smallest of n uniform hashes lies near K/n of the range.
	n := int(float64(K) / ((float64(hs[K-1]) + 1) / (1 << 32)))
	return Sketch{Hashes: slices.Clone(hs[:K]), N: max(n, K)}
}

// Usable says whether the sketch has enough shingles to match others.
func (s Sketch) Usable() bool { return s.N >= MinShingles }

// Similarity estimates the Jaccard index of two stories' shingle sets and
// how much of the smaller one the larger contains.
func Similarity(a, b Sketch) (jaccard, containment float64) {
	if len(a.Hashes) == 0 || len(b.Hashes) == 0 {
		return 0, 0
	}
	// The k smallest of the union, and how many of them both hold: with
	// k no larger than either sketch, each of them is known to be in a
	// set or not.
	k := min(len(a.Hashes), len(b.Hashes))
	i, j, seen, both := 0, 0, 0, 0
	for ; seen < k; seen++ {
		switch {
		case a.Hashes[i] < b.Hashes[j]:
			i++
		case b.Hashes[j] < a.Hashes[i]:
			j++
		default:
			both++
			i++
			j++
		}
	}
	jaccard = float64(both) / float64(seen)
	inter := jaccard / (1 + jaccard) * float64(a.N+b.N)
	containment = math.Min(1, inter/float64(min(a.N, b.N)))
	return jaccard, containment
}

// Same says whether two sketches are of the same story: most of the
// shorter one is in the longer (a cut reprint), or the two share a good
// part of their shingles (a reprint with another headline and byline).
// Stories of the same topic told independently share stock phrases, not
// runs of sentences, and stay well below both.
func Same(a, b Sketch) bool {
	if !a.Usable() || !b.Usable() {
		return false
	}
	return SameScores(Similarity(a, b))
}

// SameScores is Same on the scores Similarity gave.
func SameScores(jaccard, containment float64) bool {
	return jaccard >= 0.3 || containment >= 0.6 && jaccard >= 0.08
}

// Marshal encodes a sketch for the database: N, then the hashes, little
// endian.
func (s Sketch) Marshal() []byte {
	out := make([]byte, 4+4*len(s.Hashes))
	binary.LittleEndian.PutUint32(out, uint32(s.N))
	for i, h := range s.Hashes {
		binary.LittleEndian.PutUint32(out[4+4*i:], h)
	}
	return out
}

// Unmarshal decodes what Marshal wrote.
func Unmarshal(b []byte) (Sketch, error) {
	if len(b) < 4 || len(b)%4 != 0 || len(b) > 4+4*K {
		return Sketch{}, errors.New("cluster: not a sketch")
	}
	s := Sketch{N: int(binary.LittleEndian.Uint32(b)), Hashes: make([]uint32, (len(b)-4)/4)}
	for i := range s.Hashes {
		s.Hashes[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	return s, nil
}

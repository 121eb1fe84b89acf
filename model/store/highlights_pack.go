package store

import (
	"encoding/binary"
	"errors"
	"math"

	"sitrep/model/extract"
)

// A story's quotes and figures packed into one small record, the form they
// wait in until the indexer writes their rows (index_pending.go). It holds
// what the rows hold, as the rows hold it (jsonText), so that a story read
// before and after indexing is the same story. A quotation or a figure is
// nearly always the very bytes of the body at its offsets, so its text is
// kept only when it is not: about 30 bytes a figure, where its row and index
// entries take about 100.

const packVersion = 1

// The flags byte of one quote or figure.
const (
	packSpeaker = 1 << iota // a quote's speaker follows
	packRole                // a quote's role follows
	packText                // the text follows: it is not the body's span
	packLower               // a figure's lower bound follows
	packUpper               // a figure's upper bound follows
	packVague               // the figure is vague
)

var errPacked = errors.New("store: damaged pending highlights")

// packHighlights packs quotes and stats of a story whose body is body.
func packHighlights(quotes []extract.Quote, stats []extract.Stat, body string) []byte {
	b := make([]byte, 0, 16+24*len(quotes)+32*len(stats))
	b = append(b, packVersion)
	b = binary.AppendUvarint(b, uint64(len(quotes)))
	for i := range quotes {
		q := &quotes[i]
		text := jsonText(q.Text)
		var flags byte
		if q.Speaker != nil {
			flags |= packSpeaker
		}
		if q.Role != nil {
			flags |= packRole
		}
		if !isSpan(body, text, q.Start, q.End) {
			flags |= packText
		}
		b = append(b, flags)
		if q.Speaker != nil {
			b = appendString(b, jsonText(*q.Speaker))
		}
		if q.Role != nil {
			b = appendString(b, jsonText(*q.Role))
		}
		if flags&packText != 0 {
			b = appendString(b, text)
		}
		b = binary.AppendVarint(b, int64(q.Start))
		b = binary.AppendVarint(b, int64(q.End))
	}
	b = binary.AppendUvarint(b, uint64(len(stats)))
	for i := range stats {
		f := &stats[i]
		text := jsonText(f.Text)
		var flags byte
		if f.Lower != nil {
			flags |= packLower
		}
		if f.Upper != nil {
			flags |= packUpper
		}
		if f.Vague {
			flags |= packVague
		}
		if !isSpan(body, text, f.Start, f.End) {
			flags |= packText
		}
		b = append(b, flags)
		b = appendString(b, jsonText(string(f.Category)))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f.Value))
		if f.Lower != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*f.Lower))
		}
		if f.Upper != nil {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*f.Upper))
		}
		b = appendString(b, jsonText(f.Unit))
		b = appendString(b, jsonText(f.Qualifier))
		if flags&packText != 0 {
			b = appendString(b, text)
		}
		b = binary.AppendVarint(b, int64(f.Start))
		b = binary.AppendVarint(b, int64(f.End))
	}
	return b
}

// isSpan reports whether text is body's bytes from start to end.
func isSpan(body, text string, start, end int) bool {
	return 0 <= start && start <= end && end <= len(body) && body[start:end] == text
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// unpackHighlights is the inverse of packHighlights, given the same body.
// Both slices are non-nil, as storyHighlights returns them.
func unpackHighlights(p []byte, body string) ([]extract.Quote, []extract.Stat, error) {
	r := unpacker{b: p}
	if r.byte() != packVersion {
		return nil, nil, errPacked
	}
	n := r.count()
	quotes := make([]extract.Quote, 0, n)
	for range n {
		var q extract.Quote
		flags := r.byte()
		if flags&packSpeaker != 0 {
			s := r.string()
			q.Speaker = &s
		}
		if flags&packRole != 0 {
			s := r.string()
			q.Role = &s
		}
		if flags&packText != 0 {
			q.Text = r.string()
		}
		q.Start, q.End = r.int(), r.int()
		if flags&packText == 0 {
			q.Text = r.span(body, q.Start, q.End)
		}
		quotes = append(quotes, q)
	}
	n = r.count()
	stats := make([]extract.Stat, 0, n)
	for range n {
		var f extract.Stat
		flags := r.byte()
		f.Category = extract.Category(r.string())
		f.Value = r.float()
		if flags&packLower != 0 {
			v := r.float()
			f.Lower = &v
		}
		if flags&packUpper != 0 {
			v := r.float()
			f.Upper = &v
		}
		f.Vague = flags&packVague != 0
		f.Unit, f.Qualifier = r.string(), r.string()
		if flags&packText != 0 {
			f.Text = r.string()
		}
		f.Start, f.End = r.int(), r.int()
		if flags&packText == 0 {
			f.Text = r.span(body, f.Start, f.End)
		}
		stats = append(stats, f)
	}
	if r.bad || len(r.b) != 0 {
		return nil, nil, errPacked
	}
	return quotes, stats, nil
}

// unpacker reads a packed record; a read past its end or out of range sets
// bad and yields zero values, checked once at the end.
type unpacker struct {
	b   []byte
	bad bool
}

func (r *unpacker) byte() byte {
	if len(r.b) < 1 {
		r.bad = true
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// count is a length that must fit in what is left (each item takes at least
// a byte), so a damaged record cannot ask for a huge allocation.
func (r *unpacker) count() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > uint64(len(r.b)) {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *unpacker) string() string {
	l := r.count()
	if r.bad || l > len(r.b) {
		r.bad = true
		return ""
	}
	s := string(r.b[:l])
	r.b = r.b[l:]
	return s
}

func (r *unpacker) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *unpacker) float() float64 {
	if len(r.b) < 8 {
		r.bad = true
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

// span is the body's bytes from start to end, which packHighlights found
// there.
func (r *unpacker) span(body string, start, end int) string {
	if start < 0 || start > end || end > len(body) {
		r.bad = true
		return ""
	}
	return body[start:end]
}

package feeds

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"
)

func TestReadLimited(t *testing.T) {
	for _, c := range []struct {
		size, max, hint int64
		tooLarge        bool
	}{
		{0, 10, -1, false},
		{10, 10, -1, false},
		{11, 10, -1, true},
		{10, 10, 10, false},
		{11, 10, 11, true},
		{100000, 100000, -1, false},
		{100001, 100000, 5, true},
		{100000, 1 << 20, 5, false},        // a hint that lies short
		{3<<20 + 17, 4 << 20, -1, false},   // several chunks, the last partly filled
		{4 << 20, 4 << 20, -1, false},      // exactly the limit, in chunks
		{4<<20 + 1, 4 << 20, -1, true},     // one byte over, in chunks
		{1 << 20, 4 << 20, 1 << 20, false}, // the announced length, one buffer
	} {
		want := make([]byte, c.size)
		for i := range want {
			want[i] = byte(i % 251) // a prime period, so a misplaced chunk shows
		}
		got, err := readLimited(bytes.NewReader(want), c.max, c.hint)
		if c.tooLarge != errors.Is(err, ErrTooLarge) || (!c.tooLarge && !bytes.Equal(got, want)) {
			t.Errorf("size %d max %d hint %d: %d bytes, %v", c.size, c.max, c.hint, len(got), err)
		}
	}
}

func TestLimiterReleasesAndCancels(t *testing.T) {
	l := newLimiter(2, 1)
	ctx := context.Background()
	r1, _ := l.acquire(ctx, "a")
	r2, _ := l.acquire(ctx, "b")
	// Global limit reached: a third host waits, and gives up with its ctx.
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := l.acquire(cctx, "c"); err == nil {
		t.Fatal("acquired past the global limit")
	}
	r1()
	r1() // releasing twice is harmless
	r3, err := l.acquire(ctx, "c")
	if err != nil {
		t.Fatal(err)
	}
	r2()
	r3()
	if len(l.hosts) != 0 {
		t.Errorf("host entries left behind: %v", l.hosts)
	}
}

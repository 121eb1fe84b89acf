package feeds

import (
	"context"
	"errors"
	"strings"
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
	} {
		got, err := readLimited(strings.NewReader(strings.Repeat("x", int(c.size))), c.max, c.hint)
		if c.tooLarge != errors.Is(err, ErrTooLarge) || (!c.tooLarge && int64(len(got)) != c.size) {
			t.Errorf("size %d max %d: %d bytes, %v", c.size, c.max, len(got), err)
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

package ui

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"sitrep/model"
	"sitrep/model/store"
)

// The benchmarks read one database of 100,000 synthetic stories
// (store.Populate). Populating takes a while, so it is made once per run,
// or kept at $SITREP_BENCH_DB between runs; SITREP_BENCH_STORIES changes the
// size for quick runs.

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

func benchDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		n := 100_000
		if v, err := strconv.Atoi(os.Getenv("SITREP_BENCH_STORIES")); err == nil && v > 0 {
			n = v
		}
		benchPath = os.Getenv("SITREP_BENCH_DB")
		if benchPath != "" {
			if _, err := os.Stat(benchPath); err == nil {
				return
			}
		} else {
			dir, err := os.MkdirTemp("", "sitrep-ui-bench-")
			if err != nil {
				benchErr = err
				return
			}
			benchPath = filepath.Join(dir, "bench.db")
		}
		s, err := store.Open(benchPath)
		if err != nil {
			benchErr = err
			return
		}
		start := time.Now()
		benchErr = store.Populate(context.Background(), s, 40, n)
		s.Close()
		fmt.Fprintf(os.Stderr, "populated %d stories in %v\n", n, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

// BenchmarkStartToFirstFrame is what a user waits for: open the database,
// load counts, feeds and the first queue window, lay out and draw a full
// 120×32 frame.
// BenchmarkStartToFirstFrame: from opening the store to the first frame
// with the queue in it, the commands run one by one as the program would
// run them at once.
func BenchmarkStartToFirstFrame(b *testing.B) { benchStart(b, true) }

// BenchmarkStartToAllLoaded: the same until everything the start loads
// has come (counts, feeds, tags, the queue's length).
func BenchmarkStartToAllLoaded(b *testing.B) { benchStart(b, false) }

func benchStart(b *testing.B, firstFrame bool) {
	path := benchDB(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Store: s, Location: time.UTC})
		send(b, m, windowSize(120, 32))
		if firstFrame {
			untilQueue(b, m, m.Init())
		} else {
			drain(b, m, m.Init())
		}
		if m.queue.total <= 0 || len(m.queue.headers) == 0 {
			b.Fatal("queue not loaded")
		}
		_ = m.render()
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// untilQueue is drain that stops once the queue has its first window.
func untilQueue(b *testing.B, m *Model, cmd tea.Cmd) {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && len(m.queue.headers) == 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := runCmd(c, 2*time.Second).(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			_, next := m.Update(msg)
			queue = append(queue, next)
		}
	}
}

func loadedBenchModel(b *testing.B) *Model {
	s, err := store.Open(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	m := New(Options{Store: s, Location: time.UTC})
	send(b, m, windowSize(120, 32))
	drain(b, m, m.Init())
	return m
}

// BenchmarkMoveCursor is one j keypress and the frame after it, including
// the window fetches that moving through 100,000 stories causes.
func BenchmarkMoveCursor(b *testing.B) { benchDownTheQueue(b, "j") }

// BenchmarkPageThrough is one pgdown (a page of the queue) and the frame after it:
// the window moves every few pages.
func BenchmarkPageThrough(b *testing.B) { benchDownTheQueue(b, "pgdown") }

// benchDownTheQueue times key and the frame after it, going back to the
// top (untimed) at the end of the queue.
func benchDownTheQueue(b *testing.B, key string) {
	m := loadedBenchModel(b)
	b.ResetTimer()
	for b.Loop() {
		if m.queue.cursor >= m.queue.total-1 {
			b.StopTimer()
			press(b, m, "g")
			b.StartTimer()
		}
		press(b, m, key)
		_ = m.render()
	}
}

// BenchmarkOpenStory is j then enter: load the story with its highlights,
// wrap it, mark it read (the write included), draw the frame.
func BenchmarkOpenStory(b *testing.B) {
	m := loadedBenchModel(b)
	b.ResetTimer()
	for b.Loop() {
		press(b, m, "j", "enter")
		_ = m.render()
	}
	if m.reader.story == nil {
		b.Fatal("no story open")
	}
}

// BenchmarkJumpEnds is g or G: the far end of 100,000 stories is a window
// fetch at offset ~99,800.
func BenchmarkJumpEnds(b *testing.B) {
	m := loadedBenchModel(b)
	keys := []string{"G", "g"}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		press(b, m, keys[i%2])
		_ = m.render()
		i++
	}
}

// BenchmarkProgramFirstFrame runs the whole Bubble Tea program (teatest, no
// real terminal) on the 100,000-story database and times until the first
// frame with the queue has been written; it also reports the heap the
// loaded reader holds.
func BenchmarkProgramFirstFrame(b *testing.B) {
	path := benchDB(b)
	var heap float64
	b.ResetTimer()
	for b.Loop() {
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Store: s, Location: time.UTC})
		tm := teatest.NewTestModel(b, m, teatest.WithInitialTermSize(120, 32))
		teatest.WaitFor(b, tm.Output(), func(out []byte) bool { return bytes.Contains(out, []byte("❝")) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(time.Millisecond))
		b.StopTimer()
		// The Go heap with the reader loaded (SQLite's own memory is outside
		// it: measure the binary's RSS for the whole), on the first run only: teatest
		// keeps each finished program's output until the benchmark ends,
		// so later readings would grow with the iteration count.
		if heap == 0 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			heap = float64(ms.HeapAlloc) / (1 << 20)
		}
		_ = tm.Quit()
		tm.WaitFinished(b, teatest.WithFinalTimeout(5*time.Second))
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(heap, "heap-MB")
}

// BenchmarkMoveWithPreview is j with the story pane following: the cursor
// moves, the story under it is read with its highlights, wrapped, and the
// whole frame drawn. (BenchmarkMoveCursor is the same key: the preview is
// part of every move now.)
func BenchmarkMoveWithPreview(b *testing.B) {
	m := loadedBenchModel(b)
	b.ResetTimer()
	for b.Loop() {
		if m.queue.cursor >= m.queue.total-1 {
			b.StopTimer()
			press(b, m, "g")
			b.StartTimer()
		}
		press(b, m, "j")
		_ = m.render()
	}
	if m.reader.story == nil || m.reader.story.ID != m.queue.selected().ID {
		b.Fatal("the story pane does not show the story under the cursor")
	}
}

// BenchmarkMarkAllRead is A then y on the All view of 100,000 unread
// stories: the count, the confirmation, the write of every story and the
// reloads after it. It runs on a copy of the benchmark database, every
// story unread; the undo (u) between runs is not timed.
func BenchmarkMarkAllRead(b *testing.B) {
	src, err := os.ReadFile(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bench.db")
	if err := os.WriteFile(path, src, 0o600); err != nil {
		b.Fatal(err)
	}
	src = nil
	s, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	all, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, len(all))
	for i, h := range all {
		ids[i] = h.ID
	}
	all = nil
	if err := s.UnmarkRead(ctx, ids); err != nil {
		b.Fatal(err)
	}
	m := New(Options{Store: s, Location: time.UTC})
	send(b, m, windowSize(120, 32))
	drain(b, m, m.Init())
	var marked int
	b.ResetTimer()
	for b.Loop() {
		press(b, m, "A", "y")
		_ = m.render()
		b.StopTimer()
		if len(m.undo) == 0 || m.undo[len(m.undo)-1].kind != undoBulk {
			b.Fatalf("A y did not mark the view read: %q", m.status.note)
		}
		marked = len(m.undo[len(m.undo)-1].ids)
		press(b, m, "u")
		b.StartTimer()
	}
	b.ReportMetric(float64(marked), "stories")
}

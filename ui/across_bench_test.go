package ui

import "testing"

// BenchmarkOpenSpeakers is W on 100,000 stories until the view is drawn:
// the speakers of the view's newest 5,000 stories read, merged and drawn.
// The full count that follows in the background is
// BenchmarkCountAllSpeakers; esc (untimed).
func BenchmarkOpenSpeakers(b *testing.B) {
	m := loadedBenchModel(b)
	b.ResetTimer()
	for b.Loop() {
		_, open := m.Update(keyMsg("W"))
		first, ok := open().(acrossLoadedMsg)
		if !ok || first.err != nil {
			b.Fatalf("W: %+v", first.err)
		}
		_ = m.acrossLoaded(first) // the full count it asks for is not run
		if m.across == nil || len(m.across.speakers) == 0 {
			b.Fatal("no speakers")
		}
		_ = m.render()
		b.StopTimer()
		press(b, m, "esc")
		b.StartTimer()
	}
}

// BenchmarkSpeakerQuotesKey is j in one speaker's quotes and the frame
// after it, with the next page read when the cursor nears the end.
func BenchmarkSpeakerQuotesKey(b *testing.B) {
	m := loadedBenchModel(b)
	press(b, m, "W", "enter")
	if m.across == nil || len(m.across.quotes) == 0 {
		b.Fatal("no quotes")
	}
	b.ResetTimer()
	for b.Loop() {
		if m.across.cur >= 2000 {
			b.StopTimer()
			press(b, m, "g")
			b.StartTimer()
		}
		press(b, m, "j")
		_ = m.render()
	}
}

// BenchmarkOpenFigures is # on 100,000 stories: the first page of figures
// by date, drawn.
func BenchmarkOpenFigures(b *testing.B) {
	m := loadedBenchModel(b)
	b.ResetTimer()
	for b.Loop() {
		press(b, m, "#")
		if m.across == nil || len(m.across.figures) == 0 {
			b.Fatal("no figures")
		}
		_ = m.render()
		b.StopTimer()
		press(b, m, "esc")
		b.StartTimer()
	}
}

// BenchmarkFiguresKey is j in the figures and the frame after it (pages
// read as the cursor goes), and the keys that re-read: s (sort by value
// within killed) and c (next category).
func BenchmarkFiguresKey(b *testing.B) {
	for _, k := range []string{"j", "s", "c"} {
		b.Run(k, func(b *testing.B) {
			m := loadedBenchModel(b)
			press(b, m, "#")
			b.ResetTimer()
			for b.Loop() {
				if m.across.cur >= 2000 {
					b.StopTimer()
					press(b, m, "g")
					b.StartTimer()
				}
				press(b, m, k)
				_ = m.render()
			}
		})
	}
}

// BenchmarkCountAllSpeakers is the background count that follows W on
// 100,000 stories: every story's speakers read and merged, the list
// replaced. The view is usable while it runs.
func BenchmarkCountAllSpeakers(b *testing.B) {
	m := loadedBenchModel(b)
	press(b, m, "W")
	a := m.across
	b.ResetTimer()
	for b.Loop() {
		msg := m.countAllSpeakers(a)().(allSpeakersMsg)
		if msg.err != nil || len(msg.speakers) == 0 {
			b.Fatal(msg.err)
		}
		m.allSpeakersCounted(msg)
	}
}

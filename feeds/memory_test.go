package feeds

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"
	"time"
)

// benchPoll polls one feed serving body, b.N times into fresh stores, with
// the real extraction, and reports the peak heap seen during a poll
// (sampled every 2 ms) as peak-MB: issue 10's memory figures.
func benchPoll(b *testing.B, body string) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	}))
	defer srv.Close()
	var peak uint64
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for range b.N {
		b.StopTimer()
		st := openStore(b)
		f := addFeed(b, st, srv.URL)
		p := New(srv.Client(), st, testOptions())
		stopSampling := sampleHeapGrowth()
		b.StartTimer()
		r := p.PollNow(context.Background(), f)
		b.StopTimer()
		peak = max(peak, stopSampling())
		if r.Err != nil || r.New != 1 {
			b.Fatalf("poll: %+v", r)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
}

// sampleHeapGrowth collects the garbage, then samples the heap every 2 ms
// until the function it returns is called, which returns the largest
// growth seen over the collected heap.
func sampleHeapGrowth() (stop func() uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base {
				peak = max(peak, ms.HeapAlloc-base)
			}
			select {
			case <-quit:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return func() uint64 {
		close(quit)
		<-done
		return peak
	}
}

// BenchmarkHugeItem: one item of 15 MB, a phrase with a number repeated.
// Issue 10 measured 1.14 GB before the 1 MB story limit.
func BenchmarkHugeItem(b *testing.B) {
	phrase := "Shelling killed 12 people in Aleppo on Monday, officials said. "
	benchPoll(b, rssFeed(rssItem("huge", "Huge", strings.Repeat(phrase, (15<<20)/len(phrase)))))
}

// BenchmarkNestedDivsItem: 500,000 nested <div> in one item (escaped in
// the description). Issue 10 measured 6.8 s and 287 MB.
func BenchmarkNestedDivsItem(b *testing.B) {
	deep := strings.Repeat("&lt;div&gt;", 500_000) + "Deep text." + strings.Repeat("&lt;/div&gt;", 500_000)
	benchPoll(b, rssFeed(rssItem("deep", "Deep", deep)))
}

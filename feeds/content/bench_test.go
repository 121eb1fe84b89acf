package content

import (
	"strings"
	"testing"
)

// The poller's benchmark round converts 50,000 item bodies; ToText must
// stay in the microseconds.
func BenchmarkToText(b *testing.B) {
	body := strings.Repeat(`<p>The offensive has displaced <b>51,000</b> people since 1 February, <a href="https://www.unocha.org/">OCHA</a> said. &#8220;The situation is extremely worrying,&#8221; said a spokesperson.</p>`+"\n", 8)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for range b.N {
		ToText(body)
	}
}

func BenchmarkToTextPlain(b *testing.B) {
	body := strings.Repeat("The offensive has displaced 51,000 people since 1 February, OCHA said.\n\n", 8)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for range b.N {
		ToText(body)
	}
}

// BenchmarkNestedDivs is issue 10's hostile item: 500,000 nested <div> in
// one body. Before the depth limit it took 6.8 s and 287 MB; the B/op
// column is the memory figure.
func BenchmarkNestedDivs(b *testing.B) {
	body := strings.Repeat("<div>", 500_000) + "deep text" + strings.Repeat("</div>", 500_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for range b.N {
		if got := ToText(body); !strings.Contains(got, "deep text") {
			b.Fatalf("text lost: %.80q", got)
		}
	}
}

package export

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/model"
)

// TestExportKeepsEveryStoryOfACluster: the queue shows reprints of one
// event as one row, but an export is the evidence: every story of the
// cluster is written, each with its own source.
func TestExportKeepsEveryStoryOfACluster(t *testing.T) {
	body, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "guard", "syria-ceasefire.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(body)
	s := openStore(t,
		model.Story{Key: "wire", Link: "https://wire.example/a", Title: "Huge obstacles to a Syria ceasefire",
			Published: base, Body: text, Words: len(strings.Fields(text))},
		model.Story{Key: "reprint", Link: "https://paper.example/b", Title: "Syria ceasefire faces huge obstacles",
			Published: base.Add(time.Hour), Body: "By a staff writer\n\n" + text, Words: len(strings.Fields(text)) + 4},
	)
	hs, err := s.Queue(ctx, model.Filter{View: model.ViewAll}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 1 || hs[0].ClusterSize != 2 {
		t.Fatalf("queue %+v: want the two reprints clustered into one row", hs)
	}
	var out bytes.Buffer
	n, err := Write(ctx, s, &out, Options{Filter: model.Filter{View: model.ViewAll}, Format: "json", Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !strings.Contains(out.String(), "wire.example/a") || !strings.Contains(out.String(), "paper.example/b") {
		t.Errorf("exported %d stories, want both reprints with their links:\n%.300s", n, out.String())
	}
}

// Command train writes the speaker ranker's weights from the labelled
// training set:
//
//	go run ./model/extract/train [-corpus DIR] [-out FILE]
//
// run from the repository root. The
// output depends only on the training set, so running it again on the same
// data writes the same file; the extract tests check that it does.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sitrep/model/extract"
)

func main() {
	corpus := flag.String("corpus", strings.Join(DefaultCorpus, ","), "comma-separated directories of labelled articles (*.json)")
	out := flag.String("out", "model/extract/speaker_weights.txt", "weights file to write")
	flag.Parse()
	var arts []extract.LabelledArticle
	for _, dir := range strings.Split(*corpus, ",") {
		a, err := load(dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "train:", err)
			os.Exit(1)
		}
		arts = append(arts, a...)
	}
	if err := os.WriteFile(*out, []byte(extract.TrainSpeakerModel(arts)), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
	fmt.Printf("train: %d articles → %s\n", len(arts), *out)
}

// DefaultCorpus is the training set, relative to the repository root: the
// shared Wikinews articles and the repository's own labelled articles. The
// shared dev set stays out of it, so its scores stay a check on unseen text.
var DefaultCorpus = []string{
	"../shared/corpus/train/wikinews",
	"model/extract/testdata/heldout",
	"model/extract/testdata/articles",
}

func load(dir string) ([]extract.LabelledArticle, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.json in %s", dir)
	}
	var arts []extract.LabelledArticle
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var a extract.LabelledArticle
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		a.Group = dir
		arts = append(arts, a)
	}
	return arts, nil
}

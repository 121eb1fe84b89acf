package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"sitrep/model/extract"
)

// maxExtractInput is how much of one file sitrep extract reads: a long
// article is 100 KB, and extraction takes tens of times its input in
// memory, so a bigger input is cut (and said on stderr) rather than let
// 50 MB on one line take gigabytes, or `yes | sitrep extract -` grow
// without end.
var maxExtractInput = 4 << 20

// extractOutput is one line of `sitrep extract --json`.
type extractOutput struct {
	File   string          `json:"file"`
	Quotes []extract.Quote `json:"quotes"`
	Stats  []extract.Stat  `json:"stats"`
}

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sitrep extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per file, one per line")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "sitrep extract: give one or more files, or - for standard input")
		return 2
	}
	code := 0
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, name := range fs.Args() {
		text, cut, err := readExtractInput(name, stdin)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
			code = 1
			continue
		}
		if cut {
			fmt.Fprintf(stderr, "sitrep extract: %s: longer than %d MB; only the first %d MB are read\n",
				name, maxExtractInput>>20, maxExtractInput>>20)
		}
		res := extract.Extract(text)
		if *asJSON {
			if err := enc.Encode(extractOutput{File: name, Quotes: res.Quotes, Stats: res.Stats}); err != nil {
				fmt.Fprintf(stderr, "sitrep extract: %s: %v\n", name, err)
				code = 1
			}
			continue
		}
		fmt.Fprintf(stdout, "== %s\n%s\n", name, strings.TrimRight(extract.FormatText(res, text), "\n"))
	}
	return code
}

// readExtractInput reads at most maxExtractInput bytes of a file ("-" is
// stdin), cut at a character boundary; cut says there was more.
func readExtractInput(name string, stdin io.Reader) (text string, cut bool, err error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return "", false, err
		}
		defer f.Close()
		r = f
	}
	buf := make([]byte, maxExtractInput+1)
	n, err := io.ReadFull(r, buf)
	switch err {
	case nil:
		cut = true
		n = maxExtractInput
		for i := 0; i < utf8.UTFMax && n > 0 && !utf8.RuneStart(buf[n]); i++ {
			n--
		}
	case io.EOF, io.ErrUnexpectedEOF:
	default:
		return "", false, fmt.Errorf("%s: %w", name, err)
	}
	return string(buf[:n]), cut, nil
}

// Command bench measures sitrep's poller against a local feed server, and
// serves the same feeds to newsboat for a side-by-side figure. run.sh beside
// it drives both; see there. It is not part of go test: it takes a minute
// and wants the machine to itself.
//
//	bench serve -feeds 1000 -items 50 -latency 20ms -hosts 50 -urls urls.txt -ready ready
//	bench poll  -urls urls.txt -db /tmp/x.db
//	bench load  -db postgres://… -populate 1000000 -readers 10 -urls urls.txt  (load.go)
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: bench serve|poll|load [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "serve":
		err = serve(os.Args[2:])
	case "poll":
		err = poll(os.Args[2:])
	case "load":
		err = load(os.Args[2:])
	case "loadpoll": // load's poller on PostgreSQL, in a process of its own
		err = loadPoll(os.Args[2:])
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

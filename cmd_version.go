package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"sitrep/feeds"
)

// versionString is the module version and the commit it was built from,
// as the Go toolchain recorded them: "sitrep v0.3.0 (abc1234, modified)",
// or "(devel)" for a build from a clone.
func versionString() string {
	v, rev, dirty := feeds.Version, "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	out := "sitrep " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if dirty {
			rev += ", modified"
		}
		out += " (" + rev + ")"
	}
	return out
}

func runVersion(stdout io.Writer) int {
	fmt.Fprintln(stdout, versionString())
	return 0
}

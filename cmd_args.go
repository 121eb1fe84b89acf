package main

import "strings"

// globalFlags take a value; globalBools do not. Both are accepted in any
// position: `sitrep feeds --db X` is `sitrep --db X feeds`.
var (
	globalFlags = map[string]bool{"db": true, "config": true, "log": true, "user": true}
	globalBools = map[string]bool{"demo": true}
)

// splitGlobal takes the global flags out of args, wherever they stand,
// and returns them first, then the rest in order. A lone "--" ends the
// scan: what follows is left as it is.
func splitGlobal(args []string) []string {
	var globals, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, hasValue := flagName(a)
		switch {
		case globalBools[name]:
			globals = append(globals, a)
		case globalFlags[name] && hasValue:
			globals = append(globals, a)
		case globalFlags[name] && i+1 < len(args):
			globals = append(globals, a, args[i+1])
			i++
		default:
			rest = append(rest, a)
		}
	}
	return append(globals, rest...)
}

// flagName is the name of a flag argument ("--db=X" → "db", true), or ""
// for anything else.
func flagName(a string) (name string, hasValue bool) {
	if len(a) < 2 || a[0] != '-' || a == "-" {
		return "", false
	}
	a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
	name, _, hasValue = strings.Cut(a, "=")
	return name, hasValue
}

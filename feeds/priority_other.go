//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package feeds

// BackgroundPriority does nothing where sitrep has no portable way to lower
// its priority (Windows, Plan 9): the poller then runs at the usual one.
func BackgroundPriority() error { return nil }

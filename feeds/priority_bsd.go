//go:build darwin || freebsd || netbsd || openbsd || dragonfly

package feeds

import "syscall"

// BackgroundPriority lowers the CPU priority of this process to nice 10 (see
// the Linux version for why); here the process has one nice value.
// One started at a lower priority still keeps it.
func BackgroundPriority() error {
	if prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, 0); err == nil && prio >= 10 {
		return nil
	}
	return syscall.Setpriority(syscall.PRIO_PROCESS, 0, 10)
}

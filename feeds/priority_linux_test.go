package feeds

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// TestBackgroundPriority: after BackgroundPriority every thread of the
// process runs at nice 10, those started later too; a process started
// lower than that (nice -n 15 go test) keeps its own. It runs in a child
// process, so that the rest of the tests keep their priority.
func TestBackgroundPriority(t *testing.T) {
	if os.Getenv("SITREP_PRIORITY_CHILD") == "1" {
		priorityChild()
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestBackgroundPriority$", "-test.count=1")
	cmd.Env = append(os.Environ(), "SITREP_PRIORITY_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var threads, lowered, before int
	for _, line := range strings.Split(string(out), "\n") {
		var tid, nice int
		fmt.Sscanf(line, "before %d", &before)
		if n, _ := fmt.Sscanf(line, "thread %d nice %d", &tid, &nice); n == 2 {
			threads++
			if nice == max(before, 10) {
				lowered++
			}
		}
	}
	if threads < 4 || lowered != threads {
		t.Errorf("%d of %d threads at nice %d, want all (and at least 4)\n%s", lowered, threads, max(before, 10), out)
	}
}

// priorityChild lowers its priority, makes the Go runtime start new
// threads (goroutines locked to theirs, blocked together), and prints the
// nice value of every thread.
func priorityChild() {
	fmt.Printf("before %s\n", niceOf("self"))
	if err := BackgroundPriority(); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	var started, done sync.WaitGroup
	release := make(chan struct{})
	for range 4 {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			runtime.LockOSThread()
			started.Done()
			<-release
		}()
	}
	started.Wait()
	tasks, _ := os.ReadDir("/proc/self/task")
	for _, task := range tasks {
		fmt.Printf("thread %s nice %s\n", task.Name(), niceOf("self/task/"+task.Name()))
	}
	close(release)
	done.Wait()
}

// niceOf reads the nice value of /proc/PATH/stat: the 17th field after
// the command name, which is in parentheses (field 19 of proc(5)).
func niceOf(path string) string {
	stat, err := os.ReadFile("/proc/" + path + "/stat")
	if err != nil {
		return "?"
	}
	s := string(stat)
	return strings.Fields(s[strings.LastIndexByte(s, ')')+1:])[16]
}

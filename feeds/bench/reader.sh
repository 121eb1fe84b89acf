#!/bin/sh
# The reader on a big database, as a user runs it: the real binary in tmux.
# It polls the database's feeds as the reader does (a populated database's
# synthetic hosts do not resolve: each fails at once). Prints the time from
# start to the first frame with the queue (polled
# every 10 ms, so within 10 ms), then the resident memory after the first
# frame, after 300 j presses with the preview following, and the peak.
# The time starts when tmux starts sitrep in a pane of a running server.
# The key latency itself is BenchmarkMoveWithPreview's
# (SITREP_BENCH_DB=DB go test -run '^$' -bench MoveWithPreview ./ui/).
#
#   feeds/bench/reader.sh /tmp/big.db      (bench load -populate 1000000 makes one)
set -eu
db=${1:?usage: reader.sh DATABASE}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/sitrep-reader.XXXXXX)
sock="$work/tmux"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM PIPE HUP
(cd "$root" && go build -o "$work/sitrep" .)

ms() { date +%s%3N; }
rss() { awk '/^VmRSS/ {print int($2/1024) " MB"}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {print int($2/1024) " MB"}' "/proc/$1/status"; }

: >"$work/config.toml" # defaults, whatever the user's own config says
# The tmux server starts first (about 60 ms here), so that what is timed is
# sitrep's start: the pane's program is replaced by sitrep at t0.
tmux -S "$sock" new-session -d -x 120 -y 32 "sleep 600"
sleep 0.2
t0=$(ms)
tmux -S "$sock" respawn-pane -k "$work/sitrep --db '$db' --config '$work/config.toml'"
until tmux -S "$sock" capture-pane -p 2>/dev/null | grep -q '❝'; do
	[ $(($(ms) - t0)) -gt 20000 ] && { echo "no frame with the queue after 20 s" >&2; exit 1; }
	sleep 0.01
done
t1=$(ms)
pid=$(tmux -S "$sock" list-panes -F '#{pane_pid}')
echo "start to first frame: $((t1 - t0)) ms"
# What this way of timing adds: a pane that prints the mark at once.
tmux -S "$sock" new-window -d -n floor "sleep 600"
f0=$(ms)
tmux -S "$sock" respawn-pane -k -t floor "printf '❝'; sleep 600"
until tmux -S "$sock" capture-pane -p -t floor 2>/dev/null | grep -q '❝'; do sleep 0.01; done
echo "  (a pane printing the mark at once: $(($(ms) - f0)) ms by the same timing)"
echo "RSS after the first frame: $(rss "$pid")"
i=0
while [ $i -lt 300 ]; do
	tmux -S "$sock" send-keys j
	i=$((i + 1))
done
sleep 2
echo "RSS after 300 j with the preview: $(rss "$pid")"
echo "peak RSS: $(hwm "$pid")"

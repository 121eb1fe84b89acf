#!/bin/sh
# The reader on a big database, as a user runs it: the real binary in tmux.
# It polls the database's feeds as the reader does (a populated database's
# synthetic hosts do not resolve: each fails at once). Prints the time from
# start to the first frame with the queue (polled
# every 10 ms, so within 10 ms), then the resident memory after the first
# frame, after 300 j presses with the preview following, and the peak.
# The key latency itself is BenchmarkMoveWithPreview's
# (SITREP_BENCH_DB=DB go test -run '^$' -bench MoveWithPreview ./ui/).
#
#   feeds/bench/reader.sh /tmp/big.db      (bench load -populate 1000000 makes one)
set -eu
db=${1:?usage: reader.sh DATABASE}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/sitrep-reader.XXXXXX)
sock="$work/tmux"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
(cd "$root" && go build -o "$work/sitrep" .)

ms() { date +%s%3N; }
rss() { awk '/^VmRSS/ {print int($2/1024) " MB"}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {print int($2/1024) " MB"}' "/proc/$1/status"; }

t0=$(ms)
: >"$work/config.toml" # defaults, whatever the user's own config says
tmux -S "$sock" new-session -d -x 120 -y 32 "$work/sitrep --db '$db' --config '$work/config.toml'"
until tmux -S "$sock" capture-pane -p 2>/dev/null | grep -q '❝'; do
	[ $(($(ms) - t0)) -gt 20000 ] && { echo "no frame with the queue after 20 s" >&2; exit 1; }
	sleep 0.01
done
t1=$(ms)
pid=$(tmux -S "$sock" list-panes -F '#{pane_pid}')
echo "start to first frame: $((t1 - t0)) ms (tmux start included)"
echo "RSS after the first frame: $(rss "$pid")"
i=0
while [ $i -lt 300 ]; do
	tmux -S "$sock" send-keys j
	i=$((i + 1))
done
sleep 2
echo "RSS after 300 j with the preview: $(rss "$pid")"
echo "peak RSS: $(hwm "$pid")"

#!/usr/bin/env bash
# Extraction throughput on one core, in CPU time: the user time of 60
# passes over the bench corpus, less that of one, so that other work on a
# shared machine does not count against it (go test -bench measures wall
# time, which it does). Run from the repository root:
#
#   model/extract/bench/cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
go test -c -o "$bin" .
run() { { /usr/bin/time -f %U "$bin" -test.run '^$' -test.bench 'Extract$' -test.benchtime "$1" -test.cpu 1 >/dev/null; } 2>&1; }
line=$("$bin" -test.run '^$' -test.bench 'Extract$' -test.benchtime 1x -test.cpu 1 | grep '^BenchmarkExtract')
mb=$(awk '{for (i = 1; i <= NF; i++) if ($i == "MB/s") print $(i-1)}' <<<"$line")
ns=$(awk '{for (i = 1; i <= NF; i++) if ($i == "ns/op") print $(i-1)}' <<<"$line")
one=$(run 1x)
many=$(run 61x)
python3 - "$mb" "$ns" "$one" "$many" <<'PY'
import sys
mb, ns, one, many = map(float, sys.argv[1:])
size = mb * ns / 1e3          # bytes of the corpus: MB/s × s/op
per = (many - one) / 60       # CPU seconds per pass
print("%.1f ms of CPU per pass over %.2f MB: %.1f MB/s on one core" % (per * 1e3, size / 1e6, size / 1e6 / per))
PY

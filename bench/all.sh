#!/usr/bin/env bash
# Every benchmark in turn, on this machine, then one table of the performance goals (docs/performance.md): each
# benchmark prints "GOAL | goal | measured | baseline (same run) | ratio | target | met" lines, gathered here.
#
#   bench/all.sh [quick]      # quick: smaller counts and shorter runs (a smoke run of the harnesses)
#
# Output of each benchmark goes to bench-results/<UTC timestamp>/<name>.log beside the summary (summary.md).
# PostgreSQL for orders-api: BENCH_POSTGRES_URL (default jdbc:postgresql://127.0.0.1:5432/test; the benchmark
# creates and drops a database of its own there). Every benchmark is bounded in count and time and holds
# /tmp/hookline-cpu.lock while it runs.
set -uo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-full}
OUT="bench-results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
PG=${BENCH_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test}
failed=()

run() {
  local name=$1
  shift
  echo "== $name: $*" | tee -a "$OUT/commands.txt"
  local started=$SECONDS
  if "$@" >"$OUT/$name.log" 2>&1; then
    echo "   done in $((SECONDS - started)) s"
  else
    echo "   FAILED after $((SECONDS - started)) s (see $OUT/$name.log)"
    failed+=("$name")
  fi
  grep -h '^GOAL |' "$OUT/$name.log" | sed 's/^GOAL //' >>"$OUT/goals.txt" || true
}

# The first build of each script compiles what it needs; the later ones reuse it (BENCH_SKIP_BUILD=1 is not set, so
# every script checks its own build: a no-op when nothing changed).
if [ "$MODE" = quick ]; then
  run startup bench/startup.sh 1 4
  run orders-api bench/orders-api.sh pairs=500 warmup=200 concurrency=16 "datasource-url=$PG"
  run mail bench/mail.sh 1000
  run receiver-latency bench/receiver.sh 2000 5 3
  run receiver-saturation bench/receiver.sh saturate 3 100
  run dispatcher bench/dispatcher.sh spring-alternative 3000 5
else
  run startup bench/startup.sh 3 8
  run orders-api bench/orders-api.sh pairs=5000 warmup=2000 concurrency=16 "datasource-url=$PG"
  run mail bench/mail.sh 5000
  run receiver-latency bench/receiver.sh 2000 20 10
  run receiver-saturation bench/receiver.sh saturate 10 100
  run dispatcher bench/dispatcher.sh spring-alternative 30000 20
fi

{
  echo "# Benchmark run $(basename "$OUT")"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(uname -r); load average before the run"
  echo "was $(cut -d' ' -f1-3 /proc/loadavg). Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')."
  echo
  echo "| goal | measured | baseline in the same run | ratio | target | |"
  echo "| --- | --- | --- | --- | --- | --- |"
  sed 's/^| *//; s/^/| /; s/ *$/ |/' "$OUT/goals.txt" 2>/dev/null
  echo
  [ ${#failed[@]} -gt 0 ] && echo "Failed: ${failed[*]} (their logs are beside this file)."
} >"$OUT/summary.md"
cat "$OUT/summary.md"
[ ${#failed[@]} -eq 0 ]

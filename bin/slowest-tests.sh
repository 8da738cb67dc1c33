#!/usr/bin/env bash
# Prints the N slowest test classes of the last run (default 10), from the surefire and failsafe XML reports of
# every module, with the time each took and its module: where to look first when the suite gets slower.
#   bin/slowest-tests.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10}
reports=$(find . -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \
  2>/dev/null | grep -v '/.git/' || true)
[ -z "$reports" ] && exit 0
echo
echo "Slowest $count test classes (seconds, module, class):"
for report in $reports; do
  module=${report#./}
  module=${module%%/target/*}
  # The first <testsuite ...> element carries the class name and its total time.
  head -c 4096 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 \
    | sed -E 's/.* name="([^"]*)".*/\1/; t; d' | while read -r name; do
      time=$(head -c 4096 "$report" | tr '\n' ' ' | grep -o '<testsuite [^>]*>' | head -1 \
        | sed -E 's/.* time="([^"]*)".*/\1/')
      printf '%10s  %-22s %s\n' "$time" "$module" "${name##*.}"
    done
done | sort -rn | head -n "$count"

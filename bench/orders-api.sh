#!/usr/bin/env bash
# Benchmark of orders-api: create+pay over HTTP on 127.0.0.1, reporting requests/s, latency percentiles and the
# outbox lag (commit -> record appended). Builds what it needs, starts its own Kafka broker (in the load
# generator's JVM) and orders-api (its -exec.jar, a separate JVM), and cleans up. Bounded: a warm-up and a
# measured run of fixed size, each capped at max-seconds. orders-api runs in its default profile, so its
# documented development client is seeded; every request carries that client's key (Authorization: Bearer,
# hookline.orders.auth.development-keys.client-key), as any caller of orders-api must.
#
#   bench/orders-api.sh [pairs=3000] [warmup=1000] [concurrency=16] [max-seconds=90] [datasource-url=jdbc:...]
#
# It takes the shared CPU lock (HOOKLINE_CPU_LOCK, default /tmp/hookline-cpu.lock) itself, once for the build
# and once for the run, so do not wrap it in flock.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
LOCK="${HOOKLINE_CPU_LOCK:-/tmp/hookline-cpu.lock}"
CP_FILE="orders-api/target/bench.classpath"

flock "$LOCK" ./mvnw -q -B -pl orders-api -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath

flock "$LOCK" "$JAVA_HOME/bin/java" -Xms256m -Xmx512m \
  -cp "orders-api/target/test-classes:orders-api/target/classes:$(cat "$CP_FILE")" \
  io.hookline.orders.bench.OrdersBench "$@"

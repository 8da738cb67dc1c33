#!/usr/bin/env bash
# Start-up benchmark (io.hookline.localstack.StartupBenchmark, in local-stack's test sources): the local stack on
# free ports in a temporary directory; then each service restarted alone while the others idle, as shipped
# (java -jar) and with a JDK 25 AOT cache (extracted jar, one training run), alternating; then the dispatcher and
# the receiver killed -9 and restarted while clients create and pay orders. Prints markdown tables.
#
#   bench/startup.sh [rounds per mode, default 3] [load clients, default 8]
#
# Builds the three services' jars and the local stack (BENCH_SKIP_BUILD=1 reuses them). Bounded: every start waits
# at most 180 s, and the JVM is killed after BENCH_TIMEOUT (default 15m). Holds /tmp/hookline-cpu.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
LOCK=/tmp/hookline-cpu.lock
CP_FILE=local-stack/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  flock "$LOCK" ./mvnw -q -B -pl orders-api,webhook-dispatcher,notification-receiver,local-stack -am -DskipTests \
    package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
flock "$LOCK" timeout -k 30s "${BENCH_TIMEOUT:-15m}" "$JAVA_HOME/bin/java" -Xmx512m \
  -cp "local-stack/target/test-classes:local-stack/target/classes:$(cat "$CP_FILE")" \
  io.hookline.localstack.StartupBenchmark "$@"

#!/usr/bin/env bash
# Benchmark of notification-receiver's POST /webhooks/order-paid (issue 6): open-loop constant arrival rate,
# correctly signed requests (unique webhook-id and order id, fresh webhook-timestamp), latency measured from
# each request's intended send time, the durable hand-off to Kafka (acks=all) inside every 202.
#
# The load generator (io.hookline.receiver.bench.ReceiverBenchmark, in the module's test sources) starts
# everything itself on 127.0.0.1: an embedded Kafka broker (KRaft), a GreenMail SMTP server, and the
# receiver's own jar as a separate JVM with an H2 file database. Nothing else needs to run. The same load is then
# driven against a ceiling endpoint (Debian's nginx with bench/receiver-ceiling-nginx.conf, answering 202) so the
# receiver's figures are quoted as a fraction of what the generator and the loopback allow in the same run.
#
#   bench/receiver.sh [rate per second, default 2000] [seconds measured, default 60] [warm-up seconds, default 20]
#   bench/receiver.sh saturate [seconds per step, default 10] [p99 bound in ms, default 50]
#       offered 2,000/s, 4,000/s, ... 15,000/s until fewer than 95 % are accepted or p99 passes the bound
#
# Environment: BENCH_SKIP_BUILD=1 reuses the jar and test classes already built; BENCH_JFR=1 records the receiver
# (JFR) over the measured phase and prints where its CPU went; BENCH_CEILING=0 skips the ceiling; BENCH_CONNECTIONS
# (16); BENCH_RECEIVER_ARGS, BENCH_RECEIVER_JVM_OPTIONS; BENCH_RECEIVER_JAR (a baseline build of the receiver). The run holds /tmp/hookline-cpu.lock (one benchmark at a
# time; BENCH_LOCK_HELD=1 when the caller already holds it for a sequence of runs) and is cut off after
# BENCH_TIMEOUT (15m).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
LOCK=/tmp/hookline-cpu.lock
if [ "${1:-}" = saturate ]; then
  ARGS=(saturate "${2:-10}" "${3:-50}")
else
  ARGS=("${1:-2000}" "${2:-60}" "${3:-20}")
fi
# Built with the modules it depends on (-am), in one Maven run with the classpath, so nothing needs to be
# installed in ~/.m2 first: sibling modules resolve to their target/classes.
CP_FILE=notification-receiver/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  ./mvnw -q -B -pl notification-receiver -am -DskipTests package \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
# BENCH_LOCK_HELD=1: the caller already holds the lock (a sequence of runs compared with each other).
LOCKED=(flock "$LOCK")
if [ "${BENCH_LOCK_HELD:-0}" = 1 ]; then LOCKED=(); fi
"${LOCKED[@]}" timeout -k 30s "${BENCH_TIMEOUT:-15m}" "$JAVA_HOME/bin/java" \
  -cp "notification-receiver/target/test-classes:notification-receiver/target/classes:$(cat "$CP_FILE")" \
  io.hookline.receiver.bench.ReceiverBenchmark "${ARGS[@]}"

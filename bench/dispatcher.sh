#!/usr/bin/env bash
# Benchmark of webhook-dispatcher's delivery engine against a naive blocking listener (issue 4), side by side
# in one run, everything on 127.0.0.1 in one JVM: an embedded Kafka broker (KRaft), a Reactor Netty server
# with an endpoint that answers 200 after 50 ms and one that never answers, the producer, and the dispatcher
# (the real application, production defaults apart from topic names) or the baseline (one blocking thread per
# partition that POSTs each record and waits). Prints a markdown table.
#
#   bench/dispatcher.sh [events per throughput run, default 30000] [seconds of the 500/s latency run, default 20]
#
# Takes about four minutes. Set BENCH_SKIP_BUILD=1 to reuse the classes already built. Every Maven step and
# the run itself hold /tmp/hookline-cpu.lock, so they never overlap another build or benchmark on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
EVENTS=${1:-30000}
LATENCY_SECONDS=${2:-20}
LOCK=/tmp/hookline-cpu.lock
# Built with the modules it depends on (-am), in one Maven run with the classpath, so nothing needs to be
# installed in ~/.m2 first: sibling modules resolve to their target/classes.
CP_FILE=webhook-dispatcher/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  flock "$LOCK" ./mvnw -q -B -pl webhook-dispatcher -am -DskipTests test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
flock "$LOCK" "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "webhook-dispatcher/target/test-classes:webhook-dispatcher/target/classes:$(cat "$CP_FILE")" \
  io.hookline.dispatcher.bench.DispatcherBenchmark "$EVENTS" "$LATENCY_SECONDS"

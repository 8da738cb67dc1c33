#!/usr/bin/env bash
# Benchmark of notification-receiver's POST /webhooks/order-paid (issue 6): open-loop constant arrival rate,
# correctly signed requests (unique webhook-id and order id, fresh webhook-timestamp), latency measured from
# each request's intended send time, the durable hand-off to Kafka (acks=all) inside every 202.
#
# The load generator (io.hookline.receiver.bench.ReceiverBenchmark, in the module's test sources) starts
# everything itself on 127.0.0.1: an embedded Kafka broker (KRaft), a GreenMail SMTP server, and the
# receiver's own jar as a separate JVM with an H2 file database. Nothing else needs to run.
#
#   bench/receiver.sh [rate per second, default 2000] [seconds measured, default 60] [warm-up seconds, default 20]
#
# Set BENCH_SKIP_BUILD=1 to reuse the jar and test classes already built.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
RATE=${1:-2000}
SECONDS_MEASURED=${2:-60}
WARM_UP=${3:-20}
# Built with the modules it depends on (-am), in one Maven run with the classpath, so nothing needs to be
# installed in ~/.m2 first: sibling modules resolve to their target/classes.
CP_FILE=notification-receiver/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  ./mvnw -q -B -pl notification-receiver -am -DskipTests package \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
"$JAVA_HOME/bin/java" -cp "notification-receiver/target/test-classes:notification-receiver/target/classes:$(cat "$CP_FILE")" \
  io.hookline.receiver.bench.ReceiverBenchmark "$RATE" "$SECONDS_MEASURED" "$WARM_UP"

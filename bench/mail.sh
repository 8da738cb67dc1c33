#!/usr/bin/env bash
# Benchmark of notification-receiver's e-mail worker: N accepted order.paid webhooks already on a fresh inbox
# topic, then the receiver (its own jar, a separate JVM, H2 file database) drains them to a GreenMail SMTP server.
# Two configurations in the same run: "baseline" (one SMTP connection per e-mail, the sender settings before
# pooling) and "shipped" (the defaults). Reports e-mails/s from the first to the last e-mail received, CPU, and
# checks every webhook-id was mailed exactly once (GreenMail's messages counted per Message-ID after the receiver
# exited). Prints a markdown table; exits 1 if an id is missing or duplicated.
#
#   bench/mail.sh [count, default 10000]
#
# io.hookline.receiver.bench.MailBenchmark (test sources) starts everything itself on 127.0.0.1. Environment:
# BENCH_BASELINE_ARGS (receiver arguments of the baseline), BENCH_RECEIVER_ARGS (added to both), BENCH_TIMEOUT
# (default 30m; the JVM is killed after it), BENCH_SKIP_BUILD=1 to reuse the jar and classes already built. The
# build and the run hold /tmp/hookline-cpu.lock, so they never overlap another benchmark on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
COUNT=${1:-10000}
LOCK=/tmp/hookline-cpu.lock
# Built with the modules it depends on (-am), in one Maven run with the classpath, so nothing needs to be
# installed in ~/.m2 first: sibling modules resolve to their target/classes.
CP_FILE=notification-receiver/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  flock "$LOCK" ./mvnw -o -q -B -pl notification-receiver -am -DskipTests package \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
flock "$LOCK" timeout -k 30s "${BENCH_TIMEOUT:-30m}" "$JAVA_HOME/bin/java" -Xmx1g \
  -cp "notification-receiver/target/test-classes:notification-receiver/target/classes:$(cat "$CP_FILE")" \
  io.hookline.receiver.bench.MailBenchmark "$COUNT"

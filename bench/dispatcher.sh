#!/usr/bin/env bash
# Benchmark of webhook-dispatcher's delivery engine, everything on 127.0.0.1 in one JVM: an embedded Kafka broker
# (KRaft), Reactor Netty endpoint servers, the producer, and the dispatcher (the real application, production
# defaults apart from topic names, group ids and what a section sets below). Prints markdown tables.
#
#   bench/dispatcher.sh [events per throughput run, default 30000] [seconds of the 500/s latency run, default 20]
#                       [events per partial-failure row, default 3000] [their offered rate/s, default 200]
#   bench/dispatcher.sh isolation [events per throughput run] [latency seconds]     # issue 4's section only
#   bench/dispatcher.sh partial-failure [events per row] [offered rate/s]           # issue 12's section only
#   bench/dispatcher.sh spring-alternative [events per backlog, default 30000] [latency seconds, default 20]
#
# Section "spring-alternative" (about five minutes): the engine beside an idiomatic Spring for Apache Kafka
# dispatcher (test sources, bench/springalt: @KafkaListener per partition, async WebClient returning Mono, retry
# topics with the same schedule) and the naive listener, each draining a backlog to the 50 ms endpoint alone and
# beside a hanging one (at most 40 s per window; the naive listener 5,000 events, 15 s). One markdown table:
# deliveries/s, CPU us per delivery (whole process CPU / deliveries in the window), engine / this, healthy rate
# beside the hanging endpoint as % of its solo rate. Then the engine's 500/s latency run (as in "isolation").
#
#   bench/dispatcher.sh engine [events, default 30000] [latency seconds, default 20]   # the engine alone:
#                       warm-up, one run at saturation, then the 500/s latency run; with BENCH_BASELINE_ARGS
#                       (dispatcher arguments, e.g. "--hookline.dispatcher.delivery.max-in-flight-per-endpoint=256"), first
#                       baseline / current / baseline / current runs, for a change's figure against the same run
#
# BENCH_JFR=<file.jfr> records with Java Flight Recorder (JDK "profile" settings): in sections "engine" and
# "spring-alternative" only the measurement window of the engine's run alone, in the others the whole run.
# Summarise with JDK 25's jfr: `jfr view hot-methods <file>`, `jfr view thread-cpu-load <file>`, `jfr summary <file>`.
#
# Section "isolation" (issue 4, about four minutes): the engine against a naive blocking listener (one blocking
# thread per partition that POSTs each record and waits), with an endpoint that answers 200 after 50 ms and one
# that never answers; N events are produced first, then the dispatcher starts (throughput of a backlog).
#
# Section "partial-failure" (issue 12, about five minutes; run alone it adds a 10 s warm-up row): a healthy 50 ms
# endpoint alone (its solo rate), then beside each troubled endpoint in turn: dead (connection refused), hanging
# (accepts, never answers), 30 % random 500 (else 200 after 50 ms), 500 on the first attempt of every webhook-id
# (then 200 after 50 ms), 503 with Retry-After: 3600. Each row has a fresh dispatcher, its own topics and group
# ids, and the retry schedule 1s,1s,2s,2s,4s,4s,8s (override with BENCH_RETRY_DELAYS): eight attempts like the
# production schedule, so a 30 % flaky endpoint dead-letters 0.3^8 of its deliveries (0.2 expected in 3,000;
# with four retries it would be 0.3^5, 7 expected, and "every delivery acknowledged" could never be reached),
# and all of it fits in 22 s.
# Why a fixed offered rate rather than a produced-first backlog: at 200/s the healthy endpoint needs 10 of its
# 256 request slots and is never deferred, so every record on the retry and dead-letter topics belongs to the
# troubled endpoint (the record count reads end offsets and cannot tell endpoints apart; the solo row shows 0);
# the troubled endpoint's ideal goodput is the offered rate; and the time until a flaky endpoint has everything
# is measured against a known schedule. Events are offered once the dispatcher's consumer groups own their
# partitions. The cost: the healthy rate is "did it keep up with 200/s", not its capacity (the isolation section
# measures that); its p99 latency is printed beside it as the more sensitive sign of interference.
# Per row: the healthy rate (distinct events / first event offered -> last arrival) as % of the solo row;
# the troubled endpoint's goodput (distinct webhook-ids answered 2xx per second, over first event offered ->
# last new 2xx if all arrived, else -> the end of the row); records on <prefix>.webhooks.deliveries.retry.* and
# .dlt (end-offset sum) and per delivered event; for the two flaky rows the time until every delivery was
# acknowledged, waiting at most 40 s after the last event ("not within 40 s: k of n"); the other rows are
# observed for a fixed 20 s after the last event.
#
# Everything is bounded: counts are fixed, every wait has a limit, and the JVM is killed after BENCH_TIMEOUT
# (default 25m). Set BENCH_SKIP_BUILD=1 to reuse the classes already built. Every Maven step and the run itself
# hold /tmp/hookline-cpu.lock, so they never overlap another build or benchmark on this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
SECTION=all
case "${1:-}" in
  all | isolation | partial-failure | spring-alternative | engine) SECTION=$1; shift ;;
esac
if [ "$SECTION" = partial-failure ]; then
  set -- 30000 20 "$@"
fi
EVENTS=${1:-30000}
LATENCY_SECONDS=${2:-20}
PARTIAL_EVENTS=${3:-3000}
PARTIAL_RATE=${4:-200}
LOCK=/tmp/hookline-cpu.lock
# Built with the modules it depends on (-am), in one Maven run with the classpath, so nothing needs to be
# installed in ~/.m2 first: sibling modules resolve to their target/classes.
CP_FILE=webhook-dispatcher/target/bench.classpath
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] || [ ! -s "$CP_FILE" ]; then
  flock "$LOCK" ./mvnw -q -B -pl webhook-dispatcher -am -DskipTests test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
flock "$LOCK" timeout -k 30s "${BENCH_TIMEOUT:-25m}" "$JAVA_HOME/bin/java" -Xmx1g -Dbench.jfr="${BENCH_JFR:-}" \
  -Dbench.baseline-args="${BENCH_BASELINE_ARGS:-}" \
  -Dbench.retry-delays="${BENCH_RETRY_DELAYS:-1s,1s,2s,2s,4s,4s,8s}" \
  -cp "webhook-dispatcher/target/test-classes:webhook-dispatcher/target/classes:$(cat "$CP_FILE")" \
  io.hookline.dispatcher.bench.DispatcherBenchmark "$SECTION" "$EVENTS" "$LATENCY_SECONDS" "$PARTIAL_EVENTS" \
  "$PARTIAL_RATE"

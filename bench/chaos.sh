#!/usr/bin/env bash
# The chaos suite (issue 13; docs/reliability.md): the whole stack on an embedded Kafka broker, N orders placed
# and paid by clients that retry with Idempotency-Keys, the receiver's webhook endpoint behind a fault-injecting
# proxy (requests dropped or hung, acknowledgements lost), kill -9 of each service mid-stream and a restart, a
# broker restart and an SMTP outage of three minutes. It prints orders paid, e-mails per order (lost and
# duplicated), webhooks acknowledged through the proxy, dead letters on every dead-letter topic and the time to
# drain, and exits 0 only when nothing was lost, doubled or dead-lettered.
#
#   bench/chaos.sh [orders, default 10000]
#   bench/chaos.sh --cluster [orders]    the same on a three-broker cluster (docs/reliability.md): three KRaft
#                                        brokers as separate JVMs (RF 3, min.insync.replicas 2), broker node 2
#                                        killed with SIGKILL and restarted instead of the clean broker restart, two
#                                        orders-api on one database, a second dispatcher and receiver joining and
#                                        the first dispatcher killed for good; it also prints the duplicate
#                                        deliveries and what the relays published on orders.events.
#
# Everything runs on 127.0.0.1 on free ports, with a fresh data directory under chaos/target/runs/ (the services'
# logs are in its logs/). Knobs (environment): CHAOS_RATE (orders/s, 40), CHAOS_CLIENTS (16), CHAOS_SEED (13),
# CHAOS_KILLS (webhook-dispatcher,notification-receiver,orders-api), CHAOS_BROKER_RESTART (true),
# CHAOS_SMTP_OUTAGE_SECONDS (180), CHAOS_DISPATCHER_RETRY_DELAYS (unset: the dispatcher's production schedule),
# CHAOS_DRAIN_SECONDS (720), CHAOS_PROFILE=small (the test suite's settings), CHAOS_SKIP_BUILD=1,
# CHAOS_TIMEOUT (a hard stop for the whole run, 40m); CHAOS_BROKERS (1, or 3 and more), CHAOS_ORDERS_APIS (1),
# CHAOS_SCALE_OUT (false), which --cluster sets to 3, 2 and true; CHAOS_START_TIMEOUT_SECONDS (180; --cluster: 300),
# how long a (re)started service may take to become healthy.
#
# It takes the shared CPU lock (HOOKLINE_CPU_LOCK, default /tmp/hookline-cpu.lock) itself, once for the build
# and once for the run, so do not wrap it in flock.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
LOCK="${HOOKLINE_CPU_LOCK:-/tmp/hookline-cpu.lock}"
if [ "${1:-}" = --cluster ]; then
  shift
  export CHAOS_BROKERS="${CHAOS_BROKERS:-3}" CHAOS_ORDERS_APIS="${CHAOS_ORDERS_APIS:-2}" CHAOS_SCALE_OUT="${CHAOS_SCALE_OUT:-true}"
  # eleven JVMs on a shared 2-core machine: a (re)started service may take more than the default 3 min
  export CHAOS_START_TIMEOUT_SECONDS="${CHAOS_START_TIMEOUT_SECONDS:-300}"
fi
ORDERS=${1:-10000}
if [ "${CHAOS_SKIP_BUILD:-0}" != 1 ] || [ ! -s chaos/target/chaos-exec.jar ]; then
  flock "$LOCK" ./mvnw -q -B -DskipTests -pl chaos -am package
fi
exec flock "$LOCK" timeout -k 30s "${CHAOS_TIMEOUT:-40m}" "$JAVA_HOME/bin/java" -Xmx2g \
  -jar chaos/target/chaos-exec.jar "$ORDERS"

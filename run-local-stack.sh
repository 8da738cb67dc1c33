#!/usr/bin/env bash
# Builds the platform and starts the local stack: an embedded Kafka broker (KRaft) on localhost:9092 and
# orders-api (8080), webhook-dispatcher (8081), notification-receiver (8082). Ctrl-C stops everything.
# Options: --brokers 3 (three KRaft brokers as separate JVMs on 9092/9094/9096, topics RF 3 and min ISR 2),
# --orders-apis N, --dispatchers N, --receivers N (instance n on the port + 10(n-1), sharing its service's database
# through an H2 TCP server); see docs/reliability.md, "A three-broker cluster".
# Data (broker log, H2 databases, service logs) stays in .local-stack/ between runs.
set -euo pipefail
cd "$(dirname "$0")"
. bin/select-jdk.sh
./mvnw -q -B -DskipTests package
exec "$JAVA_HOME/bin/java" -jar local-stack/target/local-stack-exec.jar "$@"

#!/usr/bin/env bash
# Builds the platform and starts the local stack: an embedded Kafka broker (KRaft) on localhost:9092 and
# orders-api (8080), webhook-dispatcher (8081), notification-receiver (8082). Ctrl-C stops everything.
# Data (broker log, H2 databases, service logs) stays in .local-stack/ between runs.
set -euo pipefail
cd "$(dirname "$0")"
. bin/select-jdk.sh
./mvnw -q -B -DskipTests package
exec "$JAVA_HOME/bin/java" -jar local-stack/target/local-stack-exec.jar "$@"

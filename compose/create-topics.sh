#!/usr/bin/env bash
# Creates (or leaves as they are) every topic listed in topics.conf.
# Usage: create-topics.sh <topics.conf> <bootstrap servers> <replication factor> <min.insync.replicas> [client config]
# The optional client config is a properties file for the admin client (security.protocol, sasl.*), as
# kafka-topics.sh --command-config takes it. KAFKA_BIN: where the Kafka tools are (default /opt/kafka/bin).
set -euo pipefail
conf="$1"; bootstrap="$2"; replication="$3"; min_isr="$4"; client_config="${5:-}"
topics="${KAFKA_BIN:-/opt/kafka/bin}/kafka-topics.sh"
security=()
if [[ -n "$client_config" ]]; then
  security=(--command-config "$client_config")
fi
while read -r name partitions retention_ms cleanup_policy; do
  case "$name" in ''|'#'*) continue ;; esac
  "$topics" --bootstrap-server "$bootstrap" "${security[@]}" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "min.insync.replicas=$min_isr" --config "retention.ms=$retention_ms" \
    --config "cleanup.policy=$cleanup_policy"
  echo "topic $name: $partitions partitions, replication $replication, min.insync.replicas $min_isr"
done < "$conf"

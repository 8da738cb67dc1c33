#!/usr/bin/env bash
# Creates (or leaves as they are) every topic listed in topics.conf.
# Usage: create-topics.sh <topics.conf> <bootstrap servers> <replication factor> <min.insync.replicas>
set -euo pipefail
conf="$1"; bootstrap="$2"; replication="$3"; min_isr="$4"
topics=/opt/kafka/bin/kafka-topics.sh
while read -r name partitions retention_ms cleanup_policy; do
  case "$name" in ''|'#'*) continue ;; esac
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
    --partitions "$partitions" --replication-factor "$replication" \
    --config "min.insync.replicas=$min_isr" --config "retention.ms=$retention_ms" \
    --config "cleanup.policy=$cleanup_policy"
  echo "topic $name: $partitions partitions, replication $replication, min.insync.replicas $min_isr"
done < "$conf"

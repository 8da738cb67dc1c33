#!/usr/bin/env bash
# The Kafka nodes' health check: an ApiVersions round trip on this node's INTERNAL listener, authenticated as
# the broker principal (HEALTHCHECK_PASSWORD), as an unauthenticated client gets no answer.
set -euo pipefail
umask 077
config="$(mktemp)"
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${HEALTHCHECK_PASSWORD:?}";
PROPERTIES
/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9094 --command-config "$config" >/dev/null 2>&1

#!/usr/bin/env bash
# The cluster's one-shot provisioning, run by compose's kafka-init as the admin super user over the brokers'
# INTERNAL listener (SASL/PLAIN), then exits:
#   1. a SCRAM-SHA-512 credential for every principal named in the ACL file, its password from the variable
#      SCRAM_PASSWORD_<PRINCIPAL> (upper case, '-' as '_': orders-api -> SCRAM_PASSWORD_ORDERS_API);
#   2. every topic of topics.conf (create-topics.sh);
#   3. every grant of the ACL file (kafka-acls.sh --add, idempotent).
# Every step may run again on an existing cluster: credentials are overwritten, existing topics and ACLs stay.
# Grants removed from the file are not revoked here (kafka-acls.sh --remove does that).
#
# Usage: kafka-init.sh <topics.conf> <kafka-acls.conf> <bootstrap servers> <replication factor> <min.insync.replicas>
# Environment: ADMIN_PASSWORD (the admin principal's PLAIN password) and one SCRAM_PASSWORD_<PRINCIPAL> each;
# KAFKA_BIN, where the Kafka tools are (default: the image's /opt/kafka/bin; e2e-tests points it elsewhere).
set -euo pipefail
set -f # no globbing: '*' in the ACL file is Kafka's wildcard, not a file pattern
topics_conf="$1"; acls_conf="$2"; bootstrap="$3"; replication="$4"; min_isr="$5"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
here="$(dirname "$0")"

umask 077
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
client="$work/admin.properties"
: "${ADMIN_PASSWORD:?ADMIN_PASSWORD is not set}"
cat > "$client" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD}";
PROPERTIES

# The lines of the ACL file without comments and blank lines.
grants() {
  grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$acls_conf"
}

for principal in $(grants | awk '{print $1}' | sort -u); do
  upper="${principal^^}"
  variable="SCRAM_PASSWORD_${upper//-/_}"
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    echo "no password for Kafka principal $principal: set $variable" >&2
    exit 1
  fi
  # From a file, so the password is not on a command line (in a file the value takes no [brackets]).
  echo "SCRAM-SHA-512=iterations=8192,password=${password}" > "$work/scram.properties"
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$client" --alter \
    --entity-type users --entity-name "$principal" --add-config-file "$work/scram.properties"
  echo "principal $principal: SCRAM-SHA-512 credential set"
done
rm -f "$work/scram.properties"

bash "$here/create-topics.sh" "$topics_conf" "$bootstrap" "$replication" "$min_isr" "$client"

# One kafka-acls.sh call per principal, resource type, pattern type and operations, naming all its resources.
grants | awk '{ key = $1 " " $2 " " $3 " " $5; names[key] = names[key] " " $4 }
              END { for (key in names) print key names[key] }' |
while read -r principal type pattern operations names; do
  resources=()
  for name in $names; do
    case "$type" in
      topic) resources+=(--topic "$name") ;;
      group) resources+=(--group "$name") ;;
      transactional-id) resources+=(--transactional-id "$name") ;;
      cluster) resources=(--cluster) ;;
      *) echo "unknown resource type '$type' in $acls_conf" >&2; exit 1 ;;
    esac
  done
  ops=()
  IFS=',' read -r -a wanted <<< "$operations"
  for op in "${wanted[@]}"; do ops+=(--operation "$op"); done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$client" --add \
    --allow-principal "User:$principal" --resource-pattern-type "$pattern" "${resources[@]}" "${ops[@]}" >/dev/null
  echo "acl: User:$principal $operations on $pattern $type$names"
done

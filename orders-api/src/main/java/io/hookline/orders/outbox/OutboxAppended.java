package io.hookline.orders.outbox;

import java.util.UUID;

/** Published inside the transaction that appended an outbox row; the relay wakes up once it commits. */
record OutboxAppended(UUID eventId) {
}

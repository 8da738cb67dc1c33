package io.hookline.orders.idempotency;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link IdempotencyKeyIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class IdempotencyKeyPostgresIntegrationTests extends IdempotencyKeyIntegrationTests {
}

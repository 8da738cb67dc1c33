package io.hookline.orders.cancellation;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link CancellationIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class CancellationPostgresIntegrationTests extends CancellationIntegrationTests {
}

package io.hookline.orders.order;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link OrderCreatedEventIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class OrderCreatedEventPostgresIntegrationTests extends OrderCreatedEventIntegrationTests {
}

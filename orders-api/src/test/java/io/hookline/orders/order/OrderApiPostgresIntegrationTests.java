package io.hookline.orders.order;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link OrderApiIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class OrderApiPostgresIntegrationTests extends OrderApiIntegrationTests {
}

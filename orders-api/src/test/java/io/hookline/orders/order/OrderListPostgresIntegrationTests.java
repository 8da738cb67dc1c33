package io.hookline.orders.order;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link OrderListIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class OrderListPostgresIntegrationTests extends OrderListIntegrationTests {
}

package io.hookline.orders.refund;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link RefundIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class RefundPostgresIntegrationTests extends RefundIntegrationTests {
}

package io.hookline.orders.payment;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link PaymentIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class PaymentPostgresIntegrationTests extends PaymentIntegrationTests {
}

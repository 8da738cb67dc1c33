package io.hookline.orders.client;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link ClientAdminIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class ClientAdminPostgresIntegrationTests extends ClientAdminIntegrationTests {
}

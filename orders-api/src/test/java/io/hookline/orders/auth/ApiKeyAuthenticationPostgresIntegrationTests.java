package io.hookline.orders.auth;

import io.hookline.orders.UsesTestPostgres;

/** Every {@link ApiKeyAuthenticationIntegrationTests} case, against PostgreSQL. */
@UsesTestPostgres
class ApiKeyAuthenticationPostgresIntegrationTests extends ApiKeyAuthenticationIntegrationTests {
}

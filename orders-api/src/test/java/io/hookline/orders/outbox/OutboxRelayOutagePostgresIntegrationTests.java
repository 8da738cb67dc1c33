package io.hookline.orders.outbox;

import io.hookline.orders.UsesTestPostgres;

/** The broker outage case of {@link OutboxRelayOutageIntegrationTests}, against PostgreSQL. */
@UsesTestPostgres
class OutboxRelayOutagePostgresIntegrationTests extends OutboxRelayOutageIntegrationTests {
}

package io.hookline.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.order.Money;
import io.hookline.orders.order.NewOrder;
import io.hookline.orders.order.NewOrderValidator;
import io.hookline.orders.order.Order;
import io.hookline.orders.order.OrderEvents;
import io.hookline.orders.order.OrderStatus;
import io.hookline.support.problem.RequestValidationException;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One contract, one validator, proved on generated input at the edges of every format ({@link OrderFieldArbitraries}):
 * {@code POST /orders} accepts a body exactly when the events built from its values ({@code order.created},
 * {@code order.paid}, {@code order.payment_failed}, {@code order.cancelled} and {@code order.refunded}, serialised the
 * way they travel) conform to {@code event-envelope.schema.json}.
 * Before issue 13 this failed for, e.g., {@code ada@example.invalidtld} and host-less URLs such as {@code http://1abc/}.
 */
class OrderContractPropertyTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:15:30.123Z");
    private static final String ORDER_ID = "ord_0123456789abcdef0123456789abcdef";
    private static final String REFUND_ID = "re_0123456789abcdef01234567";

    private final ContractValidator contracts = new ContractValidator();
    private final NewOrderValidator validator = new NewOrderValidator(contracts);
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Property
    void anEmailIsAcceptedExactlyWhenItsEventsConform(@ForAll("emails") String email) {
        boolean accepted = accepts(email, null);
        Statistics.label("email accepted").collect(accepted);
        Statistics.label("email accepted").coverage(c -> {
            c.check(true).percentage(p -> p > 5);
            c.check(false).percentage(p -> p > 5);
        });
        assertThat(eventsConform(email, null)).as("events of %s conform", email).isEqualTo(accepted);
    }

    @Property
    void aCallbackUrlIsAcceptedExactlyWhenItsEventsConform(@ForAll("callbackUrls") String url) {
        boolean accepted = accepts("ada@example.com", url);
        Statistics.label("url accepted").collect(accepted);
        Statistics.label("url accepted").coverage(c -> {
            c.check(true).percentage(p -> p > 5);
            c.check(false).percentage(p -> p > 5);
        });
        assertThat(eventsConform("ada@example.com", url)).as("events of %s conform", url).isEqualTo(accepted);
    }

    /** What the dispatcher needs of an accepted callback URL: java.net.URI parses it with an http(s) host. */
    @Property
    void anAcceptedCallbackUrlHasAHostForTheDispatcher(@ForAll("callbackUrls") String url)
            throws URISyntaxException {
        if (accepts("ada@example.com", url)) {
            URI uri = new URI(url);
            assertThat(uri.getHost()).as(url).isNotBlank();
            assertThat(uri.getScheme()).as(url).isIn("http", "https");
            assertThat(url).hasSizeLessThanOrEqualTo(2048);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> emails() {
        return OrderFieldArbitraries.emails();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> callbackUrls() {
        return OrderFieldArbitraries.callbackUrls();
    }

    private boolean accepts(String email, String url) {
        ObjectNode body = mapper.createObjectNode()
                .put("customer_email", email).put("product_name", "Keyboard").put("quantity", 3)
                .put("unit_price", "29.99").put("currency", "USD");
        if (url != null) {
            body.put("callback_url", url);
        }
        try {
            NewOrder accepted = validator.validate(body);
            assertThat(accepted.customerEmail()).isEqualTo(email);
            assertThat(accepted.callbackUrl()).isEqualTo(url);
            return true;
        } catch (RequestValidationException rejected) {
            assertThat(rejected.violations()).allSatisfy(violation ->
                    assertThat(violation.field()).isIn("customer_email", "callback_url"));
            return false;
        }
    }

    /** Every event of an order with these values, built and written as the outbox writes them; they must agree. */
    private boolean eventsConform(String email, String url) {
        Money unitPrice = Money.of("29.99", "USD");
        Order order = new Order(ORDER_ID, OrderStatus.PENDING_PAYMENT, email, "Keyboard", 3, unitPrice,
                unitPrice.times(3), url, null, NOW, NOW, null, null, null, null);
        boolean paid = conforms(mapper.writeValueAsString(OrderEvents.paid(order.paid(NOW), UUID.randomUUID())));
        boolean created = conforms(mapper.writeValueAsString(OrderEvents.created(order, UUID.randomUUID())));
        boolean failed = conforms(mapper.writeValueAsString(
                OrderEvents.paymentFailed(order.paymentFailed("card_declined", NOW), UUID.randomUUID())));
        boolean cancelled = conforms(mapper.writeValueAsString(
                OrderEvents.cancelled(order.cancelled("requested_by_customer", NOW), UUID.randomUUID())));
        boolean refunded = conforms(mapper.writeValueAsString(OrderEvents.refunded(
                order.paid(NOW).refunded(REFUND_ID, "requested_by_customer", NOW), UUID.randomUUID())));
        assertThat(List.of(created, failed, cancelled, refunded))
                .as("order.created, order.payment_failed, order.cancelled and order.refunded agree with order.paid")
                .containsOnly(paid);
        return paid;
    }

    private boolean conforms(String json) {
        return contracts.validate(ContractSchema.EVENT_ENVELOPE, json).isEmpty();
    }
}

package io.hookline.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderQueryTests {

    @Test
    void defaultsToTheFirstPageOfTwentyUnfiltered() {
        assertThat(OrderQuery.parse(null, null, null, null)).isEqualTo(new OrderQuery(null, null, null, 20));
    }

    @Test
    void cursorRoundTripsAndIsUrlSafe() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-11-22T10:15:30.120Z"),
                "ord_0123456789abcdef0123456789abcdef");

        String token = cursor.encode();

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(OrderQuery.parse("paid", "ada@example.com", token, "100"))
                .isEqualTo(new OrderQuery(OrderStatus.PAID, "ada@example.com", cursor, 100));
    }

    @Test
    void everyBadParameterIsReported() {
        assertThatExceptionOfType(RequestValidationException.class)
                .isThrownBy(() -> OrderQuery.parse("PAID", " ", "not-a-cursor", "101"))
                .satisfies(e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactly("status", "customer_email", "cursor", "limit"));
    }
}

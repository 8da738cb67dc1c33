package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterReasonsTests {

    private final DeadLetterReasons reasons = new DeadLetterReasons(5);
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("orders.events", 0, 7L, "k", "v");

    @Test
    void explainsAPoisonRecord() {
        Headers headers = reasons.headers(record, wrapped(new PoisonEventException("the value is not valid JSON")));

        assertThat(text(headers, DeadLetterReasons.REASON)).isEqualTo("poison: the value is not valid JSON");
        assertThat(headers.lastHeader(DeadLetterReasons.FAILED_ENDPOINTS)).isNull();
    }

    @Test
    void namesEveryEndpointThatNeverAcceptedTheEvent() {
        DeliveryFailedException failed = new DeliveryFailedException(UUID.randomUUID(), List.of(
                DeliveryResult.answered("alpha", 503, 12), DeliveryResult.failed("beta", "connection refused", 3)));

        Headers headers = reasons.headers(record, wrapped(failed));

        assertThat(text(headers, DeadLetterReasons.REASON))
                .isEqualTo("not delivered after 5 attempts to alpha (HTTP 503), beta (connection refused)");
        assertThat(text(headers, DeadLetterReasons.FAILED_ENDPOINTS)).isEqualTo("alpha,beta");
    }

    @Test
    void namesTheTypeOfAnUnexpectedFailureWithoutItsMessage() {
        Headers headers = reasons.headers(record, wrapped(new IllegalStateException("secret-ish detail")));

        assertThat(text(headers, DeadLetterReasons.REASON))
                .isEqualTo("failed after 5 attempts: java.lang.IllegalStateException");
    }

    private static ListenerExecutionFailedException wrapped(RuntimeException cause) {
        return new ListenerExecutionFailedException("Listener failed", cause);
    }

    private static String text(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}

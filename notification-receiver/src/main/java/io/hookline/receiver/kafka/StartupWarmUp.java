package io.hookline.receiver.kafka;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.notification.HandledEvent;
import io.hookline.schemas.validation.ContractValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the first webhook as fast as the thousandth: before the service reports ready, creates the Kafka
 * producer and fetches the metadata of the inbox topic (otherwise the first request
 * pays for the connection, the idempotent producer's id and the metadata round trip), and runs the schema of
 * every handled event type once (the validator compiles lazily). A broker that is down only costs a log
 * line here: requests then get 503 until it is back.
 */
@Component
class StartupWarmUp {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmUp.class);

    private static final String SAMPLE = """
            {"type": "order.paid", "timestamp": "2026-01-01T10:00:00Z", "data": {"order_id": "ord_warmup",
            "customer_email": "warm-up@example.com", "product_name": "Warm-up", "quantity": 1,
            "unit_price": "1.00", "currency": "USD", "amount": "1.00", "paid_at": "2026-01-01T10:00:00Z"}}""";

    private final KafkaTemplate<String, String> kafka;
    private final ContractValidator validator;
    private final JsonMapper json;
    private final String inboxTopic;

    StartupWarmUp(KafkaTemplate<String, String> kafka, ContractValidator validator, JsonMapper json,
            InboxProperties inbox) {
        this.inboxTopic = inbox.topic();
        this.kafka = kafka;
        this.validator = validator;
        this.json = json;
    }

    @EventListener(ApplicationStartedEvent.class)
    void warmUp() {
        long started = System.nanoTime();
        JsonNode sample = json.readTree(SAMPLE);
        for (HandledEvent event : HandledEvent.values()) {
            validator.validate(event.webhookSchema(), sample);
        }
        try {
            int partitions = kafka.partitionsFor(inboxTopic).size();
            log.info("Warmed up: producer connected, {} has {} partitions ({} ms)", inboxTopic,
                    partitions, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Could not warm up the producer for {} ({}); webhooks get 503 until Kafka answers",
                    inboxTopic, e.getClass().getSimpleName());
        }
    }
}

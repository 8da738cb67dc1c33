package io.hookline.receiver.support;

import io.hookline.testsupport.TestKafkaInitializer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole receiver on a random port, against the shared test broker, the shared test SMTP server
 * ({@link TestSmtp}) and an in-memory H2 database, with short sender back-off so SMTP outages heal fast,
 * and two accepted secrets (the development one and {@link WebhookClient#ROTATED_SECRET}, as during a rotation).
 * Classes carrying only this annotation share one application context. Every context has its own inbox topics
 * and consumer group ({@code ${test.namespace}.…}, docs/testing.md), so the worker of one cached context never
 * takes (and e-mails) another context's records; tests read the names from the injected {@code InboxProperties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:receiver-tests;DB_CLOSE_DELAY=-1",
        "hookline.receiver.inbox.topic=${test.namespace}.notifications.inbox",
        "hookline.receiver.inbox.dead-letter-topic=${test.namespace}.notifications.inbox.dlt",
        "spring.kafka.consumer.group-id=${test.namespace}.inbox",
        "spring.kafka.consumer.properties.session.timeout.ms=10000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "hookline.receiver.mail.retry.initial-interval=200ms",
        "hookline.receiver.mail.retry.max-interval=1s",
        "hookline.receiver.mail.poll-interval=100ms",
        "hookline.supervision.initial-backoff=100ms",
        "hookline.supervision.max-backoff=1s",
        "hookline.receiver.secrets[0]=" + WebhookClient.SECRET,
        "hookline.receiver.secrets[1]=" + WebhookClient.ROTATED_SECRET})
@ContextConfiguration(initializers = {TestKafkaInitializer.class, TestSmtpInitializer.class})
public @interface ReceiverIntegrationTest {
}

package io.hookline.testsupport;

import io.hookline.kafka.embedded.KraftBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of a test JVM, started once on first use and shared by every test in it; each test
 * keeps to its own topics or consumer groups.
 *
 * <p>Which broker is chosen by the system property (or environment variable) {@code test.kafka}
 * ({@code TEST_KAFKA}):
 * <ul>
 *   <li>{@code embedded} (default): a real Apache Kafka node in KRaft mode inside this JVM
 *       ({@link KraftBroker}); it can be {@link #stopBroker() stopped} and {@link #startBroker() restarted}
 *       on the same port with its data, for outage tests;</li>
 *   <li>{@code testcontainers}: the {@code apache/kafka} image in a {@link KafkaContainer}; needs a Docker
 *       engine and says so plainly when there is none.</li>
 * </ul>
 * Thread-safe.
 */
public final class TestKafka {

    /** The image used when {@code test.kafka=testcontainers}: the broker version the BOM manages. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);
    private static KraftBroker embedded;
    private static KafkaContainer container;

    private TestKafka() {
    }

    /** The bootstrap servers of the shared broker, starting it on first call. */
    public static synchronized String bootstrapServers() {
        if (embedded != null) {
            return embedded.bootstrapServers();
        }
        if (container != null) {
            return container.getBootstrapServers();
        }
        String mode = mode();
        if ("testcontainers".equals(mode)) {
            return startContainer();
        }
        if (!"embedded".equals(mode)) {
            throw new IllegalStateException("test.kafka must be 'embedded' or 'testcontainers', not '" + mode + "'");
        }
        return startEmbedded();
    }

    /** Stops the shared embedded broker (its data is kept), to test what happens while Kafka is down. */
    public static synchronized void stopBroker() {
        requireEmbedded("stopping the broker").stop();
    }

    /** Starts the shared embedded broker again on the same port, with the data it had. */
    public static synchronized void startBroker() {
        requireEmbedded("restarting the broker").start();
    }

    private static KraftBroker requireEmbedded(String what) {
        bootstrapServers();
        if (embedded == null) {
            throw new IllegalStateException(what + " is supported on the embedded broker only");
        }
        return embedded;
    }

    private static String startEmbedded() {
        long started = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory("hookline-test-kafka-");
            embedded = KraftBroker.create(0, dir).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::stop, "test-kafka-shutdown"));
        log.info("Test Kafka: embedded KRaft broker on {} (started in {} ms)", embedded.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        return embedded.bootstrapServers();
    }

    private static String startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("test.kafka=testcontainers needs a Docker engine and none is "
                    + "reachable here; run with -Dtest.kafka=embedded (the default) instead");
        }
        container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        log.info("Test Kafka: container {} on {}", KAFKA_IMAGE, container.getBootstrapServers());
        return container.getBootstrapServers();
    }

    private static String mode() {
        String value = System.getProperty("test.kafka");
        if (value == null || value.isBlank()) {
            value = System.getenv("TEST_KAFKA");
        }
        return value == null || value.isBlank() ? "embedded" : value.trim();
    }
}

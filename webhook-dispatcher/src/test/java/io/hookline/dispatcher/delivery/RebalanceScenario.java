package io.hookline.dispatcher.delivery;

import static org.awaitility.Awaitility.await;

import io.hookline.dispatcher.WebhookDispatcherApplication;
import io.hookline.schemas.events.EventEnvelope;
import io.hookline.schemas.events.EventHeaders;
import io.hookline.schemas.events.OrderPaid;
import io.hookline.testsupport.KafkaGroups;
import io.hookline.testsupport.KafkaTopics;
import io.hookline.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several dispatchers (each a real application context) in one consumer group on the shared broker, one endpoint on
 * a real HTTP server that answers after {@code holdMillis}, and a stream of {@code order.paid} events offered at a
 * fixed rate while dispatchers join and leave. A step runs once the endpoint has seen a given number of distinct
 * webhook-ids; the stream goes on until every step ran and at least {@code events} were offered. The result counts
 * POSTs per webhook-id once the deliveries group has committed to the end of the delivery topic (every delivery
 * ended). {@code eager}: the assignor before issue 13 (range, eager) and no wait on revocation. Not thread-safe.
 */
final class RebalanceScenario implements AutoCloseable {

    record Result(int events, int posts, int duplicates, Duration took) {
    }

    /** A change of membership, run once the endpoint has seen {@code afterReceived} distinct webhook-ids. */
    record Step(int afterReceived, boolean join, int member) {
    }

    private static final String SECRET = "whsec_cmViYWxhbmNlLXNlY3JldC1rZXktZm9yLXRlc3RzIQ==";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RebalanceScenario.class);

    private final String name = "rebalance-" + UUID.randomUUID().toString().substring(0, 8);
    private final RecordingWebhookServer webhooks;
    private final String path;
    private final boolean eager;
    private final Map<Integer, ConfigurableApplicationContext> members = new ConcurrentHashMap<>();
    private final List<UUID> offered = new ArrayList<>();

    RebalanceScenario(RecordingWebhookServer webhooks, int holdMillis, boolean eager) {
        this.webhooks = webhooks;
        this.path = "/held/" + holdMillis + "/" + name;
        this.eager = eager;
    }

    Result run(int events, int perSecond, List<Step> steps) throws Exception {
        long began = System.nanoTime();
        join(0);
        KafkaGroups.awaitAssigned(name + "-deliveries", List.of(name + ".webhooks.deliveries"));
        KafkaGroups.awaitAssigned(name, List.of(name + ".orders.events"));
        AtomicBoolean stepsDone = new AtomicBoolean(steps.isEmpty());
        Thread feed = Thread.ofPlatform().name(name + "-feed").start(() -> feed(events, perSecond, stepsDone));
        for (Step step : steps) {
            await().atMost(Duration.ofMinutes(3)).until(() -> distinctReceived() >= step.afterReceived());
            if (step.join()) {
                join(step.member());
            } else {
                members.remove(step.member()).close();
            }
        }
        stepsDone.set(true);
        feed.join();
        await().atMost(Duration.ofMinutes(3)).until(() -> distinctReceived() == offered.size());
        awaitCommittedToTheEnd();
        int posts = offered.stream().mapToInt(id -> webhooks.received(path, id).size()).sum();
        if (posts > offered.size()) {
            describeDuplicates();
        }
        return new Result(offered.size(), posts, posts - offered.size(), Duration.ofNanos(System.nanoTime() - began));
    }

    private long distinctReceived() {
        synchronized (offered) {
            return offered.stream().filter(id -> !webhooks.received(path, id).isEmpty()).count();
        }
    }

    /**
     * Offers events at {@code perSecond}, paced by a fixed-rate schedule, until {@code events} are offered and the
     * scenario's steps are done.
     */
    private void feed(int events, int perSecond, AtomicBoolean stepsDone) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor()) {
            CompletableFuture<Void> fed = new CompletableFuture<>();
            AtomicInteger sent = new AtomicInteger();
            ticks.scheduleAtFixedRate(() -> {
                if (sent.get() >= events && stepsDone.get()) {
                    fed.complete(null);
                    return;
                }
                try {
                    offerOne(producer);
                    sent.incrementAndGet();
                } catch (Exception e) {
                    fed.completeExceptionally(e);
                    throw new IllegalStateException(e);
                }
            }, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
            fed.join();
        }
    }

    private void offerOne(KafkaProducer<String, String> producer) throws Exception {
        EventEnvelope<OrderPaid> event = DispatcherIntegrationTestSupport.orderPaid(
                DispatcherIntegrationTestSupport.newOrderId());
        ProducerRecord<String, String> record = new ProducerRecord<>(name + ".orders.events",
                event.data().orderId(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_ID, event.id().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
        synchronized (offered) {
            offered.add(event.id());
        }
    }

    /** Every delivery of the offered events has ended: the group committed past each record of the topic. */
    private void awaitCommittedToTheEnd() {
        Set<String> ids = offered.stream().map(UUID::toString).collect(Collectors.toSet());
        await().atMost(Duration.ofMinutes(1)).until(() -> KafkaTopics.readToEnd(List.of(name + ".webhooks.deliveries"))
                .stream().map(record -> KafkaTopics.header(record, DeliveryHeaders.EVENT_ID)).filter(ids::contains)
                .distinct().count() == ids.size());
        Map<TopicPartition, Long> ends = KafkaTopics.readToEnd(List.of(name + ".webhooks.deliveries")).stream()
                .collect(Collectors.toMap(record -> new TopicPartition(record.topic(), record.partition()),
                        ConsumerRecord::offset, Math::max));
        ends.forEach((partition, last) -> KafkaGroups.awaitCommitted(name + "-deliveries", partition, last + 1));
    }

    /** Logs the records of duplicated webhook-ids on every topic of the scenario (for the investigation). */
    private void describeDuplicates() {
        Set<String> duplicated = offered.stream().filter(id -> webhooks.received(path, id).size() > 1)
                .map(UUID::toString).collect(Collectors.toSet());
        List<String> topics = new ArrayList<>(List.of(name + ".webhooks.deliveries", name + ".webhooks.deliveries.dlt"));
        for (int tier = 1; tier <= 7; tier++) {
            topics.add(name + ".webhooks.deliveries.retry." + tier);
        }
        KafkaTopics.readToEnd(topics).stream()
                .filter(record -> duplicated.contains(KafkaTopics.header(record, DeliveryHeaders.EVENT_ID)))
                .forEach(record -> log.info("duplicated {}: {}-{}@{} attempts={} last_status={} last_error={}",
                        KafkaTopics.header(record, DeliveryHeaders.EVENT_ID), record.topic(), record.partition(),
                        record.offset(), KafkaTopics.header(record, DeliveryHeaders.ATTEMPTS),
                        KafkaTopics.header(record, DeliveryHeaders.LAST_STATUS),
                        KafkaTopics.header(record, DeliveryHeaders.LAST_ERROR)));
    }

    private void join(int member) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--spring.datasource.url=jdbc:h2:mem:" + name + "-" + member + ";DB_CLOSE_DELAY=-1",
                "--hookline.dispatcher.topics.events=" + name + ".orders.events",
                "--hookline.dispatcher.topics.events-dead-letter=" + name + ".orders.events.dlt",
                "--hookline.dispatcher.topics.deliveries=" + name + ".webhooks.deliveries",
                "--spring.kafka.consumer.group-id=" + name,
                "--hookline.dispatcher.delivery.group-id=" + name + "-deliveries",
                "--hookline.dispatcher.http.first-attempt-timeout=20s",
                "--hookline.dispatcher.http.response-timeout=20s",
                "--hookline.dispatcher.directory.allow-private-urls=true",
                "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                "--hookline.dispatcher.endpoints[0].name=" + name,
                "--hookline.dispatcher.endpoints[0].url=" + webhooks.url(path),
                "--hookline.dispatcher.endpoints[0].secret=" + SECRET));
        if (eager) {
            args.add("--spring.kafka.consumer.properties.partition.assignment.strategy="
                    + "org.apache.kafka.clients.consumer.RangeAssignor");
            args.add("--hookline.dispatcher.delivery.revocation-timeout=0s");
        }
        members.put(member, new SpringApplicationBuilder(WebhookDispatcherApplication.class)
                .run(args.toArray(String[]::new)));
    }

    @Override
    public void close() {
        members.values().forEach(ConfigurableApplicationContext::close);
        members.clear();
    }

    static Function<Result, String> summary() {
        return result -> result.events() + " events, " + result.posts() + " POSTs, " + result.duplicates()
                + " duplicates, " + result.took().toSeconds() + " s";
    }
}

package io.hookline.e2e.compose;

import static io.hookline.e2e.compose.ComposeTool.environment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Compose's Kafka security on a real broker: a KRaft node with {@code kafka-1}'s own configuration (SASL on
 * every listener, SCRAM-SHA-512 for clients, the StandardAuthorizer; {@link ComposeBroker}), provisioned by
 * {@code compose/kafka-init.sh} itself ({@link KafkaInitRun}), then used with each compose client's own
 * credentials: what {@code compose/kafka-acls.conf} grants works and what it does not is refused.
 */
class ComposeKafkaBrokerTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path work;

    private static ComposeBroker broker;
    private static KafkaInitRun init;
    private static Map<String, KafkaClientCredentials> clients;
    private static String adminPassword;

    @BeforeAll
    static void startTheBrokerAndRunKafkaInit() throws Exception {
        JsonNode services = ComposeTool.resolved().get("services");
        broker = ComposeBroker.of(environment(services, "kafka-1"), work).start();
        clients = new HashMap<>();
        ComposeSecurityTests.KAFKA_CLIENTS.forEach((service, prefix) -> clients.put(service,
                KafkaClientCredentials.of(environment(services, service), prefix)));
        List<String> entrypoint = services.get("kafka-init").get("entrypoint").valueStream()
                .map(JsonNode::asString).toList();
        Map<String, String> initEnvironment = environment(services, "kafka-init");
        adminPassword = initEnvironment.get("ADMIN_PASSWORD");
        init = KafkaInitRun.of(entrypoint, initEnvironment, broker.internalBootstrap(), work);
        assertThat(init.exitCode()).as(init.output()).isZero();
    }

    @AfterAll
    static void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void kafkaInitCreatesTheCredentialsTopicsAndExactlyTheAclsOfTheFile() throws Exception {
        Set<AclBinding> expected = new HashSet<>();
        KafkaAclFile.read().forEach(grant -> expected.addAll(grant.bindings()));

        try (Admin admin = Admin.create(adminProperties())) {
            assertThat(admin.listTopics().names().get()).containsAll(ComposeSecurityTests.declaredTopics());
            assertThat(new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get())).isEqualTo(expected);
            Map<String, UserScramCredentialsDescription> users = admin.describeUserScramCredentials().all().get();
            assertThat(users).containsOnlyKeys(ComposeSecurityTests.KAFKA_CLIENTS.keySet());
            users.values().forEach(user -> assertThat(user.credentialInfos()).singleElement()
                    .satisfies(info -> assertThat(info.mechanism()).isEqualTo(ScramMechanism.SCRAM_SHA_512)));
        }
    }

    @Test
    void theOrdersApiProducesOrderEventsWhichTheDispatcherReadsInItsGroup() throws Exception {
        String key = "ord_" + UUID.randomUUID();
        send("orders-api", "orders.events", key);

        assertThat(readUntil("webhook-dispatcher", "webhook-dispatcher", "orders.events", key)).isTrue();
    }

    @Test
    void theOrdersApiCannotReadDeliveriesNorWriteThem() {
        assertThat(readFailure("orders-api", "orders-api", "webhooks.deliveries"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(sendFailure("orders-api", "webhooks.deliveries")).isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theReceiverCannotReadOrderEvents() {
        assertThat(readFailure("notification-receiver", "notification-receiver", "orders.events"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theReceiverWritesAndReadsItsInbox() throws Exception {
        String key = "ord_" + UUID.randomUUID();
        send("notification-receiver", "notifications.inbox", key);

        assertThat(readUntil("notification-receiver", "notification-receiver", "notifications.inbox", key)).isTrue();
    }

    @Test
    void kafkaUiSeesEveryTopicButCannotWrite() throws Exception {
        try (Admin admin = Admin.create(clients.get("kafka-ui").clientProperties(broker.clientBootstrap()))) {
            assertThat(admin.listTopics().names().get()).containsAll(ComposeSecurityTests.declaredTopics());
        }
        // refused at the idempotent producer's InitProducerId already: kafka-ui may write to no topic at all
        assertThat(sendFailure("kafka-ui", "orders.events")).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaClientCredentials impostor = clients.get("orders-api").withPassword("not-the-password");

        try (Admin admin = Admin.create(impostor.clientProperties(broker.clientBootstrap()))) {
            Throwable failure = catchThrowable(
                    () -> admin.describeCluster().clusterId().get());
            assertThat(failure).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> adminProperties() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.internalBootstrap(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"admin\" password=\"" + adminPassword + "\";");
    }

    private static KafkaProducer<String, String> producer(String client) {
        Map<String, Object> properties = clients.get(client).clientProperties(broker.clientBootstrap());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static void send(String client, String topic, String key) throws Exception {
        try (KafkaProducer<String, String> producer = producer(client)) {
            producer.send(new ProducerRecord<>(topic, key, "{}")).get();
        }
    }

    private static Throwable sendFailure(String client, String topic) {
        try (KafkaProducer<String, String> producer = producer(client)) {
            Throwable failure = catchThrowable(
                    () -> producer.send(new ProducerRecord<>(topic, "k", "{}")).get());
            return failure instanceof ExecutionException ? failure.getCause() : failure;
        }
    }

    private static KafkaConsumer<String, String> consumer(String client, String group, String topic) {
        Map<String, Object> properties = clients.get(client).clientProperties(broker.clientBootstrap());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls as {@code client} in {@code group} until the record with {@code key} arrives. */
    private static boolean readUntil(String client, String group, String topic, String key) {
        try (KafkaConsumer<String, String> consumer = consumer(client, group, topic)) {
            await("record " + key + " on " + topic + " read by " + client).atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(key)) {
                        return true;
                    }
                }
                return false;
            });
            return true;
        }
    }

    /** Polls as {@code client} until the broker refuses, and returns the refusal. */
    private static Throwable readFailure(String client, String group, String topic) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (KafkaConsumer<String, String> consumer = consumer(client, group, topic)) {
            await(client + " refused on " + topic).atMost(WAIT).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    return false;
                } catch (KafkaException refused) {
                    failure.set(refused);
                    return true;
                }
            });
        }
        return failure.get();
    }
}

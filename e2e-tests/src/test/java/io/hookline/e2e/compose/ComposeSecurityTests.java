package io.hookline.e2e.compose;

import static io.hookline.e2e.compose.ComposeTool.ROOT;
import static io.hookline.e2e.compose.ComposeTool.environment;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compose deployment's security, read from the file as the compose tool resolves it: consoles on loopback
 * and behind a login, every Kafka listener SASL, clients on SCRAM with a principal each, the StandardAuthorizer
 * denying what is not granted, and every ACL of {@code compose/kafka-acls.conf} naming a real principal, topic
 * and consumer group.
 */
class ComposeSecurityTests {

    /** Kafka clients: compose service to the prefix of its Kafka client properties. */
    static final Map<String, String> KAFKA_CLIENTS = Map.of(
            "orders-api", "SPRING_KAFKA_PROPERTIES_",
            "webhook-dispatcher", "SPRING_KAFKA_PROPERTIES_",
            "notification-receiver", "SPRING_KAFKA_PROPERTIES_",
            "kafka-ui", "KAFKA_CLUSTERS_0_PROPERTIES_");

    private static final Set<AclOperation> READ_ONLY = Set.of(AclOperation.READ, AclOperation.DESCRIBE,
            AclOperation.DESCRIBE_CONFIGS);

    private static JsonNode services;

    @BeforeAll
    static void resolve() throws Exception {
        services = ComposeTool.resolved().get("services");
    }

    @Test
    void onlyTheOrdersApiIsPublishedBeyondLoopback() {
        List<String> published = new ArrayList<>();
        List<String> beyondLoopback = new ArrayList<>();
        services.properties().forEach(service -> service.getValue().path("ports").forEach(port -> {
            PublishedPort parsed = PublishedPort.of(port);
            published.add(service.getKey() + ":" + parsed.target());
            if (!parsed.loopbackOnly()) {
                beyondLoopback.add(service.getKey() + ":" + parsed.target());
            }
        }));

        assertThat(published).contains("kafka-ui:8080", "mailpit:8025", "webhook-dispatcher:8081",
                "notification-receiver:8082");
        assertThat(beyondLoopback).as("published on every interface").containsExactly("orders-api:8080");
    }

    @Test
    void theConsolesRequireALogin() {
        Map<String, String> mailpit = environment(services, "mailpit");
        Map<String, String> kafkaUi = environment(services, "kafka-ui");

        assertThat(mailpit.get("MP_UI_AUTH")).matches("[^:\\s]+:\\S+");
        assertThat(kafkaUi).containsEntry("AUTH_TYPE", "LOGIN_FORM").containsEntry("KAFKA_CLUSTERS_0_READONLY", "true");
        assertThat(kafkaUi.get("SPRING_SECURITY_USER_NAME")).isNotBlank();
        assertThat(kafkaUi.get("SPRING_SECURITY_USER_PASSWORD")).isNotBlank();
    }

    @Test
    void everyBrokerListenerIsSaslAndTheClientListenerTakesOnlyScram() {
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, String> env = environment(services, node);
            Map<String, String> protocols = pairs(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"), ":");
            Map<String, String> listeners = pairs(env.get("KAFKA_LISTENERS"), "://");

            assertThat(listeners.keySet()).containsExactlyInAnyOrder("CLIENT", "CONTROLLER", "INTERNAL");
            listeners.keySet().forEach(listener -> assertThat(protocols.get(listener)).as(node + " " + listener)
                    .isIn("SASL_PLAINTEXT", "SASL_SSL"));
            assertThat(listeners.get("CLIENT")).as("the port clients bootstrap from").isEqualTo(":9092");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).contains("CLIENT://" + node + ":9092");
            assertThat(env.get("KAFKA_LISTENER_NAME_CLIENT_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
            assertThat(env.get("KAFKA_INTER_BROKER_LISTENER_NAME")).isEqualTo("INTERNAL");
        }
    }

    @Test
    void theAuthorizerDeniesWhatNoAclGrantsAndOnlyTheBrokersAndTheAdminAreSuperUsers() {
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, String> env = environment(services, node);

            assertThat(env).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME",
                    "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(env).containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false");
            assertThat(env.get("KAFKA_SUPER_USERS").split(";")).containsExactlyInAnyOrder("User:broker", "User:admin");
        }
    }

    @Test
    void everyKafkaClientAuthenticatesWithScramAsItsOwnPrincipalWhoseCredentialKafkaInitCreates() {
        Map<String, String> init = environment(services, "kafka-init");
        Set<String> principals = new HashSet<>();

        KAFKA_CLIENTS.forEach((service, prefix) -> {
            KafkaClientCredentials client = KafkaClientCredentials.of(environment(services, service), prefix);
            assertThat(client.securityProtocol()).as(service).isEqualTo("SASL_PLAINTEXT");
            assertThat(client.mechanism()).as(service).isEqualTo("SCRAM-SHA-512");
            assertThat(client.jaasConfig()).as(service)
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
            assertThat(client.username()).as(service).isEqualTo(service);
            assertThat(client.password()).as(service).isNotBlank();
            assertThat(init.get(scramPasswordVariable(client.username()))).as("kafka-init's password of " + service)
                    .isEqualTo(client.password());
            principals.add(client.username());
        });
        assertThat(principals).hasSize(KAFKA_CLIENTS.size()).doesNotContain("broker", "admin");
    }

    @Test
    void everyAclNamesAKafkaClientAndADeclaredTopicOrGroup() throws IOException {
        List<KafkaAclFile.Grant> grants = KafkaAclFile.read();
        List<String> topics = declaredTopics();
        Set<String> groups = consumerGroups();

        assertThat(grants).isNotEmpty();
        for (KafkaAclFile.Grant grant : grants) {
            assertThat(KAFKA_CLIENTS).as("principal of %s", grant).containsKey(grant.principal());
            assertThat(grant.operations()).as("operations of %s", grant)
                    .doesNotContain(AclOperation.UNKNOWN, AclOperation.ALL, AclOperation.ANY);
            boolean wildcard = grant.name().equals("*");
            if (wildcard) {
                assertThat(grant.principal()).as("only the read-only console gets every " + grant.type())
                        .isEqualTo("kafka-ui");
                assertThat(READ_ONLY).as("%s is read-only", grant).containsAll(grant.operations());
            }
            switch (grant.type()) {
                case TOPIC -> assertThat(wildcard || topics.contains(grant.name()))
                        .as("%s names a topic of topics.conf", grant).isTrue();
                case GROUP -> assertThat(wildcard || groups.contains(grant.name()))
                        .as("%s names a consumer group of a service", grant).isTrue();
                case CLUSTER -> assertThat(grant.name()).isEqualTo("kafka-cluster");
                default -> throw new AssertionError("no service uses " + grant.type() + ": " + grant);
            }
        }
    }

    @Test
    void everyDeclaredTopicAndGroupIsGrantedToAServiceAndEveryClientHasGrants() throws IOException {
        List<KafkaAclFile.Grant> grants = KafkaAclFile.read();
        Set<String> granted = grants.stream().filter(grant -> !grant.principal().equals("kafka-ui"))
                .map(grant -> grant.type() + " " + grant.name()).collect(Collectors.toSet());

        declaredTopics().forEach(topic -> assertThat(granted).contains(ResourceType.TOPIC + " " + topic));
        consumerGroups().forEach(group -> assertThat(granted).contains(ResourceType.GROUP + " " + group));
        assertThat(grants.stream().map(KafkaAclFile.Grant::principal).distinct())
                .containsExactlyInAnyOrderElementsOf(KAFKA_CLIENTS.keySet());
    }

    static String scramPasswordVariable(String principal) {
        return "SCRAM_PASSWORD_" + principal.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The topic names of {@code topics.conf}. */
    static List<String> declaredTopics() throws IOException {
        return Files.readAllLines(ROOT.resolve("topics.conf")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).toList();
    }

    /** The consumer groups the services' configuration names. */
    private static Set<String> consumerGroups() throws IOException {
        Set<String> groups = new HashSet<>();
        for (String module : List.of("webhook-dispatcher", "notification-receiver")) {
            JsonNode yaml = YAMLMapper.builder().build()
                    .readTree(ROOT.resolve(module).resolve("src/main/resources/application.yml").toFile());
            groups.add(yaml.at("/spring/kafka/consumer/group-id").asString());
            if (yaml.at("/hookline/dispatcher/delivery/group-id").isString()) {
                groups.add(yaml.at("/hookline/dispatcher/delivery/group-id").asString());
            }
        }
        assertThat(groups).hasSize(3);
        return groups;
    }

    private static Map<String, String> pairs(String list, String separator) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Arrays.stream(list.split(",")).map(pair -> pair.split(separator, 2)).forEach(pair -> pairs.put(pair[0],
                pair[1]));
        return pairs;
    }
}

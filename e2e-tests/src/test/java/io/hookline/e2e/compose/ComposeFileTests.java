package io.hookline.e2e.compose;

import static io.hookline.e2e.compose.ComposeTool.ROOT;
import static io.hookline.e2e.compose.ComposeTool.resolved;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The compose deployment, checked without a Docker engine: the compose tool itself resolves and validates
 * {@code compose/docker-compose.yml}, and the resolved file is checked for what the deployment promises
 * (a three-node KRaft cluster with replication 3 and min.insync.replicas 2, topics from topics.conf). Its
 * security is checked by {@link ComposeSecurityTests} and, on a real broker, {@link ComposeKafkaBrokerTests}.
 */
class ComposeFileTests {

    @Test
    void composeValidatesTheFile() throws Exception {
        ComposeTool.Result result = ComposeTool.run("config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void kafkaIsAThreeNodeClusterThatCreatesTheDeclaredTopicsWithReplicationThree() throws Exception {
        JsonNode services = resolved().get("services");

        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            JsonNode env = services.get(node).get("environment");
            assertThat(env.get("KAFKA_PROCESS_ROLES").asString()).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS").asString()).isEqualTo("2");
            assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR").asString()).isEqualTo("3");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asString())
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
        }
        // kafka-init provisions the cluster as the admin over the brokers' INTERNAL listener (9094): the SCRAM
        // credentials and ACLs of kafka-acls.conf, and the topics of topics.conf.
        JsonNode init = services.get("kafka-init");
        assertThat(init.get("entrypoint").valueStream().map(JsonNode::asString).toList())
                .endsWith("/etc/hookline/topics.conf", "/etc/hookline/kafka-acls.conf",
                        "kafka-1:9094,kafka-2:9094,kafka-3:9094", "3", "2");
        assertThat(init.get("volumes").toString()).contains(ROOT.resolve("topics.conf").toString(),
                ROOT.resolve("compose/kafka-acls.conf").toString());
    }

    @Test
    void servicesUsePostgresAndTheClusterAndDependOnTheTopics() throws Exception {
        JsonNode services = resolved().get("services");

        for (String service : List.of("orders-api", "webhook-dispatcher", "notification-receiver")) {
            JsonNode env = services.get(service).get("environment");
            assertThat(env.get("SPRING_DATASOURCE_URL").asString()).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS").asString())
                    .isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(services.get(service).get("depends_on").get("kafka-init").get("condition").asString())
                    .isEqualTo("service_completed_successfully");
        }
    }
}

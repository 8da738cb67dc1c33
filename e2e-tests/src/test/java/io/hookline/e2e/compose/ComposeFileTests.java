package io.hookline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The compose deployment, checked without a Docker engine: the compose tool itself resolves and validates
 * {@code compose/docker-compose.yml}, and the resolved file is checked for what the deployment promises
 * (a three-node KRaft cluster with replication 3 and min.insync.replicas 2, topics from topics.conf).
 */
class ComposeFileTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void composeValidatesTheFile() throws Exception {
        Result result = compose("config", "-q");

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
        JsonNode init = services.get("kafka-init");
        assertThat(init.get("entrypoint").valueStream().map(JsonNode::asString).toList())
                .endsWith("/etc/hookline/topics.conf", "kafka-1:9092,kafka-2:9092,kafka-3:9092", "3", "2");
        assertThat(init.get("volumes").toString()).contains(ROOT.resolve("topics.conf").toString());
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

    private static JsonNode resolved() throws Exception {
        Result result = compose("config");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return YAMLMapper.builder().build().readTree(result.output());
    }

    private record Result(int exitCode, String output) {
    }

    private static Result compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-f", ROOT.resolve("compose/docker-compose.yml").toString(),
                "--env-file", ROOT.resolve("compose/.env.example").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(60, TimeUnit.SECONDS);
        return new Result(process.exitValue(), process.exitValue() == 0 ? output : errors + output);
    }

    private static List<String> composeCommand() throws InterruptedException {
        if (runs("docker", "compose", "version")) {
            return List.of("docker", "compose");
        }
        if (runs("docker-compose", "version")) {
            return List.of("docker-compose");
        }
        Prerequisites.require(false, "neither 'docker compose' nor 'docker-compose' is installed, so the compose "
                + "file cannot be checked; bin/test installs Debian's docker-compose");
        return List.of();
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }
}

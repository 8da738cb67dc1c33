package io.hookline.e2e.configkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every configuration key the deployment sets exists in the service it is given to: each environment
 * variable of each service in {@code compose/docker-compose.yml} (anchors and merges followed), read by Spring
 * Boot's relaxed binding rules, and each key of the services' {@code application.yml} and
 * {@code application-prod.yml}, must be a property that the configuration metadata on that service's runtime
 * class path (its executable jar) declares. A misspelt key would otherwise be ignored without a word, and the
 * service would run on the default it was meant to replace.
 */
class ComposeConfigurationKeysTests {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path COMPOSE_FILE = ROOT.resolve("compose/docker-compose.yml");

    /** Variables a service may get that are not Spring properties, each with the reason. */
    static final Map<String, String> NOT_SPRING_PROPERTIES = Map.of(
            "JAVA_TOOL_OPTIONS", "read by the JVM itself (heap size, agents), before Spring starts",
            "TZ", "the container's time zone, read by the JVM");

    /**
     * Variables compose already gives a service for features being merged from other branches, whose properties
     * do not exist on this branch yet: module to variable to the property it will bind. Temporary: remove each
     * entry once the branch that adds its property is merged (the test then checks the variable as any other).
     */
    static final Map<String, Map<String, String>> PROPERTIES_OF_PENDING_BRANCHES = Map.of();

    @TempDir
    static Path unpacked;

    private static final Map<String, ServiceClasspath> services = new LinkedHashMap<>();
    private static final Map<String, KnownProperties> known = new LinkedHashMap<>();
    private static Map<String, List<String>> environment;

    @BeforeAll
    static void unpackTheServices() throws IOException {
        environment = ComposeServices.environmentByModule(COMPOSE_FILE);
        for (String module : environment.keySet()) {
            ServiceClasspath classpath = ServiceClasspath.unpack(ROOT, module, unpacked);
            services.put(module, classpath);
            known.put(module, classpath.knownProperties());
        }
    }

    @AfterAll
    static void closeTheClassLoaders() throws IOException {
        for (ServiceClasspath classpath : services.values()) {
            classpath.close();
        }
    }

    @Test
    void composeRunsTheThreeServicesAndTheirMetadataIsComplete() {
        assertThat(environment).containsOnlyKeys("orders-api", "webhook-dispatcher", "notification-receiver");
        known.forEach((module, properties) -> assertThat(properties.size()).as(module).isGreaterThan(500));
        assertThat(known.get("orders-api").isKnown(ConfigurationKey.property("hookline.orders.outbox.batch-size"))).isTrue();
        assertThat(known.get("webhook-dispatcher").isKnown(ConfigurationKey.property("hookline.dispatcher.delivery.group-id")))
                .isTrue();
        assertThat(known.get("notification-receiver").isKnown(ConfigurationKey.property("hookline.receiver.inbox.send-timeout")))
                .isTrue();
    }

    @Test
    void everyEnvironmentVariableComposeGivesAServiceIsAPropertyOfThatService() {
        List<String> misses = new ArrayList<>();
        environment.forEach((module, names) -> names.stream()
                .filter(name -> !NOT_SPRING_PROPERTIES.containsKey(name))
                .filter(name -> !PROPERTIES_OF_PENDING_BRANCHES.getOrDefault(module, Map.of()).containsKey(name))
                .map(ConfigurationKey::environmentVariable)
                .filter(key -> !known.get(module).isKnown(key))
                .forEach(key -> misses.add(miss(module, "compose/docker-compose.yml sets " + key.source(), key))));

        assertThat(misses).as(String.join("\n", misses)).isEmpty();
    }

    @Test
    void theAllowListOfPendingBranchesHoldsOnlyVariablesComposeSetsAndPropertiesNotYetThere() {
        PROPERTIES_OF_PENDING_BRANCHES.forEach((module, variables) -> variables.forEach((variable, property) -> {
            assertThat(environment.get(module)).as("compose sets %s on %s", variable, module).contains(variable);
            assertThat(known.get(module).isKnown(ConfigurationKey.property(property)))
                    .as("%s exists on %s now: remove %s from PROPERTIES_OF_PENDING_BRANCHES", property, module,
                            variable)
                    .isFalse();
        }));
    }

    @Test
    void everyKeyOfTheServicesOwnConfigurationFilesIsAPropertyOfThatService() throws IOException {
        List<String> misses = new ArrayList<>();
        int checked = 0;
        for (ServiceClasspath service : services.values()) {
            for (String file : List.of("application.yml", "application-prod.yml")) {
                Path yaml = service.ownResource(file);
                if (!Files.exists(yaml)) {
                    continue;
                }
                for (String name : ConfigurationFileKeys.of(yaml)) {
                    checked++;
                    ConfigurationKey key = ConfigurationKey.property(name);
                    if (!known.get(service.module()).isKnown(key)) {
                        misses.add(miss(service.module(), file + " sets " + name, key));
                    }
                }
            }
        }

        assertThat(checked).isGreaterThan(50);
        assertThat(misses).as(String.join("\n", misses)).isEmpty();
    }

    @Test
    void aMisspeltVariableIsNotAPropertyOfTheService() {
        KnownProperties dispatcher = known.get("webhook-dispatcher");

        assertThat(dispatcher.isKnown(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_SECRET"))).isTrue();
        assertThat(dispatcher.isKnown(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_SECRTE"))).isFalse();
        assertThat(dispatcher.isKnown(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPONTS_0_NAME"))).isFalse();
        assertThat(dispatcher.isKnown(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVER"))).isFalse();
        assertThat(dispatcher.isKnown(ConfigurationKey.environmentVariable("HOOKLINE_RECEIVER_SECRETS_0")))
                .as("a receiver property is not a dispatcher property").isFalse();
        assertThat(miss("webhook-dispatcher", "compose/docker-compose.yml sets HOOKLINE_DISPATCHER_ADMIN_TOKN",
                ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ADMIN_TOKN")))
                .contains("HOOKLINE_DISPATCHER_ADMIN_TOKN", "hookline.dispatcher.admin.tokn", "nearest: hookline.dispatcher.admin.token");
    }

    private static String miss(String module, String what, ConfigurationKey key) {
        return module + ": " + what + ", which Spring Boot reads as " + key.dotted()
                + ", and no property of that name exists on the service's class path (nearest: "
                + known.get(module).nearest(key).orElse("none") + ")";
    }
}

package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackTopologyTests {

    private final StackSettings settings = StackSettings.fromEnvironment(Map.of());

    @Test
    void noFlagsIsTheClassicStackOneOfEach() {
        assertThat(StackTopology.parse(new String[0])).isEqualTo(StackTopology.SINGLE);
        assertThat(StackTopology.SINGLE.cluster()).isFalse();
        assertThat(StackTopology.SINGLE.sharesDatabases()).isFalse();
    }

    @Test
    void readsEachFlagWithASpaceOrAnEqualsSign() {
        StackTopology topology = StackTopology.parse(
                new String[] {"--brokers", "3", "--orders-apis=2", "--dispatchers", "2", "--receivers=3"});

        assertThat(topology).isEqualTo(new StackTopology(3, 2, 2, 3));
        assertThat(topology.cluster()).isTrue();
        assertThat(topology.sharesDatabases()).isTrue();
    }

    @Test
    void refusesUnknownFlagsTwoBrokersAndNonNumbers() {
        assertThatIllegalArgumentException().isThrownBy(() -> StackTopology.parse(new String[] {"--instances", "2"}))
                .withMessageContaining("unknown option --instances").withMessageContaining("usage:");
        assertThatIllegalArgumentException().isThrownBy(() -> StackTopology.parse(new String[] {"--brokers", "2"}))
                .withMessageContaining("1 or at least 3");
        assertThatIllegalArgumentException().isThrownBy(() -> StackTopology.parse(new String[] {"--receivers", "x"}))
                .withMessageContaining("--receivers needs a number, not 'x'");
        assertThatIllegalArgumentException().isThrownBy(() -> StackTopology.parse(new String[] {"--dispatchers"}))
                .withMessageContaining("--dispatchers needs a number");
    }

    @Test
    void instancesGetTheirOwnPortsAndShareTheirServicesDatabase() {
        List<ServiceSpec> specs = StackServices.of(settings, new StackTopology(3, 2, 2, 1), "localhost:9092",
                3025, name -> "jdbc:h2:tcp://127.0.0.1:9999/" + name);

        assertThat(specs).extracting(ServiceSpec::name).containsExactly("orders-api", "orders-api-2",
                "webhook-dispatcher", "webhook-dispatcher-2", "notification-receiver");
        assertThat(specs).extracting(ServiceSpec::port).containsExactly(8080, 8090, 8081, 8091, 8082);
        assertThat(specs.get(0).arguments()).contains("--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:9999/orders");
        assertThat(specs.get(1).arguments()).contains("--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:9999/orders",
                "--server.port=8090");
        assertThat(specs.get(3).arguments()).contains(
                "--hookline.dispatcher.endpoints[0].url=http://localhost:8082/webhooks/orders");
        assertThat(specs.get(1).jar()).endsWithRaw(java.nio.file.Path.of("orders-api/target/orders-api-exec.jar"));
    }

    @Test
    void theDefaultWiringIsUnchangedByTheTopologyOverload() {
        assertThat(StackServices.of(settings, StackTopology.SINGLE, "localhost:9092", 3025,
                StackServices.files(settings.dataDir())))
                .isEqualTo(StackServices.of(settings, "localhost:9092"));
    }
}

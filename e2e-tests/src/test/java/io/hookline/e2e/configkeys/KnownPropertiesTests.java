package io.hookline.e2e.configkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownPropertiesTests {

    private static final PropertyShape VALUE = new PropertyShape.Value();

    private final KnownProperties known = KnownProperties.of(Map.of(
            "spring.kafka.bootstrap-servers", new PropertyShape.Indexed(VALUE),
            "spring.kafka.producer.properties", new PropertyShape.Keyed(new PropertyShape.Anything()),
            "spring.datasource.hikari.maximum-pool-size", VALUE,
            "hookline.receiver.secrets", new PropertyShape.Indexed(VALUE),
            "hookline.dispatcher.endpoints", new PropertyShape.Indexed(new PropertyShape.Fields(Map.of(
                    "name", VALUE,
                    "event-types", new PropertyShape.Indexed(VALUE))))));

    @Test
    void environmentVariablesMapByRelaxedBinding() {
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVERS"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAPSERVERS"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_RECEIVER_SECRETS_0"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_NAME"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_12_EVENT_TYPES_0"))).isTrue();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_PRODUCER_PROPERTIES_LINGER_MS"))).isTrue();
    }

    @Test
    void misspeltEnvironmentVariablesAreNotKnown() {
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVER"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVERS_X"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_RECEIVER_SECRET_0"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_NAMES"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_NAME"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_EVENTTYPE_0"))).isFalse();
        assertThat(known(ConfigurationKey.environmentVariable("SPRING_KAFKA_PRODUCER_PROPERTIES"))).isFalse();
    }

    @Test
    void fileKeysMatchIgnoringCaseDashesAndUnderscoresButNotDots() {
        assertThat(known(ConfigurationKey.property("spring.datasource.hikari.maximumPoolSize"))).isTrue();
        assertThat(known(ConfigurationKey.property("spring.datasource.hikari.maximum_pool_size"))).isTrue();
        assertThat(known(ConfigurationKey.property("spring.kafka.producer.properties.enable.idempotence"))).isTrue();
        assertThat(known(ConfigurationKey.property("spring.kafka.producer.properties[enable.idempotence]"))).isTrue();
        assertThat(known(ConfigurationKey.property("hookline.dispatcher.endpoints[0].event-types[1]"))).isTrue();
        assertThat(known(ConfigurationKey.property("spring.kafka.bootstrap.servers"))).isFalse();
        assertThat(known(ConfigurationKey.property("spring.datasource.hikari.maximum-pool-sizes"))).isFalse();
    }

    @Test
    void aMissNamesTheNearestKnownProperty() {
        assertThat(known.nearest(ConfigurationKey.environmentVariable("SPRING_KAFKA_BOOTSTRAP_SERVER")))
                .contains("spring.kafka.bootstrap-servers");
        assertThat(ConfigurationKey.environmentVariable("HOOKLINE_DISPATCHER_ENDPOINTS_0_EVENT_TYPES_1").dotted())
                .isEqualTo("hookline.dispatcher.endpoints[0].event.types[1]");
        assertThat(ConfigurationKey.property("a.b[0].c").elements()).isEqualTo(List.of("a", "b", "[0]", "c"));
    }

    private boolean known(ConfigurationKey key) {
        return known.isKnown(key);
    }
}

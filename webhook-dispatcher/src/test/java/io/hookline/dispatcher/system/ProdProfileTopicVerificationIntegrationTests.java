package io.hookline.dispatcher.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.dispatcher.delivery.DeliveryTopicsProperties;
import io.hookline.dispatcher.delivery.EngineProperties;
import io.hookline.dispatcher.delivery.HttpProperties;
import io.hookline.dispatcher.delivery.RetryProperties;
import io.hookline.dispatcher.kafka.KafkaConfiguration;
import io.hookline.dispatcher.operations.OperationsProperties;
import io.hookline.support.topics.TopicSettingsException;
import io.hookline.support.topics.TopicVerificationAutoConfiguration;
import io.hookline.testsupport.TestKafka;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * In the {@code prod} profile the dispatcher checks its topics at start-up (service-support's topic verification):
 * against the single-node test broker, where no topic can have the three replicas prod expects, the start fails
 * naming every topic the service uses, each of them declared in {@code topics.conf}.
 */
class ProdProfileTopicVerificationIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, TopicVerificationAutoConfiguration.class})
    @EnableConfigurationProperties({DeliveryTopicsProperties.class, RetryProperties.class, EngineProperties.class,
            HttpProperties.class, OperationsProperties.class})
    @Import(KafkaConfiguration.class)
    static class KafkaWiring {
    }

    @Test
    void refusesToStartNamingEveryTopicItUsesThatDiffersFromTopicsConf() {
        TopicSettingsException refused = catchThrowableOfType(TopicSettingsException.class, () ->
                new SpringApplicationBuilder(KafkaWiring.class).web(WebApplicationType.NONE).profiles("prod")
                        .run("--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                                "--hookline.topics.verify.timeout=60s")
                        .close());

        assertThat(refused).as("the prod profile refuses to start").isNotNull();
        assertThat(refused.differences()).as(refused.getMessage()).isNotEmpty();
        Set<String> named = refused.differences().stream().map(line -> line.substring(0, line.indexOf(':')))
                .collect(Collectors.toSet());
        assertThat(named).containsExactlyInAnyOrder("orders.events", "orders.events.dlt", "webhooks.deliveries",
                "webhooks.deliveries.retry.1", "webhooks.deliveries.retry.2", "webhooks.deliveries.retry.3",
                "webhooks.deliveries.retry.4", "webhooks.deliveries.retry.5", "webhooks.deliveries.retry.6",
                "webhooks.deliveries.retry.7", "webhooks.deliveries.dlt", "webhooks.deliveries.dlt.actions",
                "hookline.operational-events");
        assertThat(refused.differences()).noneMatch(line -> line.contains("not declared in topics.conf"))
                .allMatch(line -> line.contains("missing from the cluster") || line.contains("expected 3")
                        || line.contains("expected 2"));
    }
}

package io.hookline.receiver.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hookline.receiver.inbox.InboxProperties;
import io.hookline.receiver.kafka.KafkaConfiguration;
import io.hookline.receiver.mail.ConfirmationMailProperties;
import io.hookline.receiver.notification.NotificationStore;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * In the {@code prod} profile the receiver checks its topics at start-up (service-support's topic verification):
 * against the single-node test broker, where no topic can have the three replicas prod expects, the start fails
 * naming every topic the service uses, each of them declared in {@code topics.conf}.
 */
class ProdProfileTopicVerificationIntegrationTests {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({KafkaAutoConfiguration.class, TopicVerificationAutoConfiguration.class})
    @EnableConfigurationProperties({TopicProperties.class, InboxProperties.class, ConfirmationMailProperties.class})
    @Import(KafkaConfiguration.class)
    static class KafkaWiring {

        @Bean
        NotificationStore notificationStore() {
            return new NotificationStore(JdbcClient.create(new DriverManagerDataSource("jdbc:h2:mem:prod-topics")));
        }
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
        assertThat(named).containsExactlyInAnyOrder("notifications.inbox", "notifications.inbox.dlt");
        assertThat(refused.differences()).noneMatch(line -> line.contains("not declared in topics.conf"))
                .allMatch(line -> line.contains("missing from the cluster") || line.contains("expected 3")
                        || line.contains("expected 2"));
    }
}

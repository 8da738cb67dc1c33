package io.hookline.dispatcher.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class EndpointPropertiesTests {

    private static final String SECRET = "whsec_aG9va2xpbmUtbG9jYWwtZGV2ZWxvcG1lbnQta2V5ISE=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EndpointsConfig.class);

    @Test
    void bindsTheEndpointsTheLocalStackPasses() {
        runner.withPropertyValues(
                "hookline.dispatcher.endpoints[0].name=notification-receiver",
                "hookline.dispatcher.endpoints[0].url=http://localhost:8082/webhooks/order-paid",
                "hookline.dispatcher.endpoints[0].secret=" + SECRET,
                "hookline.dispatcher.endpoints[0].event-types[0]=order.paid",
                "hookline.dispatcher.endpoints[1].name=audit",
                "hookline.dispatcher.endpoints[1].url=https://audit.example.com/hooks",
                "hookline.dispatcher.endpoints[1].secret=" + SECRET).run(context -> {
                    EndpointDirectory directory = context.getBean(EndpointDirectory.class);
                    assertThat(directory.subscribersOf("order.paid")).extracting(Endpoint::id)
                            .containsExactly("notification-receiver", "audit");
                    assertThat(directory.subscribersOf("order.payment_failed")).extracting(Endpoint::id)
                            .containsExactly("audit");
                });
    }

    @Test
    void defaultsToNoEndpoints() {
        runner.run(context -> assertThat(context.getBean(EndpointDirectory.class).subscribersOf("order.paid")).isEmpty());
    }

    @Test
    void refusesToStartWithANonHttpOrRelativeUrl() {
        assertStartupFails("must be an absolute http or https URL",
                "hookline.dispatcher.endpoints[0].name=a", "hookline.dispatcher.endpoints[0].url=ftp://example.com/x",
                "hookline.dispatcher.endpoints[0].secret=" + SECRET);
        assertStartupFails("must be an absolute http or https URL",
                "hookline.dispatcher.endpoints[0].name=a", "hookline.dispatcher.endpoints[0].url=/webhooks/order-paid",
                "hookline.dispatcher.endpoints[0].secret=" + SECRET);
    }

    @Test
    void refusesToStartWithASecretThatDoesNotParseWithoutShowingIt() {
        runner.withPropertyValues("hookline.dispatcher.endpoints[0].name=a", "hookline.dispatcher.endpoints[0].url=http://localhost/x",
                "hookline.dispatcher.endpoints[0].secret=whsec_c2hvcnQ=").run(context -> {
                    assertThat(context).hasFailed();
                    String failure = messages(context.getStartupFailure());
                    assertThat(failure).contains("secret must be whsec_").doesNotContain("c2hvcnQ");
                });
    }

    @Test
    void refusesToStartWithDuplicateNames() {
        assertStartupFails("endpoint names must be unique",
                "hookline.dispatcher.endpoints[0].name=a", "hookline.dispatcher.endpoints[0].url=http://localhost/x",
                "hookline.dispatcher.endpoints[0].secret=" + SECRET,
                "hookline.dispatcher.endpoints[1].name=a", "hookline.dispatcher.endpoints[1].url=http://localhost/y",
                "hookline.dispatcher.endpoints[1].secret=" + SECRET);
    }

    private void assertStartupFails(String expected, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(expected);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EndpointProperties.class)
    @Import(LiveEndpointDirectory.class)
    static class EndpointsConfig {

        /** No endpoints in the database: only the configured ones are seen. */
        @Bean
        EndpointStore endpointStore() {
            return Mockito.mock(EndpointStore.class);
        }

        /** No configured endpoint is disabled. */
        @Bean
        DisablementStore disablementStore() {
            return Mockito.mock(DisablementStore.class);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}

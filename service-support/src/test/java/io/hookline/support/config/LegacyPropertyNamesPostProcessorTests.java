package io.hookline.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A real application started with old property names, from the command line and from environment variables,
 * binds their values to the properties under the new root and warns once per old name, naming the new one.
 */
// config-rename: keep (old names on purpose)
@ExtendWith(OutputCaptureExtension.class)
class LegacyPropertyNamesPostProcessorTests {

    /** A stand-in for a service's properties under the new root. */
    @ConfigurationProperties("hookline.orders.sample")
    record SampleProperties(@DefaultValue("1s") Duration timeout, @DefaultValue List<String> names,
            @DefaultValue Map<String, String> labels, @DefaultValue("default") String mode) {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SampleProperties.class)
    static class SampleApplication {
    }

    @Test
    void oldCommandLineNamesBindUnderTheNewRootAndAreWarnedAbout(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(Map.of(), "--orders.sample.timeout=7s",
                "--orders.sample.names[0]=a", "--orders.sample.names[1]=b", "--orders.sample.labels.team=core")) {
            SampleProperties sample = context.getBean(SampleProperties.class);

            assertThat(sample.timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(sample.names()).containsExactly("a", "b");
            assertThat(sample.labels()).containsEntry("team", "core");
        }
        assertThat(output).contains("The property name orders.sample.timeout (commandLineArgs) is deprecated",
                "use hookline.orders.sample.timeout", "use hookline.orders.sample.names[1]",
                "use hookline.orders.sample.labels.team");
    }

    @Test
    void oldEnvironmentVariablesBindByRelaxedNamesIncludingListIndices(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(Map.of("ORDERS_SAMPLE_TIMEOUT", "9s",
                "ORDERS_SAMPLE_NAMES_0", "x", "ORDERS_SAMPLE_NAMES_1", "y", "DISPATCHER_PORT", "8081"))) {
            SampleProperties sample = context.getBean(SampleProperties.class);

            assertThat(sample.timeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(sample.names()).containsExactly("x", "y");
        }
        assertThat(output).contains("The property name ORDERS_SAMPLE_TIMEOUT (systemEnvironment) is deprecated",
                "use HOOKLINE_ORDERS_SAMPLE_TIMEOUT", "use HOOKLINE_ORDERS_SAMPLE_NAMES_0");
        assertThat(output).doesNotContain("DISPATCHER_PORT");
    }

    @Test
    void theOldNameKeepsThePrecedenceOfItsSourceAndTheNewNameWinsWithinOne(CapturedOutput output) {
        try (ConfigurableApplicationContext context = run(Map.of("ORDERS_SAMPLE_TIMEOUT", "9s",
                "ORDERS_SAMPLE_MODE", "from-old-variable", "HOOKLINE_ORDERS_SAMPLE_MODE", "from-new-variable"),
                "--orders.sample.timeout=3s")) {
            SampleProperties sample = context.getBean(SampleProperties.class);

            assertThat(sample.timeout()).as("the command line outranks the environment").isEqualTo(Duration.ofSeconds(3));
            assertThat(sample.mode()).isEqualTo("from-new-variable");
        }
        assertThat(output).contains("Ignoring the old property name ORDERS_SAMPLE_MODE in systemEnvironment: "
                + "HOOKLINE_ORDERS_SAMPLE_MODE is set there too");
    }

    private static ConfigurableApplicationContext run(Map<String, Object> variables, String... args) {
        SpringApplication application = new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE).environment(environmentWith(variables)).build();
        return application.run(args);
    }

    /** A standard environment whose system environment is the given variables, not the process's. */
    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        variables));
        return environment;
    }
}

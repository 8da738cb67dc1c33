package io.hookline.receiver.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points {@code spring.mail.*} at the shared {@link TestSmtp} server (a test's own properties still win). */
public final class TestSmtpInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource smtp = new MapPropertySource("testSmtp", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", TestSmtp.port()));
        // Above application.yml, below the test's own inlined properties.
        if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, smtp);
        } else {
            sources.addFirst(smtp);
        }
    }
}

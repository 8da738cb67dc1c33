package io.hookline.support.supervision;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives every service one {@link LoopSupervisor} (on the service's {@link Clock} bean if it has one) and the
 * health contributor {@code loops}; which groups include it is the service's
 * {@code management.endpoint.health.group.*} configuration (all three put it in readiness).
 */
@AutoConfiguration
@EnableConfigurationProperties(SupervisionProperties.class)
public class SupervisionAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LoopSupervisor loopSupervisor(ObjectProvider<Clock> clock, SupervisionProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new LoopSupervisor(clock.getIfAvailable(Clock::systemUTC), properties, meters.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean(name = "loopsHealthIndicator")
    LoopsHealthIndicator loopsHealthIndicator(LoopSupervisor supervisor) {
        return new LoopsHealthIndicator(supervisor);
    }
}

package io.hookline.dispatcher.retention;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The real retention round, which throws a failure the loop does not handle while {@link #FAILING} is set. */
public class FailingRetentionDeletes extends RetentionDeletes {

    public static final AtomicBoolean FAILING = new AtomicBoolean();

    FailingRetentionDeletes(JdbcClient jdbc, PlatformTransactionManager transactionManager,
            RetentionProperties properties, Clock clock) {
        super(jdbc, transactionManager, properties, clock);
    }

    @Override
    Deleted round() {
        if (FAILING.get()) {
            throw new IllegalStateException("injected: the retention loop breaks");
        }
        return super.round();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        FailingRetentionDeletes failingRetentionDeletes(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                RetentionProperties properties, Clock clock) {
            return new FailingRetentionDeletes(jdbc, transactionManager, properties, clock);
        }
    }
}

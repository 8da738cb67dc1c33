package io.hookline.dispatcher.attempt;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The real attempt store, which throws a failure the writer does not handle per batch (not a database error) while
 * {@link #FAILING} is set: the writer's run dies and is restarted by its supervisor.
 */
public class FailingAttemptStore extends AttemptStore {

    public static final AtomicBoolean FAILING = new AtomicBoolean();

    FailingAttemptStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
            AttemptLogProperties properties) {
        super(jdbc, transactionManager, properties);
    }

    @Override
    void write(List<DeliveryAttempt> attempts) {
        if (FAILING.get()) {
            throw new IllegalStateException("injected: the attempt writer breaks");
        }
        super.write(attempts);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        FailingAttemptStore failingAttemptStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                AttemptLogProperties properties) {
            return new FailingAttemptStore(jdbc, transactionManager, properties);
        }
    }
}

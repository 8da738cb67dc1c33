package io.hookline.dispatcher.deadletter.index;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The real index, whose positions read throws a failure the index loop does not handle while {@link #FAILING}. */
public class FailingDeadLetterIndex extends DeadLetterIndex {

    public static final AtomicBoolean FAILING = new AtomicBoolean();

    FailingDeadLetterIndex(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        super(jdbc, transactionManager);
    }

    @Override
    Map<TopicPartition, Long> positions(Collection<String> topics) {
        if (FAILING.get()) {
            throw new IllegalStateException("injected: the dead-letter index loop breaks");
        }
        return super.positions(topics);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        FailingDeadLetterIndex failingDeadLetterIndex(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
            return new FailingDeadLetterIndex(jdbc, transactionManager);
        }
    }
}

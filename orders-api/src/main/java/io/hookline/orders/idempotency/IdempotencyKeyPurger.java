package io.hookline.orders.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired {@code Idempotency-Key} rows every {@code orders.idempotency.purge-interval}. Expired keys are
 * already ignored when looked up; this only keeps the table small.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyKeyPurger {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

    private final IdempotencyKeyRepository repository;
    private final Clock clock;

    IdempotencyKeyPurger(IdempotencyKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${orders.idempotency.purge-interval:1h}",
            initialDelayString = "${orders.idempotency.purge-interval:1h}")
    void purge() {
        int purged = repository.purgeExpired(clock.instant());
        if (purged > 0) {
            log.info("Purged {} expired idempotency key(s)", purged);
        }
    }
}

package io.hookline.support.health;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Kafka cluster as this service sees it: UP when a {@code describeCluster} call answers within
 * {@link KafkaHealthProperties#timeout()} with at least one broker, DOWN otherwise (details: the cluster id and
 * broker count, or the kind of failure, never a library message).
 *
 * <p>Meant for the readiness group only: a broker outage takes the instance out of the load balancer, but must
 * never fail liveness (restarting every pod cannot bring a broker back).
 *
 * <p>Thread-safe. One long-lived admin client is created on the first check and reconnects by itself after an
 * outage. A result is reused for {@link KafkaHealthProperties#cacheFor()}; concurrent callers of a stale result
 * wait for the one check in progress instead of each asking the broker. The cache runs on a monotonic clock
 * ({@code System::nanoTime} in production), not the application's {@code Clock}, which tests may freeze.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Supplier<Admin> adminFactory;
    private final KafkaHealthProperties properties;
    private final LongSupplier nanoTime;
    private Admin admin;
    private Health last;
    private long checkedAtNanos;

    /**
     * @param adminFactory creates the admin client, once, on the first check
     * @param nanoTime a monotonic clock in nanoseconds, e.g. {@code System::nanoTime}
     */
    public KafkaHealthIndicator(Supplier<Admin> adminFactory, KafkaHealthProperties properties,
            LongSupplier nanoTime) {
        this.adminFactory = adminFactory;
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized Health health() {
        if (last != null && nanoTime.getAsLong() - checkedAtNanos < properties.cacheFor().toNanos()) {
            return last;
        }
        last = check();
        checkedAtNanos = nanoTime.getAsLong();
        return last;
    }

    private Health check() {
        try {
            if (admin == null) {
                admin = adminFactory.get();
            }
            long timeoutMs = properties.timeout().toMillis();
            DescribeClusterResult cluster = admin.describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, timeoutMs)));
            int brokers = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            if (brokers == 0) {
                return Health.down().withDetail("error", "no broker is available").build();
            }
            return Health.up().withDetails(Map.of("cluster_id", String.valueOf(clusterId), "brokers", brokers))
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (TimeoutException e) {
            return down("no answer within " + properties.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(e.getCause() == null ? "ExecutionException" : e.getCause().getClass().getSimpleName());
        } catch (RuntimeException e) {
            return down(e.getClass().getSimpleName());
        }
    }

    private static Health down(String error) {
        return Health.down().withDetail("error", error).build();
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
            admin = null;
        }
    }
}

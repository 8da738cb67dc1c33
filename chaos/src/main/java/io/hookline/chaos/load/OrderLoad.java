package io.hookline.chaos.load;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places {@code orders} orders at a constant arrival rate with a fixed number of client threads, each order
 * created and paid through an {@link OrderClient}. Progress (orders finished, paid or failed) drives the chaos
 * schedule. Thread-safe.
 */
public final class OrderLoad {

    private static final Logger log = LoggerFactory.getLogger(OrderLoad.class);

    private final OrderClient client;
    private final int orders;
    private final double perSecond;
    private final int clients;
    private final long seed;
    private final Duration orderDeadline;
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile long lastPaidNanos;

    public OrderLoad(OrderClient client, int orders, double perSecond, int clients, long seed,
            Duration orderDeadline) {
        this.client = client;
        this.orders = orders;
        this.perSecond = perSecond;
        this.clients = clients;
        this.seed = seed;
        this.orderDeadline = orderDeadline;
    }

    /** Places every order; returns when each is paid or has failed, or when {@code deadline} passes. */
    public boolean run(Duration deadline) throws InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int n = 0; n < orders; n++) {
                int order = n;
                long due = start + (long) (n / perSecond * 1e9);
                pool.execute(() -> place(order, due));
            }
            pool.shutdown();
            return pool.awaitTermination(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private void place(int n, long dueNanos) {
        Random jitter = new Random(seed * 7919 + n);
        try {
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            paid.add(client.createAndPay(n, System.nanoTime() + orderDeadline.toNanos(), jitter));
            lastPaidNanos = System.nanoTime();
        } catch (OrderClient.OrderFailedException e) {
            failures.add("order " + n + ": " + e.getMessage());
            log.warn("order {} failed: {}", n, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.incrementAndGet();
        }
    }

    /** Share of the orders finished (paid or failed), 0..1. */
    public double progress() {
        return (double) finished.get() / orders;
    }

    public Set<String> paidOrderIds() {
        return Set.copyOf(paid);
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public long retries() {
        return client.retries();
    }

    /** {@link System#nanoTime()} of the last successful payment. */
    public long lastPaidNanos() {
        return lastPaidNanos;
    }
}

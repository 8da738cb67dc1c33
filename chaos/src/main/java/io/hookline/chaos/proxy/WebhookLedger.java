package io.hookline.chaos.proxy;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What the proxy saw, per webhook id: its order, how many requests came, which faults were injected, how many
 * were forwarded, accepted by the receiver (2xx) and acknowledged to the dispatcher (2xx on the way back).
 * Thread-safe.
 */
public final class WebhookLedger {

    private final Map<String, Entry> byWebhookId = new ConcurrentHashMap<>();
    private final java.util.Queue<Long> acknowledgedAgainAt = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Counts a request and returns its number (1-based) for this webhook id. */
    int request(String webhookId, String orderId) {
        Entry entry = byWebhookId.computeIfAbsent(webhookId, id -> new Entry());
        if (orderId != null) {
            entry.orderId = orderId;
        }
        return entry.requests.incrementAndGet();
    }

    void fault(String webhookId, Fault fault) {
        entry(webhookId).faults.computeIfAbsent(fault, f -> new AtomicInteger()).incrementAndGet();
    }

    void forwarded(String webhookId, boolean receiverAccepted) {
        Entry entry = entry(webhookId);
        entry.forwarded.incrementAndGet();
        if (receiverAccepted) {
            entry.receiverAccepted.incrementAndGet();
        }
    }

    void acknowledged(String webhookId) {
        if (entry(webhookId).acknowledged.incrementAndGet() > 1) {
            acknowledgedAgainAt.add(System.nanoTime());
        }
    }

    /** {@link System#nanoTime()} of every acknowledgement of a webhook id that had been acknowledged before. */
    public java.util.List<Long> acknowledgedAgainAt() {
        return java.util.List.copyOf(acknowledgedAgainAt);
    }

    private Entry entry(String webhookId) {
        return byWebhookId.computeIfAbsent(webhookId, id -> new Entry());
    }

    /** A consistent-enough summary for a report (read while traffic may still flow). */
    public Tally tally() {
        Collection<Entry> entries = byWebhookId.values();
        Map<Fault, Integer> faults = new EnumMap<>(Fault.class);
        for (Entry e : entries) {
            e.faults.forEach((fault, count) -> faults.merge(fault, count.get(), Integer::sum));
        }
        Set<String> acknowledgedOrders = entries.stream().filter(e -> e.acknowledged.get() > 0 && e.orderId != null)
                .map(e -> e.orderId).collect(Collectors.toUnmodifiableSet());
        Map<String, Long> webhooksPerOrder = entries.stream().filter(e -> e.orderId != null)
                .collect(Collectors.groupingBy(e -> e.orderId, Collectors.counting()));
        return new Tally(entries.size(), sum(entries, e -> e.requests), faults, sum(entries, e -> e.forwarded),
                sum(entries, e -> e.receiverAccepted), sum(entries, e -> e.acknowledged),
                (int) entries.stream().filter(e -> e.acknowledged.get() > 1).count(),
                (int) webhooksPerOrder.values().stream().filter(n -> n > 1).count(), acknowledgedOrders);
    }

    private static int sum(Collection<Entry> entries, java.util.function.Function<Entry, AtomicInteger> field) {
        return entries.stream().mapToInt(e -> field.apply(e).get()).sum();
    }

    private static final class Entry {
        volatile String orderId;
        final AtomicInteger requests = new AtomicInteger();
        final Map<Fault, AtomicInteger> faults = new ConcurrentHashMap<>();
        final AtomicInteger forwarded = new AtomicInteger();
        final AtomicInteger receiverAccepted = new AtomicInteger();
        final AtomicInteger acknowledged = new AtomicInteger();
    }

    /**
     * @param webhookIds distinct webhook ids (events) seen
     * @param requests every request that reached the proxy
     * @param faults injected faults by kind
     * @param forwarded requests passed on to the receiver
     * @param receiverAccepted forwarded requests the receiver answered with 2xx
     * @param acknowledged 2xx answers passed back to the dispatcher
     * @param acknowledgedAgain webhook ids acknowledged more than once (sent again after a success)
     * @param ordersWithSeveralWebhookIds orders whose webhooks came with more than one id (a doubled event)
     * @param acknowledgedOrders orders with at least one acknowledged webhook
     */
    public record Tally(int webhookIds, int requests, Map<Fault, Integer> faults, int forwarded,
            int receiverAccepted, int acknowledged, int acknowledgedAgain, int ordersWithSeveralWebhookIds,
            Set<String> acknowledgedOrders) {

        public int faults(Fault fault) {
            return faults.getOrDefault(fault, 0);
        }
    }
}

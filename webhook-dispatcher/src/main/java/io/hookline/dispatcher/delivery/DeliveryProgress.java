package io.hookline.dispatcher.delivery;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Remembers, per event id, which endpoints already answered 2xx, so that a retried record is not sent
 * again to them. Entries are forgotten when the record completes (delivered or dead-lettered); the map is
 * bounded, evicting the oldest event first, so a crash-free but leaky path can never grow it without
 * limit (an evicted entry only costs a duplicate delivery, which receivers dedupe on {@code webhook-id}).
 * In memory only: after a restart or a partition move a retried event may reach an endpoint twice.
 * Thread-safe (listener threads share it).
 */
@Component
public class DeliveryProgress {

    /** Far more than the records that can be in retry at once (one per partition of this process). */
    static final int MAX_EVENTS = 10_000;

    private final Map<UUID, Set<String>> delivered = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Set<String>> eldest) {
            return size() > MAX_EVENTS;
        }
    };

    public synchronized boolean isDelivered(UUID eventId, String endpointName) {
        Set<String> endpoints = delivered.get(eventId);
        return endpoints != null && endpoints.contains(endpointName);
    }

    public synchronized void markDelivered(UUID eventId, String endpointName) {
        delivered.computeIfAbsent(eventId, id -> new HashSet<>()).add(endpointName);
    }

    /** Called when the event's record is done with, either way. */
    public synchronized void forget(UUID eventId) {
        delivered.remove(eventId);
    }

    synchronized int size() {
        return delivered.size();
    }
}

package io.hookline.dispatcher.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What happened to each endpoint's deliveries minute by minute over the last hour, in this instance's memory
 * (each instance sees its own deliveries only; a restart forgets): the console's chart. The delivery path calls
 * {@link #delivered}, {@link #failed} and {@link #deferred} once per attempt or deferral.
 *
 * <p>Threading: every method may be called from any thread at any rate. Recording takes no lock: a map lookup,
 * a read of the endpoint's ring of 60 minute buckets, and two or three atomic increments; the first record of a
 * new minute replaces that slot's bucket with one compare-and-set. Memory is bounded: at most
 * {@value #MAX_ENDPOINTS} endpoints are tracked (more are not recorded, with one warning), each at most 60
 * buckets of about 170 bytes, and endpoints with nothing in the last hour are forgotten every minute.
 */
@Component
public class OutcomeHistory {

    static final int MINUTES = 60;
    static final int MAX_ENDPOINTS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(OutcomeHistory.class);

    private final ConcurrentMap<String, AtomicReferenceArray<MinuteBucket>> endpoints = new ConcurrentHashMap<>();
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private final Clock clock;

    public OutcomeHistory(Clock clock) {
        this.clock = clock;
    }

    /** An attempt answered 2xx after {@code latencyMs}. */
    public void delivered(String endpointId, long latencyMs) {
        MinuteBucket bucket = bucket(endpointId);
        if (bucket != null) {
            bucket.delivered(latencyMs);
        }
    }

    /** An attempt failed (another answer, or none) after {@code latencyMs}. */
    public void failed(String endpointId, long latencyMs) {
        MinuteBucket bucket = bucket(endpointId);
        if (bucket != null) {
            bucket.failed(latencyMs);
        }
    }

    /** A delivery was handed on without an attempt (the endpoint at its cap, or its circuit open). */
    public void deferred(String endpointId) {
        MinuteBucket bucket = bucket(endpointId);
        if (bucket != null) {
            bucket.deferred();
        }
    }

    /** The last {@code minutes} minutes (1 to 60), oldest first, the current one last; empty minutes as zeros. */
    public List<MinuteOutcomes> history(String endpointId, int minutes) {
        int count = Math.clamp(minutes, 1, MINUTES);
        long now = currentMinute();
        AtomicReferenceArray<MinuteBucket> ring = endpoints.get(endpointId);
        List<MinuteOutcomes> history = new ArrayList<>(count);
        for (long minute = now - count + 1; minute <= now; minute++) {
            MinuteBucket bucket = ring == null ? null : ring.get(slot(minute));
            history.add(bucket != null && bucket.minute() == minute ? bucket.snapshot() : MinuteBucket.empty(minute));
        }
        return history;
    }

    /** Forgets endpoints with nothing recorded in the last hour, so memory follows the active endpoints. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetIdle() {
        long oldest = currentMinute() - MINUTES + 1;
        endpoints.entrySet().removeIf(entry -> newest(entry.getValue()) < oldest);
    }

    private MinuteBucket bucket(String endpointId) {
        AtomicReferenceArray<MinuteBucket> ring = endpoints.get(endpointId);
        if (ring == null) {
            if (endpoints.size() >= MAX_ENDPOINTS) {
                if (warnedFull.compareAndSet(false, true)) {
                    log.warn("Outcome history tracks {} endpoints already; {} and later ones are not charted",
                            MAX_ENDPOINTS, endpointId);
                }
                return null;
            }
            ring = endpoints.computeIfAbsent(endpointId, id -> new AtomicReferenceArray<>(MINUTES));
        }
        long minute = currentMinute();
        int slot = slot(minute);
        while (true) {
            MinuteBucket bucket = ring.get(slot);
            if (bucket != null && bucket.minute() == minute) {
                return bucket;
            }
            if (bucket != null && bucket.minute() > minute) {
                return null;
            }
            MinuteBucket fresh = new MinuteBucket(minute);
            if (ring.compareAndSet(slot, bucket, fresh)) {
                return fresh;
            }
        }
    }

    private static long newest(AtomicReferenceArray<MinuteBucket> ring) {
        long newest = Long.MIN_VALUE;
        for (int i = 0; i < ring.length(); i++) {
            MinuteBucket bucket = ring.get(i);
            if (bucket != null) {
                newest = Math.max(newest, bucket.minute());
            }
        }
        return newest;
    }

    private long currentMinute() {
        return Math.floorDiv(clock.millis(), 60_000L);
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) MINUTES);
    }
}

package io.hookline.dispatcher.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * One backlog measurement at /healthy: distinct events per second and process CPU per delivery over a window
 * that opens once {@code warm} events have arrived and closes at the last of {@code events} (or after
 * {@code window}, whichever comes first). {@code complete} says whether every event arrived in the window. With
 * {@code recorded}, the window (and only the window) is recorded by a {@link FlightRecording}, if one was requested.
 */
record BacklogRate(double perSecond, double cpuMicrosPerDelivery, int delivered, boolean complete) {

    static BacklogRate measure(BenchEndpoints endpoints, int warm, int events, Duration window, boolean recorded) {
        BenchWaits.awaitUntil(() -> endpoints.healthyDelivered() >= warm, Duration.ofSeconds(90));
        try (FlightRecording recording = recorded ? FlightRecording.startIfRequested() : null) {
            return measureWindow(endpoints, events, window);
        }
    }

    private static BacklogRate measureWindow(BenchEndpoints endpoints, int events, Duration window) {
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        int before = endpoints.healthyDelivered();
        boolean complete = BenchWaits.waitFor(() -> endpoints.healthyDelivered() >= events, window);
        long end = complete ? endpoints.lastHealthyNanos() : System.nanoTime();
        long cpuUsed = ProcessCpu.nanos() - cpu;
        int delivered = endpoints.healthyDelivered() - before;
        return new BacklogRate(delivered / ((end - start) / 1e9), cpuUsed / 1000.0 / Math.max(1, delivered), delivered,
                complete);
    }

    String rate() {
        return String.format(Locale.ROOT, "%,.1f", perSecond);
    }

    String cpu() {
        return String.format(Locale.ROOT, "%,.0f", cpuMicrosPerDelivery);
    }
}

package io.hookline.orders.bench;

import io.hookline.orders.TestApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load: {@code concurrency} workers, each creating an order and paying it with {@code tok_visa}, one
 * pair after another, until {@code pairs} pairs are done or the deadline passes. Records every request's latency.
 */
final class LoadDriver {

    private static final Pattern ID = Pattern.compile("\"id\":\"(ord_[0-9a-f]{32})\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    LoadDriver(URI base) {
        this.base = base;
    }

    /** The outcome of one run. */
    record Run(long[] createMicros, long[] payMicros, Map<String, Long> paidOrders, int errors, long elapsedNanos) {
    }

    Run run(int pairs, int concurrency, long deadlineNanos) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Long> paid = new ConcurrentHashMap<>();
        List<long[]> creates = new ArrayList<>();
        List<long[]> pays = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            List<Future<long[][]>> results = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                results.add(workers.submit(() -> work(pairs, next, errors, paid, deadlineNanos)));
            }
            for (Future<long[][]> result : results) {
                long[][] samples = result.get();
                creates.add(samples[0]);
                pays.add(samples[1]);
            }
        }
        return new Run(flatten(creates), flatten(pays), paid, errors.get(), System.nanoTime() - start);
    }

    private long[][] work(int pairs, AtomicInteger next, AtomicInteger errors, Map<String, Long> paid,
            long deadlineNanos) throws Exception {
        long[] create = new long[pairs];
        long[] pay = new long[pairs];
        int n = 0;
        while (next.getAndIncrement() < pairs && System.nanoTime() < deadlineNanos) {
            long t0 = System.nanoTime();
            HttpResponse<String> created = post("/orders", """
                    {"customer_email":"bench@example.com","product_name":"Mechanical keyboard","quantity":2,\
                    "unit_price":"29.99","currency":"USD"}""");
            long t1 = System.nanoTime();
            Matcher id = ID.matcher(created.body());
            if (created.statusCode() != 201 || !id.find()) {
                errors.incrementAndGet();
                continue;
            }
            HttpResponse<String> payment = post("/orders/" + id.group(1) + "/payment",
                    "{\"payment_method\":\"tok_visa\"}");
            long t2 = System.nanoTime();
            if (payment.statusCode() != 200) {
                errors.incrementAndGet();
                continue;
            }
            create[n] = (t1 - t0) / 1000;
            pay[n] = (t2 - t1) / 1000;
            n++;
            paid.put(id.group(1), System.currentTimeMillis());
        }
        return new long[][] {java.util.Arrays.copyOf(create, n), java.util.Arrays.copyOf(pay, n)};
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                // the development client of application.yml: orders-api runs in its default profile here
                .header("Authorization", TestApiKeys.CLIENT_BEARER)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long[] flatten(List<long[]> parts) {
        return parts.stream().flatMapToLong(java.util.Arrays::stream).toArray();
    }
}

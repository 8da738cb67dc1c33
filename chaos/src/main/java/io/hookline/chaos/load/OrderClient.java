package io.hookline.chaos.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shop's client of orders-api that does what a careful client does when the API crashes under it: every
 * request carries an {@code Idempotency-Key}, and a request that got no answer (connection refused or reset,
 * timeout), a 5xx, a 409 {@code idempotency-key-in-use} or a 429 is sent again with the same key after a
 * growing, jittered back-off, until it is answered or the order's deadline passes. Thread-safe.
 */
public final class OrderClient {

    private static final Pattern ORDER_ID = Pattern.compile("\"id\"\\s*:\\s*\"(ord_[0-9A-Za-z]+)\"");
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<URI> bases;
    private final String apiKey;
    private final String runId;
    private final AtomicLong retries = new AtomicLong();

    /** @param apiKey the orders-api key every request sends as {@code Authorization: Bearer} */
    public OrderClient(URI base, String apiKey, String runId) {
        this(List.of(base), apiKey, runId);
    }

    /** Order {@code n} goes to {@code bases[n % size]} (several orders-api instances on one database). */
    public OrderClient(List<URI> bases, String apiKey, String runId) {
        this.bases = List.copyOf(bases);
        this.apiKey = apiKey;
        this.runId = runId;
    }

    /** Creates order {@code n} and pays it; returns its id, or throws {@link OrderFailedException}. */
    public String createAndPay(int n, long deadlineNanos, Random jitter) throws InterruptedException {
        URI base = bases.get(n % bases.size());
        String created = send(base, "/orders", runId + "-" + n + "-create", """
                {"customer_email":"customer%d@example.com","product_name":"Chaos monkey","quantity":1,\
                "unit_price":"9.99","currency":"USD"}""".formatted(n), 201, deadlineNanos, jitter);
        Matcher id = ORDER_ID.matcher(created);
        if (!id.find()) {
            throw new OrderFailedException("order " + n + ": no id in " + created);
        }
        String orderId = id.group(1);
        send(base, "/orders/" + orderId + "/payment", runId + "-" + n + "-pay", "{\"payment_method\":\"tok_visa\"}",
                200, deadlineNanos, jitter);
        return orderId;
    }

    /** Requests sent again after no answer or a retryable answer. */
    public long retries() {
        return retries.get();
    }

    private String send(URI base, String path, String key, String json, int expected, long deadlineNanos,
            Random jitter) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        String last = "no attempt";
        for (int attempt = 0; System.nanoTime() < deadlineNanos; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
                Thread.sleep(backoff(attempt, jitter));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return response.body();
                }
                last = response.statusCode() + " " + response.body();
                if (!retryable(response.statusCode())) {
                    throw new OrderFailedException(path + " answered " + last);
                }
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
        }
        throw new OrderFailedException(path + " not answered before the deadline; last: " + last);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 409 || status == 429;
    }

    private static long backoff(int attempt, Random jitter) {
        long base = Math.min(MAX_BACKOFF.toMillis(), 100L << Math.min(attempt - 1, 5));
        return base / 2 + (long) (jitter.nextDouble() * base / 2);
    }

    /** An order that could not be created and paid. */
    public static final class OrderFailedException extends RuntimeException {
        OrderFailedException(String message) {
            super(message);
        }
    }
}

package io.hookline.chaos.measure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks orders-api what it holds: its outbox backlog (the {@code hookline_outbox_unpublished} gauge) and, by
 * walking {@code GET /orders} page by page, how many orders it created and how many are paid, so that a second
 * order created by a retried request would show (the orders of the client whose key it holds). Thread-safe.
 */
public final class OrdersApiProbe {

    private static final Pattern UNPUBLISHED = Pattern.compile("(?m)^hookline_outbox_unpublished(?:\\{[^}]*})? (\\S+)");
    private static final Pattern ORDER = Pattern.compile("\"id\"\\s*:\\s*\"ord_");
    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;
    private final String apiKey;

    /** @param apiKey the key of the client whose orders are counted (sent as {@code Authorization: Bearer}) */
    public OrdersApiProbe(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    /** Outbox rows not yet published to Kafka, or -1 when orders-api does not answer. */
    public long outboxBacklog() throws InterruptedException {
        try {
            Matcher gauge = UNPUBLISHED.matcher(get("/actuator/prometheus"));
            return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Orders orders-api holds with this status ({@code null}: every status). */
    public long count(String status) throws IOException, InterruptedException {
        long count = 0;
        String cursor = null;
        do {
            String page = get("/orders?limit=100" + (status == null ? "" : "&status=" + status)
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            count += ORDER.matcher(page).results().count();
            Matcher next = CURSOR.matcher(page);
            cursor = page.contains("\"has_more\":true") && next.find() ? next.group(1) : null;
        } while (cursor != null);
        return count;
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + apiKey)
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response.body();
    }
}

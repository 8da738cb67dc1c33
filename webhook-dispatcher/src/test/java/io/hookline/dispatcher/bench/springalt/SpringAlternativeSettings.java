package io.hookline.dispatcher.bench.springalt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run of the Spring alternative owns: the broker, its topics (the events topic it reads, the
 * deliveries topic its fan-out writes, whose retry and dead-letter topics {@code @RetryableTopic}'s machinery
 * names), the prefix of its consumer group ids, the endpoints by name, the signing secret, the retry delays and
 * the per-attempt timeout.
 */
public record SpringAlternativeSettings(String bootstrapServers, String eventsTopic, String deliveriesTopic,
        String groupPrefix, Map<String, String> endpointUrls, String secret, List<Duration> retryDelays,
        Duration attemptTimeout) {

    /** Partitions of every topic of the run; the listeners' concurrency (one consumer per partition). */
    public static final int PARTITIONS = 3;
    /** {@code max.poll.records}: with async acks, the records one consumer has in flight at most. */
    public static final int MAX_POLL_RECORDS = 500;

    /** The names Spring Kafka derives for the retry topics ({@code -retry-0} ...) and the dead-letter topic. */
    public record RetryTopics(List<String> retry, String deadLetter) {
    }

    public static RetryTopics retryTopics(String deliveriesTopic, int retries) {
        List<String> retry = new ArrayList<>();
        for (int n = 0; n < retries; n++) {
            retry.add(deliveriesTopic + "-retry-" + n);
        }
        return new RetryTopics(retry, deliveriesTopic + "-dlt");
    }

    /** Every topic of the run but the events topic: deliveries, its retry topics and its dead-letter topic. */
    public List<String> topicsToCreate() {
        RetryTopics derived = retryTopics(deliveriesTopic, retryDelays.size());
        List<String> names = new ArrayList<>(List.of(deliveriesTopic, derived.deadLetter()));
        names.addAll(derived.retry());
        return names;
    }
}

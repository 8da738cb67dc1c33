package io.hookline.dispatcher.bench;

import io.hookline.dispatcher.bench.BenchTopics.RetryAndDeadLetterRecords;
import io.hookline.dispatcher.bench.PartialFailureRow.TroubledOutcome;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Prints the partial-failure section's markdown table (the benchmark's report: standard output on purpose). */
final class PartialFailureReport {

    private PartialFailureReport() {
    }

    /** One line with the time, the machine's cores and load, to print before and after the section. */
    static String machineLine(String when) {
        return String.format(Locale.ROOT, "[bench] partial-failure section %s: %s, %d cores, load average %.2f",
                when, Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static void print(List<PartialFailureRow> rows, int rate, String retryDelays) {
        PartialFailureRow solo = rows.getFirst();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nPartial failure: %,d events per row offered at %d/s to a healthy 50 ms endpoint and, from the"
                        + " second row on, a troubled one; retry delays %s; flaky rows wait at most %d s after the"
                        + " last event, the others %d s; %d cores%n%n", solo.offered(), rate, retryDelays,
                PartialFailureBenchmark.FLAKY_WAIT.toSeconds(), PartialFailureBenchmark.OBSERVATION_TAIL.toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        table.append("| troubled endpoint | healthy deliveries/s (% of solo, target >= 90 %) | healthy p99 |"
                + " troubled goodput, acked ids/s | troubled acked / offered (requests that reached it) |"
                + " Kafka records retry + DLT = total | records per delivered event | all acknowledged after |\n");
        table.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> table.append("| ").append(String.join(" | ", cells(row, solo))).append(" |\n"));
        System.out.print(table);
    }

    private static List<String> cells(PartialFailureRow row, PartialFailureRow solo) {
        String healthyRate = String.format(Locale.ROOT, "%,.1f", row.healthy().perSecond())
                + (row == solo ? " (solo)" : String.format(Locale.ROOT, " (%.0f %%)",
                        100 * row.healthy().perSecond() / solo.healthy().perSecond()))
                + (row.healthy().delivered() < row.offered()
                        ? String.format(Locale.ROOT, ", only %,d of %,d", row.healthy().delivered(), row.offered())
                        : "");
        String p99 = String.format(Locale.ROOT, "%.1f ms", row.healthy().p99Millis());
        TroubledOutcome troubled = row.troubled();
        if (troubled == null) {
            return List.of("none (healthy endpoint alone)", healthyRate, p99, "—", "—", records(row.records()), "—",
                    "—");
        }
        return List.of(row.trouble().description(), healthyRate, p99,
                String.format(Locale.ROOT, "%,.1f", troubled.goodput()),
                String.format(Locale.ROOT, "%,d / %,d (%,d)", troubled.acknowledged(), row.offered(),
                        troubled.requests()),
                records(row.records()), perDelivered(row), allAcknowledged(row));
    }

    private static String records(RetryAndDeadLetterRecords records) {
        return String.format(Locale.ROOT, "%,d + %,d = %,d", records.retry(), records.deadLetter(), records.total());
    }

    private static String perDelivered(PartialFailureRow row) {
        long total = row.records().total();
        int delivered = row.troubled().acknowledged();
        if (delivered == 0) {
            return String.format(Locale.ROOT, "n/a, none delivered (%.2f per offered event)",
                    (double) total / row.offered());
        }
        return String.format(Locale.ROOT, "%.2f", (double) total / delivered);
    }

    private static String allAcknowledged(PartialFailureRow row) {
        TroubledOutcome troubled = row.troubled();
        if (!row.trouble().canDeliverEverything()) {
            return String.format(Locale.ROOT, "— (cannot succeed; observed %.0f s after the last event)",
                    troubled.waitedAfterOffer());
        }
        if (Double.isNaN(troubled.secondsToAll())) {
            return String.format(Locale.ROOT, "**not within %.0f s** after the last event: %,d of %,d",
                    troubled.waitedAfterOffer(), troubled.acknowledged(), row.offered());
        }
        return String.format(Locale.ROOT, "%.1f s from the first event (%.1f s after the last)",
                troubled.secondsToAll(), troubled.secondsToAll() - row.offerSeconds());
    }
}

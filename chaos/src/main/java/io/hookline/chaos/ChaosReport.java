package io.hookline.chaos;

import io.hookline.chaos.measure.OrderEventsAudit;
import io.hookline.chaos.proxy.Fault;
import io.hookline.chaos.proxy.WebhookLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a chaos run measured, the invariants it checks ({@link #violations()}) and the text it prints.
 *
 * @param settings the run's settings
 * @param chaos what was done and when
 * @param chaosFailures steps that could not be carried out (a service that did not come back)
 * @param ordersPaid orders the clients created and paid
 * @param orderFailures orders the clients gave up on, with the reason
 * @param clientRetries requests the clients sent again
 * @param apiOrders orders orders-api holds (every status); -1 if it could not be asked
 * @param apiPaid orders orders-api holds as paid; -1 if it could not be asked
 * @param mail the e-mails per paid order
 * @param webhooksAcknowledged paid orders whose webhook was acknowledged (2xx back to the dispatcher) via the proxy
 * @param proxy what the proxy saw and did
 * @param acknowledgedAgainAfter acknowledgements of already acknowledged webhooks, by the chaos step they followed
 * @param deadLetters records on each dead-letter topic
 * @param events what the outbox relays published on {@code orders.events}
 * @param drained whether the platform finished its work before the drain deadline
 * @param placementSeconds from the first order to the last payment
 * @param drainSeconds from the last payment to the end of the work (or to the deadline)
 * @param totalSeconds from the first order to the end of the drain
 */
record ChaosReport(ChaosSettings settings, List<String> chaos, List<String> chaosFailures, int ordersPaid,
        List<String> orderFailures, long clientRetries, long apiOrders, long apiPaid, MailCount mail,
        int webhooksAcknowledged, WebhookLedger.Tally proxy, Map<String, Integer> acknowledgedAgainAfter,
        Map<String, Long> deadLetters, OrderEventsAudit events, boolean drained,
        double placementSeconds, double drainSeconds, double totalSeconds) {

    /** The invariants that failed; empty when the run passed. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        check(violations, chaosFailures.isEmpty(), "chaos steps failed: " + chaosFailures);
        check(violations, ordersPaid == settings.orders(), (settings.orders() - ordersPaid) + " orders not paid");
        check(violations, apiOrders == settings.orders() && apiPaid == settings.orders(),
                "orders-api holds " + apiOrders + " orders, " + apiPaid + " paid, for " + settings.orders() + " placed");
        check(violations, mail.lost() == 0, mail.lost() + " paid orders without an e-mail");
        check(violations, mail.duplicated() == 0, mail.duplicated() + " orders e-mailed more than once");
        check(violations, webhooksAcknowledged == ordersPaid,
                (ordersPaid - webhooksAcknowledged) + " paid orders without an acknowledged webhook");
        long dead = deadLetters.values().stream().mapToLong(Long::longValue).sum();
        check(violations, dead == 0, dead + " dead letters " + deadLetters);
        check(violations, events.paidWithoutEvent() == 0,
                events.paidWithoutEvent() + " paid orders without an order.paid event on orders.events");
        check(violations, drained, "not drained within " + settings.drainDeadline().toSeconds() + " s");
        return violations;
    }

    private static void check(List<String> violations, boolean holds, String otherwise) {
        if (!holds) {
            violations.add(otherwise);
        }
    }

    String render() {
        StringJoiner out = new StringJoiner("\n", "\n", "\n");
        out.add("== hookline chaos run: " + settings.orders() + " orders ==");
        out.add(String.format("settings: %.0f orders/s, %d clients, seed %d; proxy faults on a webhook's first %d "
                        + "requests: %.0f %% closed, %.0f %% hung, %.0f %% acks lost; kills %s; broker restart %s; "
                        + "SMTP outage %d s; dispatcher retry delays %s", settings.ordersPerSecond(), settings.clients(),
                settings.seed(), settings.faults().faultyRequests(), settings.faults().close() * 100,
                settings.faults().hang() * 100, settings.faults().loseAck() * 100, settings.kills(),
                settings.brokerRestart() ? settings.brokerDowntime().toSeconds() + " s down" : "no",
                settings.smtpOutage().toSeconds(), settings.dispatcherRetryDelays() == null ? "default (5s, 5m, 30m, "
                        + "2h, 5h, 10h, 10h)" : settings.dispatcherRetryDelays()));
        out.add("topology: " + settings.topology().describe());
        out.add("chaos:");
        chaos.forEach(line -> out.add("  " + line));
        out.add(String.format("orders paid:            %d of %d (client retries %d, gave up %d)", ordersPaid,
                settings.orders(), clientRetries, orderFailures.size()));
        out.add(String.format("orders in orders-api:   %d, of which paid %d", apiOrders, apiPaid));
        out.add(String.format("e-mails sent:           %d for %d orders: exactly one %d, lost %d, duplicated %d "
                        + "(extra e-mails %d, %d of them with the same Message-ID), for no paid order %d", mail.sent(),
                ordersPaid, mail.ordersEmailed() - mail.duplicated(), mail.lost(), mail.duplicated(), mail.extra(),
                mail.extraWithSameMessageId(), mail.unknown()));
        out.add(String.format("webhooks acknowledged:  %d of %d paid orders (proxy: %d requests for %d webhook ids; "
                        + "closed %d, hung %d, acks lost %d; forwarded %d, receiver 2xx %d, acknowledged %d; "
                        + "acknowledged again %d; orders with several webhook ids %d)", webhooksAcknowledged, ordersPaid,
                proxy.requests(), proxy.webhookIds(), proxy.faults(Fault.CLOSE), proxy.faults(Fault.HANG),
                proxy.faults(Fault.LOSE_ACK), proxy.forwarded(), proxy.receiverAccepted(), proxy.acknowledged(),
                proxy.acknowledgedAgain(), proxy.ordersWithSeveralWebhookIds()));
        if (!acknowledgedAgainAfter.isEmpty()) {
            out.add("  acknowledged again, by the last chaos step before:");
            acknowledgedAgainAfter.forEach((step, count) -> out.add(String.format("    %5d after %s", count, step)));
        }
        out.add(String.format("duplicate deliveries:   %d (webhooks acknowledged more than once; at-least-once allows "
                + "them, the receiver's dedupe keeps them from e-mailing twice)", proxy.acknowledgedAgain()));
        out.add(String.format("orders.events:          %d records, %d event ids, %d published again, %d paid orders "
                        + "without an order.paid event, %d orders with several order.paid events", events.records(),
                events.eventIds(), events.republished(), events.paidWithoutEvent(), events.ordersWithSeveralEvents()));
        StringJoiner dead = new StringJoiner(", ");
        deadLetters.forEach((topic, count) -> dead.add(topic + " " + count));
        out.add("dead letters:           " + dead);
        out.add(String.format("time:                   orders placed and paid in %.0f s; drained %.0f s after the "
                + "last payment%s; total %.0f s", placementSeconds, drainSeconds, drained ? "" : " (NOT drained)",
                totalSeconds));
        orderFailures.stream().limit(5).forEach(failure -> out.add("  gave up: " + failure));
        if (settings.orders() >= 10_000) {
            out.add(String.format("target:                 10,000 orders in under 15 min: %s (%.1f min)",
                    totalSeconds < 900 ? "met" : "missed", totalSeconds / 60));
        }
        List<String> violations = violations();
        out.add(violations.isEmpty() ? "result: PASSED (0 lost, 0 duplicated, all acknowledged, 0 dead letters)"
                : "result: FAILED: " + String.join("; ", violations));
        return out.toString();
    }
}

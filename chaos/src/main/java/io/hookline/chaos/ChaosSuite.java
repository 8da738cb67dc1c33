package io.hookline.chaos;

import io.hookline.chaos.load.OrderClient;
import io.hookline.chaos.load.OrderLoad;
import io.hookline.chaos.measure.KafkaLedger;
import io.hookline.chaos.measure.OrderEventsAudit;
import io.hookline.chaos.measure.OrdersApiProbe;
import io.hookline.chaos.proxy.WebhookLedger;
import io.hookline.chaos.stack.ChaosStack;
import io.hookline.localstack.StackSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chaos run, phase by phase, each with a deadline: start the stack; place the orders while the
 * {@link ChaosSchedule} kills and restarts; wait for the schedule's last step; drain; count. Always stops what
 * it started.
 */
public final class ChaosSuite {

    private static final Logger log = LoggerFactory.getLogger(ChaosSuite.class);
    private static final Duration POLL = Duration.ofSeconds(2);

    private ChaosSuite() {
    }

    public static ChaosReport run(ChaosSettings settings) throws IOException, InterruptedException {
        log.info("Starting the stack for {} orders in {}", settings.orders(), settings.dataDir());
        try (ChaosStack stack = ChaosStack.start(settings);
                KafkaLedger kafka = new KafkaLedger(stack.bootstrapServers())) {
            ChaosLog chaos = new ChaosLog();
            OrderLoad load = new OrderLoad(new OrderClient(stack.ordersApis(),
                    StackSettings.DEVELOPMENT_ORDERS_API_KEY, "chaos-" + settings.seed()),
                    settings.orders(), settings.ordersPerSecond(), settings.clients(), settings.seed(),
                    settings.orderDeadline());
            CompletableFuture<Void> schedule = new ChaosSchedule(settings, stack, chaos).start(load::progress);
            long start = System.nanoTime();
            if (!load.run(settings.placementDeadline())) {
                chaos.failed("orders not all placed within " + settings.placementDeadline().toSeconds() + " s");
            }
            awaitSchedule(schedule, settings, chaos);
            long lastPaid = Math.max(load.lastPaidNanos(), start);
            Set<String> paid = load.paidOrderIds();
            chaos.note(paid.size() + " orders paid; draining");
            OrdersApiProbe orders = new OrdersApiProbe(stack.ordersApi(), StackSettings.DEVELOPMENT_ORDERS_API_KEY);
            boolean drained = drain(stack, kafka, orders, paid, settings.drainDeadline());
            long end = System.nanoTime();
            chaos.note(drained ? "drained" : "drain deadline passed");
            WebhookLedger.Tally proxy = stack.proxy().ledger().tally();
            OrderEventsAudit events = OrderEventsAudit.of(stack.bootstrapServers(), paid);
            return new ChaosReport(settings, chaos.lines(), chaos.failures(), paid.size(), load.failures(),
                    load.retries(), count(orders, null), count(orders, "paid"),
                    MailCount.of(paid, stack.mail().received()),
                    (int) paid.stream().filter(proxy.acknowledgedOrders()::contains).count(), proxy,
                    chaos.countByLastNote(stack.proxy().ledger().acknowledgedAgainAt()), kafka.deadLetters(),
                    events, drained, (lastPaid - start) / 1e9, (end - lastPaid) / 1e9, (end - start) / 1e9);
        }
    }

    private static void awaitSchedule(CompletableFuture<Void> schedule, ChaosSettings settings, ChaosLog chaos)
            throws InterruptedException {
        Duration limit = settings.startTimeout().multipliedBy(settings.topology().isCluster() ? 4 : 2)
                .plus(settings.smtpOutage())
                .plus(settings.brokerDowntime());
        try {
            schedule.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            chaos.failed("the chaos schedule did not finish within " + limit.toSeconds() + " s of the last order");
        } catch (ExecutionException e) {
            chaos.failed("the chaos schedule broke: " + e.getCause());
        }
    }

    /**
     * Waits until the platform has finished: no consumer group behind the end of its topics, an empty outbox, and
     * every paid order e-mailed and acknowledged. Kafka being quiet is not enough: the receiver keeps e-mails that
     * wait out an SMTP outage in its database, retrying with back-off, where no consumer lag shows them. A run in
     * which something was lost therefore waits for the drain deadline and then reports what is missing.
     */
    private static boolean drain(ChaosStack stack, KafkaLedger kafka, OrdersApiProbe orders, Set<String> paid,
            Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < until) {
            Map<String, Long> unfinished = unfinished(kafka);
            long backlog = orders.outboxBacklog();
            boolean quiet = unfinished.isEmpty() && backlog == 0;
            MailCount mail = MailCount.of(paid, stack.mail().received());
            boolean complete = mail.lost() == 0
                    && stack.proxy().ledger().tally().acknowledgedOrders().containsAll(paid);
            log.info("draining: unfinished records {}, outbox {}, {} of {} orders e-mailed", unfinished, backlog,
                    mail.ordersEmailed(), paid.size());
            if (quiet && complete) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private static Map<String, Long> unfinished(KafkaLedger kafka) throws InterruptedException {
        try {
            return kafka.unfinished();
        } catch (IllegalStateException brokerNotAnswering) {
            return Map.of("(broker not answering)", -1L);
        }
    }

    private static long count(OrdersApiProbe orders, String status) throws InterruptedException {
        try {
            return orders.count(status);
        } catch (IOException e) {
            return -1;
        }
    }
}

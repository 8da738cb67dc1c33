package io.hookline.receiver.mail;

import io.hookline.receiver.notification.NewNotifications;
import io.hookline.receiver.notification.Notification;
import io.hookline.receiver.notification.NotificationStore;
import io.hookline.support.logging.LogFields;
import io.hookline.support.supervision.LoopContext;
import io.hookline.support.supervision.LoopSupervisor;
import io.hookline.support.supervision.SupervisedLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The e-mail senders: {@code hookline.receiver.mail.senders} supervised loops ({@code confirmation-sender-0}, ...), each
 * repeatedly taking the due notifications ({@link NotificationStore#due}), claiming them one at a time with a lease
 * ({@link NotificationStore#claim}, {@code now + hookline.receiver.mail.sending-lease}) and handing each claimed one to
 * {@link ConfirmationDelivery}. A failing address or a slow server holds up only the sender busy with it, for at
 * most {@code hookline.receiver.mail.send-deadline}; the others go on, and a failed e-mail waits in the database, not in a
 * Kafka partition. Several instances sharing the database share the work; the claim decides who sends.
 *
 * <p>Failure contract: an exception while attempting one notification (e.g. the dead-letter topic away while
 * parking) is logged and the loop goes on; the notification stays claimed until its lease ends. An exception
 * outside that (the database away while looking for due rows) ends the loop's run: the {@link LoopSupervisor}
 * restarts it with back-off and readiness is DOWN naming the loop until it runs again.
 *
 * <p>Threading: each loop on its own platform thread; {@link #start()} and {@link #stop()} on the lifecycle's.
 */
@Component
class ConfirmationSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationSender.class);
    static final String LOOP_PREFIX = "confirmation-sender-";

    private final NotificationStore store;
    private final ConfirmationDelivery delivery;
    private final NewNotifications newNotifications;
    private final LoopSupervisor supervisor;
    private final ConfirmationMailProperties properties;
    private final Clock clock;
    private final List<SupervisedLoop> loops = new ArrayList<>();
    /** The rows this process's senders are claiming or attempting right now (the database decides the claim). */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    ConfirmationSender(NotificationStore store, ConfirmationDelivery delivery, NewNotifications newNotifications,
            LoopSupervisor supervisor, ConfirmationMailProperties properties, Clock clock) {
        this.store = store;
        this.delivery = delivery;
        this.newNotifications = newNotifications;
        this.supervisor = supervisor;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        for (int i = 0; i < properties.senders(); i++) {
            int index = i;
            loops.add(supervisor.start(LOOP_PREFIX + i, context -> run(index, context)));
        }
    }

    private void run(int index, LoopContext context) {
        try (SmtpConnection connection = delivery.connection()) {
            while (!context.stopping()) {
                int attempted = pass(index, context, connection);
                context.progress();
                if (attempted == 0 && !context.stopping()) {
                    connection.close(); // idle: hold no connection open while nothing is due
                    newNotifications.await(properties.pollInterval());
                }
            }
        }
    }

    /** One look at the due notifications over a connection of its own; returns how many this sender attempted. */
    int pass(int index, LoopContext context) {
        try (SmtpConnection connection = delivery.connection()) {
            return pass(index, context, connection);
        }
    }

    /**
     * One look at the due notifications, their e-mails sent over {@code connection} one after another; returns how
     * many this sender attempted.
     */
    int pass(int index, LoopContext context, SmtpConnection connection) {
        List<String> due = store.due(clock.instant(), properties.batchSize());
        int attempted = 0;
        for (int i = 0; i < due.size() && !context.stopping(); i++) {
            // Senders start at different places in the same list, so they rarely race for one row; a row a sibling
            // of this process is attempting is skipped without asking the database.
            String eventId = due.get((i + index * Math.max(1, due.size() / properties.senders())) % due.size());
            if (!inFlight.add(eventId)) {
                continue;
            }
            try {
                Instant now = clock.instant();
                Optional<Notification> claimed = store.claim(eventId, now, now.plus(properties.sendingLease()));
                if (claimed.isPresent()) {
                    attempt(claimed.get(), connection);
                    attempted++;
                    context.progress();
                }
            } finally {
                inFlight.remove(eventId);
            }
        }
        return attempted;
    }

    private void attempt(Notification claimed, SmtpConnection connection) {
        try (LogFields fields = LogFields.of(claimed.orderId(), claimed.eventId())) {
            delivery.attempt(claimed, connection);
        } catch (RuntimeException e) {
            log.error("Attempt {} of the confirmation of {} ended unrecorded ({}); it is looked at again after its "
                    + "lease", claimed.attempts(), claimed.eventId(), e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void stop() {
        loops.forEach(SupervisedLoop::stop);
        newNotifications.signal();
        Duration patience = properties.sendDeadline().plusSeconds(5);
        for (SupervisedLoop loop : loops) {
            try {
                if (!loop.await(patience)) {
                    log.warn("Sender loop {} did not stop within {}", loop.name(), patience);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loops.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !loops.isEmpty();
    }
}

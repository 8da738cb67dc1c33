package io.hookline.dispatcher.delivery;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Produces a record and runs a callback once the broker acknowledged it ({@code acks=all}); a failed send is
 * tried again every second until it succeeds or the process stops. The callback is what lets the engine
 * commit the source offset, so a record is never dropped: if the process stops first, the source record
 * is consumed again. Thread-safe.
 */
@Component
public class DurableSender implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DurableSender.class);
    private static final Duration RESEND_AFTER = Duration.ofSeconds(1);

    private final KafkaTemplate<String, String> template;
    private final ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("delivery-resend").daemon().factory());

    DurableSender(KafkaTemplate<String, String> template) {
        this.template = template;
    }

    public void send(ProducerRecord<String, String> record, Runnable acknowledged) {
        try {
            template.send(record).whenComplete((result, error) -> {
                if (error == null) {
                    acknowledged.run();
                } else {
                    resendLater(record, acknowledged, error);
                }
            });
        } catch (RuntimeException e) {
            resendLater(record, acknowledged, e);
        }
    }

    private void resendLater(ProducerRecord<String, String> record, Runnable acknowledged, Throwable error) {
        log.warn("Producing to {} failed ({}); trying again in {}", record.topic(), error.getClass().getSimpleName(),
                RESEND_AFTER);
        if (!resends.isShutdown()) {
            resends.schedule(() -> send(record, acknowledged), RESEND_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        resends.shutdownNow();
    }
}

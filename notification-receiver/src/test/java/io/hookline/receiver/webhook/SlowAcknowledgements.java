package io.hookline.receiver.webhook;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A slow broker, as the producer sees it: while {@link #hold()} is in force every acknowledgement waits (on the
 * producer's I/O thread, so no send completes) until {@link #release()}. Configured as a producer interceptor
 * ({@code interceptor.classes}) by the one test context that plays it.
 */
public final class SlowAcknowledgements implements ProducerInterceptor<Object, Object> {

    private static volatile CountDownLatch held = new CountDownLatch(0);

    static void hold() {
        held = new CountDownLatch(1);
    }

    static void release() {
        held.countDown();
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        try {
            held.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}

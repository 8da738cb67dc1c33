package io.hookline.dispatcher.attempt;

import java.time.Instant;

/**
 * One attempt to deliver an event to an endpoint, as recorded (append-only).
 *
 * @param attempt 1 for the first attempt of the delivery
 * @param status the HTTP status, or {@code null} when no response arrived
 * @param responseBody the start of the response body, or {@code null}
 * @param error why the attempt failed without a response (e.g. {@code connection refused}), or {@code null}
 */
public record DeliveryAttempt(String deliveryId, String eventId, String eventType, String endpointId, int attempt,
        Instant attemptedAt, boolean succeeded, Integer status, long latencyMs, String responseBody, String error) {
}

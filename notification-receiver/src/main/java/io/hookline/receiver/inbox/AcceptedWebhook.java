package io.hookline.receiver.inbox;

import java.time.Instant;

/**
 * A verified, valid webhook on its way to the inbox queue.
 *
 * @param webhookId the {@code webhook-id} (the event id)
 * @param orderId the order it is about: the record key
 * @param eventType e.g. {@code order.paid}
 * @param body the body text exactly as received
 * @param acceptedAt when the receiver accepted it
 */
public record AcceptedWebhook(String webhookId, String orderId, String eventType, String body, Instant acceptedAt) {
}

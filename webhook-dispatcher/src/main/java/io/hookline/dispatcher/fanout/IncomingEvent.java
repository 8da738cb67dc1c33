package io.hookline.dispatcher.fanout;

import java.util.UUID;

/**
 * A valid event read from {@code orders.events}, with its webhook body already serialized (once, so every
 * endpoint receives the same bytes).
 *
 * @param id the event id, which is also the {@code webhook-id}
 * @param type the event type
 * @param webhookBody the JSON text of {@code {"type", "timestamp", "data"}}; do not modify
 * @param callbackUrl the order's {@code data.callback_url}, or {@code null}
 */
public record IncomingEvent(UUID id, String type, String webhookBody, String callbackUrl) {
}

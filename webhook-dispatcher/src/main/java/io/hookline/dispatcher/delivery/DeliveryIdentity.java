package io.hookline.dispatcher.delivery;

import java.util.Objects;

/**
 * What a delivery is, fixed for its whole life (every attempt, deferral, dead letter and replay carries it
 * unchanged): which event goes to which endpoint, with which body, and how it is signed and traced. Immutable.
 *
 * @param deliveryId {@code dlv_…}: one (event, endpoint) pair
 * @param key the event's record key (the order id)
 * @param body the exact webhook body
 * @param targetUrl for a per-order callback: where it goes ({@code null} for subscribed endpoints)
 * @param replayOf for a replay: the dead letter it replays ({@code dl_…}), kept across retries; else {@code null}
 * @param traceparent the W3C trace context of the order request, carried through every retry and sent as the
 *     webhook's {@code traceparent} header ({@code null} when the event had none)
 * @param clientId for a per-order callback: the orders API client whose secret signs it (the event's
 *     {@code client_id} header), kept across retries, dead letter and replay; {@code null} for endpoints and for
 *     callbacks of events published before clients had their own secrets (signed with the master secret)
 * @param callbackKeyVersions with {@code clientId}: the client's key versions to sign with, newest first, as the
 *     event's {@code callback_key_versions} header had them ({@code "2,1"}); checked when signing, not here
 * @param eventVersion the version of the event type's contract the body follows ({@code "1"}), sent as the
 *     webhook's {@code webhook-event-version} header; {@code null} when unknown (then no header is sent)
 */
public record DeliveryIdentity(String deliveryId, String eventId, String eventType, String endpointId, String key,
        String body, String targetUrl, String replayOf, String traceparent, String clientId,
        String callbackKeyVersions, String eventVersion) {

    public DeliveryIdentity {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(body, "body");
    }

    /** An event's delivery to one endpoint, with nothing else known yet. */
    static DeliveryIdentity of(String deliveryId, String eventId, String eventType, String endpointId, String key,
            String body) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, null, null, null, null,
                null, null);
    }

    DeliveryIdentity withTargetUrl(String url) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, url, replayOf,
                traceparent, clientId, callbackKeyVersions, eventVersion);
    }

    DeliveryIdentity withReplayOf(String deadLetterId) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, targetUrl, deadLetterId,
                traceparent, clientId, callbackKeyVersions, eventVersion);
    }

    DeliveryIdentity withTraceparent(String trace) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, targetUrl, replayOf,
                trace, clientId, callbackKeyVersions, eventVersion);
    }

    DeliveryIdentity withSigning(String client, String keyVersions) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, targetUrl, replayOf,
                traceparent, client, keyVersions, eventVersion);
    }

    DeliveryIdentity withEventVersion(String version) {
        return new DeliveryIdentity(deliveryId, eventId, eventType, endpointId, key, body, targetUrl, replayOf,
                traceparent, clientId, callbackKeyVersions, version);
    }
}

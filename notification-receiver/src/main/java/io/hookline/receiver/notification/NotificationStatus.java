package io.hookline.receiver.notification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a notification's confirmation e-mail stands: {@code pending → sending → sent}, with
 * {@code sending → retrying → sending} on transient SMTP failures, and {@code failed} (a permanent failure) or
 * {@code expired} (transient failures past the retry horizon) once it was parked on the dead-letter topic. A
 * notification of a type that sends no e-mail is {@code recorded} from the start.
 */
public enum NotificationStatus {

    /** Recorded; the e-mail has not been attempted yet. */
    PENDING("pending", false),

    /** A sender holds the lease and is handing the e-mail to the SMTP server. */
    SENDING("sending", false),

    /** The last attempt failed transiently; the next one is due at {@code next_attempt_at}. */
    RETRYING("retrying", false),

    /** The SMTP server accepted the confirmation e-mail. */
    SENT("sent", true),

    /** The failure was permanent (e.g. 550, an unusable address); parked on the dead-letter topic. */
    FAILED("failed", true),

    /** Transient failures lasted past {@code hookline.receiver.mail.retry.horizon}; parked on the dead-letter topic. */
    EXPIRED("expired", true),

    /** Kept for the record; this event type sends no e-mail (order.created). */
    RECORDED("recorded", true);

    private final String wireValue;
    private final boolean terminal;

    NotificationStatus(String wireValue, boolean terminal) {
        this.wireValue = wireValue;
        this.terminal = terminal;
    }

    /** As stored and as shown in JSON. */
    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** No sender will attempt it again (unless its inbox record is replayed). */
    public boolean terminal() {
        return terminal;
    }

    public static NotificationStatus fromWireValue(String value) {
        for (NotificationStatus status : values()) {
            if (status.wireValue.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown notification status: " + value);
    }
}

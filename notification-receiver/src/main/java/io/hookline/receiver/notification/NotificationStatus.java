package io.hookline.receiver.notification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a notification's confirmation e-mail stands: {@code received → sending → sent}, with
 * {@code sending → retrying → sending} on SMTP failures and {@code failed} once it was parked on the
 * dead-letter topic.
 */
public enum NotificationStatus {

    /** The webhook was accepted and recorded; the e-mail has not been attempted yet. */
    RECEIVED("received"),

    /** A worker claimed the e-mail and is handing it to the SMTP server. */
    SENDING("sending"),

    /** The last attempt failed; the worker retries with back-off. */
    RETRYING("retrying"),

    /** The SMTP server accepted the confirmation e-mail. */
    SENT("sent"),

    /** Retries were exhausted or the failure was permanent; the inbox record is on the dead-letter topic. */
    FAILED("failed");

    private final String wireValue;

    NotificationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /** As stored and as shown in JSON. */
    @JsonValue
    public String wireValue() {
        return wireValue;
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

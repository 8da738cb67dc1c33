package io.hookline.receiver.notification;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a notification stands. The e-mail worker moves {@link #RECEIVED} to {@link #SENT}. */
public enum NotificationStatus {

    /** The webhook was accepted and recorded; no e-mail yet. */
    RECEIVED("received"),

    /** The confirmation e-mail went out. */
    SENT("sent");

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

package io.hookline.chaos.proxy;

/** What the fault proxy does with one webhook request. */
public enum Fault {
    /** Forward to the receiver and pass its answer back. */
    FORWARD,
    /** Close the connection without forwarding and without an answer (a dropped request). */
    CLOSE,
    /** Neither forward nor answer; the connection is closed long after the sender's timeout (a hung endpoint). */
    HANG,
    /** Forward, and whatever the receiver answered, answer 503 (the acknowledgement is lost on the way back). */
    LOSE_ACK
}

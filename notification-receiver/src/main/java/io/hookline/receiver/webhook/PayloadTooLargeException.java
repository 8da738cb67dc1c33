package io.hookline.receiver.webhook;

/** The request body is larger than {@code receiver.max-body-size}: answered with 413. */
public final class PayloadTooLargeException extends RuntimeException {

    private final long limitBytes;

    PayloadTooLargeException(long limitBytes) {
        super("request body exceeds " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}

package io.hookline.support.web;

import java.io.IOException;

/**
 * Thrown by a request body stream of {@link RequestBodyLimitFilter} as soon as more than the limit was read
 * (chunked bodies, or a body longer than its {@code Content-Length}). It is an {@link IOException} so that it
 * travels through message converters and JSON parsers; a service's problem advice finds it in the cause chain
 * and answers 413 {@code payload-too-large}.
 */
public final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    /** The limit that was passed, in bytes. */
    public long limit() {
        return limit;
    }

    /** The first {@code RequestBodyTooLargeException} in the cause chain of {@code failure}, or null. */
    public static RequestBodyTooLargeException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}

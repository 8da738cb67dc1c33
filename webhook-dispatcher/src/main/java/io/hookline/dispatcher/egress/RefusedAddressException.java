package io.hookline.dispatcher.egress;

import java.io.IOException;

/**
 * A connection attempt stopped before connecting because an address the host resolved to is refused by the
 * {@link AddressPolicy}. Its message is safe to show and to record: {@code address 10.0.0.5 of example.test is
 * private: refused}. Not retriable by itself: the same name is likely to resolve the same way again.
 */
public final class RefusedAddressException extends IOException {

    public RefusedAddressException(String host, String address, String kind) {
        super("address " + address + (host == null || host.equals(address) ? "" : " of " + host) + " is " + kind
                + ": refused");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome, not a bug: no stack trace to collect or log
    }
}

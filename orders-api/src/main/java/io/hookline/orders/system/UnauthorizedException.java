package io.hookline.orders.system;

/**
 * The request carries no usable credential (missing, malformed, unknown or revoked API key); answered with 401
 * and {@code WWW-Authenticate: Bearer}. The message is shown to the client and never echoes the credential.
 */
public final class UnauthorizedException extends RuntimeException {

    private final boolean invalidToken;

    private UnauthorizedException(String message, boolean invalidToken) {
        super(message, null, false, false);
        this.invalidToken = invalidToken;
    }

    /** No {@code Authorization: Bearer} header at all, or one that is not a bearer credential. */
    public static UnauthorizedException missing(String message) {
        return new UnauthorizedException(message, false);
    }

    /** A bearer credential was presented but is not (or no longer) valid. */
    public static UnauthorizedException invalid(String message) {
        return new UnauthorizedException(message, true);
    }

    /** The {@code WWW-Authenticate} challenge (RFC 6750): {@code error="invalid_token"} when one was presented. */
    public String challenge() {
        return invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
}

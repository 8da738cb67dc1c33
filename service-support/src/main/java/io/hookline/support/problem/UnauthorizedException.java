package io.hookline.support.problem;

import org.springframework.http.HttpHeaders;

/**
 * No usable credential: 401 {@code unauthorized} with a {@code WWW-Authenticate} bearer challenge (RFC 6750). The
 * detail is shown to the client and never echoes the credential.
 */
public class UnauthorizedException extends ProblemException {

    private final String challenge;

    private UnauthorizedException(String detail, String challenge) {
        super(CommonProblem.UNAUTHORIZED, detail);
        this.challenge = challenge;
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    /** No bearer credential at all (or not a bearer one): {@code WWW-Authenticate: Bearer}. */
    public static UnauthorizedException missing(String detail) {
        return new UnauthorizedException(detail, "Bearer");
    }

    /** A bearer credential was presented but is not (or no longer) valid: {@code error="invalid_token"}. */
    public static UnauthorizedException invalid(String detail) {
        return new UnauthorizedException(detail, "Bearer error=\"invalid_token\"");
    }

    /** The {@code WWW-Authenticate} value. */
    public String challenge() {
        return challenge;
    }
}

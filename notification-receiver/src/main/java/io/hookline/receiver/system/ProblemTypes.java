package io.hookline.receiver.system;

import java.net.URI;

/** The stable {@code type} URIs of the problem details this service answers with. */
public final class ProblemTypes {

    public static final String BASE = "https://hookline.io/problems/";

    public static final URI VALIDATION = of("validation");
    public static final URI BAD_REQUEST = of("bad-request");
    public static final URI MALFORMED_JSON = of("malformed-json");
    public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");
    public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");
    public static final URI INVALID_SIGNATURE = of("invalid-signature");
    public static final URI QUEUE_UNAVAILABLE = of("queue-unavailable");
    public static final URI MISSING_PARAMETER = of("missing-parameter");
    public static final URI NOT_FOUND = of("not-found");
    /** No or a wrong admin token (written by service-support's {@code AdminTokenFilter}). */
    public static final URI UNAUTHORIZED = of("unauthorized");
    public static final URI INTERNAL = of("internal");

    private ProblemTypes() {
    }

    /** {@code https://hookline.io/problems/<slug>}. */
    public static URI of(String slug) {
        return URI.create(BASE + slug);
    }
}

package io.hookline.receiver.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The receiver's admin credential ({@code hookline.receiver.admin.*}): what {@code GET /notifications} (always) and the
 * actuator endpoints but health (with {@code hookline.receiver.management.require-admin-token}) need as
 * {@code Authorization: Bearer <token>}.
 *
 * @param token the bearer token; defaults to the documented {@link #DEVELOPMENT_TOKEN}, which the prod profile
 *        refuses. Empty: every protected request is refused.
 */
@ConfigurationProperties("hookline.receiver.admin")
public record AdminProperties(@DefaultValue(DEVELOPMENT_TOKEN) String token) {

    /** The public development token of the local stack and the tests. Never use it in production. */
    public static final String DEVELOPMENT_TOKEN = "hookline-local-receiver-admin-token";

    public AdminProperties {
        token = token == null ? "" : token;
    }

    @Override
    public String toString() {
        return "AdminProperties[token=***]";
    }
}

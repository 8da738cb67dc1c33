package io.hookline.orders.order;

import io.hookline.orders.system.JsonFields;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The optional {@code {"reason": "<code>"}} body of {@code POST /orders/{id}/cancel} and {@code /refund}: a stable,
 * machine-readable code, the pattern of {@code cancellation_reason} and {@code refund_reason} in the event
 * contracts. Stateless.
 */
public final class ReasonCode {

    /** The reason when the request has no body or no {@code reason}. */
    public static final String DEFAULT = "requested_by_customer";

    static final String FIELD = "reason";
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{0,99}$");

    private ReasonCode() {
    }

    /**
     * The reason of a request body: {@link #DEFAULT} when the body is absent or has no (or a null) {@code reason}.
     *
     * @param body the parsed body, or {@code null} when the request had none
     * @throws io.hookline.support.problem.RequestValidationException when the body is not an object or the reason
     *         is not a code
     */
    public static String of(JsonNode body) {
        if (body == null) {
            return DEFAULT;
        }
        JsonFields fields = JsonFields.of(body);
        String reason = fields.optionalString(FIELD);
        if (reason != null && !CODE.matcher(reason).matches()) {
            fields.reject(FIELD, "must be a code of 1 to 100 characters: a lower-case letter, then lower-case "
                    + "letters, digits or underscores, e.g. requested_by_customer");
        }
        fields.throwIfInvalid();
        return reason == null ? DEFAULT : reason;
    }
}

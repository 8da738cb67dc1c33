package io.hookline.support.problem;

/**
 * One invalid field of a request, as listed in a validation problem's {@code errors}.
 *
 * @param field the JSON field name as the client sent it, e.g. {@code unit_price} ({@code ""} = the body)
 * @param message what is wrong, phrased to follow the field name, e.g. {@code must be at least 1}
 */
public record FieldViolation(String field, String message) {
}

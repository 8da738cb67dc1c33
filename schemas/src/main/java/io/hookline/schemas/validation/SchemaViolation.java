package io.hookline.schemas.validation;

/**
 * One way a document breaks its schema.
 *
 * @param field the dotted path of the offending field, e.g. {@code data.unit_price} ({@code ""} = the root)
 * @param message a readable reason, e.g. {@code does not match the regex pattern ...}
 */
public record SchemaViolation(String field, String message) {

    @Override
    public String toString() {
        return (field.isEmpty() ? "(document)" : field) + ": " + message;
    }
}

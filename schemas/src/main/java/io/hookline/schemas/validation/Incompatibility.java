package io.hookline.schemas.validation;

import java.util.Objects;

/**
 * One way a current schema accepts events that a reader built on the published version would reject
 * ({@link ContractCompatibility}).
 *
 * @param path where in the document, e.g. {@code $.customer_email} ({@code []} stands for every array element,
 *     {@code <allOf[2].then>} for a branch of a composition)
 * @param change what changed, e.g. {@code maxLength raised from 254 to 320}
 */
public record Incompatibility(String path, String change) {

    public Incompatibility {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(change, "change");
    }

    @Override
    public String toString() {
        return path + ": " + change;
    }
}

package io.hookline.support.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A problem type of the public error contract (docs/errors.md): a stable {@code type} URI
 * ({@code https://hookline.io/problems/<slug>}, one slug per URI), the HTTP status it is answered with and a
 * fixed title. The common types are {@link CommonProblem}; a service adds its own as an enum implementing this
 * interface in the feature that raises them (e.g. {@code OrderProblem.ORDER_NOT_CANCELLABLE}), never as a
 * string literal.
 */
public interface ProblemType {

    /** Every problem type URI starts with this. */
    String BASE = "https://hookline.io/problems/";

    /** The last segment of the URI, e.g. {@code not-found}. */
    String slug();

    HttpStatus status();

    /** Short and fixed for the type; the per-occurrence text goes into the detail. */
    String title();

    default URI uri() {
        return URI.create(BASE + slug());
    }

    /** A problem of this type with the given detail (shown to the client: never a library message). */
    default ProblemDetail detail(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), detail);
        problem.setType(uri());
        problem.setTitle(title());
        return problem;
    }
}

package io.hookline.receiver.system;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The type, title and (where ours is better) detail for the errors Spring MVC raises itself, keyed by
 * status. Statuses not listed get a slug derived from their reason phrase.
 */
record StandardProblem(URI type, String title, String detail) {

    static StandardProblem of(Exception exception, HttpStatusCode status) {
        if (exception instanceof HttpMessageNotReadableException) {
            return new StandardProblem(ProblemTypes.MALFORMED_JSON, "Malformed JSON",
                    "The request body could not be read.");
        }
        return switch (status.value()) {
            case 400 -> new StandardProblem(ProblemTypes.BAD_REQUEST, "Bad request", null);
            case 404 -> new StandardProblem(ProblemTypes.NOT_FOUND, "Not found", "No such resource.");
            case 413 -> new StandardProblem(ProblemTypes.PAYLOAD_TOO_LARGE, "Payload too large", null);
            case 415 -> new StandardProblem(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                    "Content-Type must be application/json.");
            case 500 -> new StandardProblem(ProblemTypes.INTERNAL, "Internal error", "An unexpected error occurred.");
            default -> derived(status);
        };
    }

    private static StandardProblem derived(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String phrase = known == null ? "Error " + status.value() : known.getReasonPhrase();
        String slug = phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return new StandardProblem(ProblemTypes.of(slug), phrase, null);
    }
}

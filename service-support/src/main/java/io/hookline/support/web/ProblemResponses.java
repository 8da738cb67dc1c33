package io.hookline.support.web;

import io.hookline.support.problem.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RFC 9457 problem detail ({@code application/problem+json}) from a servlet filter, where no
 * Spring MVC exception handler runs. The type URIs are those of the shared catalogue ({@code https://hookline.io/problems/
 * <slug>}, see {@link io.hookline.support.problem.CommonProblem}); titles and details are our fixed texts, never a request's content. Stateless.
 */
public final class ProblemResponses {

    /** Every problem type URI starts with this (the one of the shared catalogue, docs/errors.md). */
    public static final String BASE = ProblemType.BASE;
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** Answers with a problem of {@code type} (its status and title); the response must not be committed yet. */
    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        write(response, type.status().value(), type.slug(), type.title(), detail);
    }

    private static void write(HttpServletResponse response, int status, String slug, String title, String detail)
            throws IOException {
        byte[] body = ("{\"type\":\"" + BASE + json(slug) + "\",\"title\":\"" + json(title) + "\",\"status\":"
                + status + ",\"detail\":\"" + json(detail) + "\"}").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package io.hookline.support.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes an RFC 9457 problem detail ({@code application/problem+json}) from a servlet filter, where no
 * Spring MVC exception handler runs. The type URIs are the services' own ({@code https://hookline.io/problems/
 * <slug>}); titles and details are our fixed texts, never a request's content. Stateless.
 */
public final class ProblemResponses {

    /** Every problem type URI starts with this (the services' problem catalogues use the same base). */
    public static final String BASE = "https://hookline.io/problems/";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /** Answers {@code status} with the problem {@code slug}; the response must not be committed yet. */
    public static void write(HttpServletResponse response, int status, String slug, String title, String detail)
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

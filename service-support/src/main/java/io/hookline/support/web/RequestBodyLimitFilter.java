package io.hookline.support.web;

import io.hookline.support.problem.CommonProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Bounds every request body, on every path, before anything reads it. A declared {@code Content-Length}
 * above the limit is answered 413 {@code payload-too-large} at once, without reading a byte, and the
 * connection is closed. Any other body (chunked, or longer than declared) is handed on behind a stream
 * that throws {@link RequestBodyTooLargeException} as soon as more than the limit was read.
 *
 * <p>Register it with {@link #registration(long)}: it must run before every filter that may read a body
 * (Spring's form-content and hidden-method filters, tracing, authentication). Stateless and thread-safe.
 */
public final class RequestBodyLimitFilter extends HttpFilter {

    /** Before everything else, including tracing ({@code HIGHEST_PRECEDENCE + 1}). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final long limit;

    public RequestBodyLimitFilter(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the request body limit must be positive");
        }
        this.limit = limit;
    }

    /** The filter for every path, ordered first. */
    public static FilterRegistrationBean<RequestBodyLimitFilter> registration(long limit) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit));
        registration.setName("requestBodyLimitFilter");
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, CommonProblem.PAYLOAD_TOO_LARGE, "The request body must not exceed " + limit + " bytes.");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }
}

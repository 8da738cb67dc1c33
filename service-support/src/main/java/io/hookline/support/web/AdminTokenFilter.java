package io.hookline.support.web;

import io.hookline.support.problem.CommonProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/**
 * Lets a request to a protected path through only with {@code Authorization: Bearer <admin token>}; anything
 * else is answered 401 {@code unauthorized} (problem+json, {@code WWW-Authenticate: Bearer}). Used where Spring
 * MVC interceptors do not reach (the actuator endpoints) and for whole read APIs. The token is compared in
 * constant time (as SHA-256 digests, so neither content nor length leaks); without a configured token every
 * protected request is refused.
 *
 * <p>Paths are matched on the decoded servlet path without path parameters (what Spring MVC routes on): a
 * request is protected when it is, or is under, one of the protected paths and is not, nor is under, one of
 * the open paths. Stateless and thread-safe.
 */
public final class AdminTokenFilter extends HttpFilter {

    /** After the body limit and tracing, before everything that reads the body or serves the request. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;
    private static final String BEARER = "Bearer ";

    private final byte[] tokenDigest;
    private final List<String> protectedPaths;
    private final List<String> openPaths;

    /**
     * @param token the admin token (empty: every protected request is refused)
     * @param protectedPaths e.g. {@code /actuator}: the path and everything under it
     * @param openPaths exceptions inside the protected paths, e.g. {@code /actuator/health}
     */
    public AdminTokenFilter(String token, List<String> protectedPaths, List<String> openPaths) {
        this.tokenDigest = token == null || token.isEmpty() ? null : sha256(token);
        this.protectedPaths = List.copyOf(protectedPaths);
        this.openPaths = List.copyOf(openPaths);
    }

    /** The filter on every path (it decides itself what it protects), ordered after the body limit. */
    public static FilterRegistrationBean<AdminTokenFilter> registration(String name, AdminTokenFilter filter) {
        FilterRegistrationBean<AdminTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** Whether a request for this servlet path needs the token. */
    public boolean protects(String path) {
        return matches(path, protectedPaths) && !matches(path, openPaths);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!protects(path)) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            refuse(response, "This path needs Authorization: Bearer <admin token>.");
        } else if (tokenDigest == null || !MessageDigest.isEqual(tokenDigest,
                sha256(header.substring(BEARER.length()).trim()))) {
            refuse(response, "The admin token is not valid.");
        } else {
            chain.doFilter(request, response);
        }
    }

    private static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(response, CommonProblem.UNAUTHORIZED, detail);
    }

    private static boolean matches(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AdminTokenFilter[protected=" + protectedPaths + ", open=" + openPaths + ", token=***]";
    }
}

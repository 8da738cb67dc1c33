package io.hookline.dispatcher.system;

import io.hookline.support.problem.UnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets an admin request through only with {@code Authorization: Bearer <hookline.dispatcher.admin.token>}, compared
 * in constant time; anything else is a 401 problem. Without a configured token every admin request is
 * refused. Thread-safe.
 */
class AdminAuthentication implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AdminAuthentication.class);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    AdminAuthentication(AdminProperties properties) {
        this.token = properties.token().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0) {
            log.warn("hookline.dispatcher.admin.token is not set: the admin API refuses every request");
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw UnauthorizedException.missing("This API needs Authorization: Bearer <admin token>.");
        }
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        if (token.length == 0 || !MessageDigest.isEqual(token, presented)) {
            throw UnauthorizedException.missing("The admin token is not valid.");
        }
        return true;
    }
}

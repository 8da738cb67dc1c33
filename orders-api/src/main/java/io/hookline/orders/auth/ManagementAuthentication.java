package io.hookline.orders.auth;

import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.UnauthorizedException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code hookline.orders.auth.management.require-admin-key} (on under prod): {@code /actuator/**} answers only to
 * an admin key, except {@code /actuator/health} and {@code /actuator/health/**}, which probes and load balancers
 * call without one. A filter, because actuator endpoints are not behind the MVC interceptors; it writes the
 * 401/403 problem itself. Thread-safe.
 */
class ManagementAuthentication extends OncePerRequestFilter {

    private static final String ACTUATOR = "/actuator";
    private static final String HEALTH = "/actuator/health";

    private final ApiKeyAuthenticator authenticator;
    private final JsonMapper mapper;

    ManagementAuthentication(ApiKeyAuthenticator authenticator, JsonMapper mapper) {
        this.authenticator = authenticator;
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean actuator = path.equals(ACTUATOR) || path.startsWith(ACTUATOR + "/");
        boolean health = path.equals(HEALTH) || path.startsWith(HEALTH + "/");
        return !actuator || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            Caller caller = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
            if (!caller.isAdmin()) {
                refuse(response, CommonProblem.FORBIDDEN.detail("The management endpoints need the admin key."), null);
                return;
            }
        } catch (UnauthorizedException e) {
            refuse(response, CommonProblem.UNAUTHORIZED.detail(e.getMessage()), e.challenge());
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, ProblemDetail problem, String challenge) throws IOException {
        response.setStatus(problem.getStatus());
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    }
}

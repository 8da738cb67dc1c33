package io.hookline.orders.auth;

import io.hookline.support.problem.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request to an authenticated path through only with a valid API key whose scopes include the handler's
 * {@link RequiredScope} (a handler without one needs {@link Scope#ADMIN}; a path without a handler needs just a
 * valid key, so an unknown path is a 404 only to a caller). The {@link Caller} is left as a request attribute for
 * {@link CallerArgumentResolver}. Refusals are exceptions that the problem advice answers: 401 with
 * {@code WWW-Authenticate: Bearer}, 403. Thread-safe.
 */
class ApiKeyAuthentication implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final ApiKeyAuthenticator authenticator;

    ApiKeyAuthentication(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Caller caller = authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (handler instanceof HandlerMethod method) {
            RequiredScope required = method.getMethodAnnotation(RequiredScope.class);
            Scope scope = required == null ? Scope.ADMIN : required.value();
            if (!caller.has(scope)) {
                throw new ForbiddenException("This API key lacks the " + scope.value() + " scope.");
            }
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        return true;
    }
}

package io.hookline.orders.auth;

import io.hookline.support.problem.UnauthorizedException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives a handler method its {@link Caller} parameter, as {@link ApiKeyAuthentication} left it. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Object caller = request.getAttribute(ApiKeyAuthentication.CALLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (caller instanceof Caller found) {
            return found;
        }
        // A handler outside the authenticated paths asked for a caller: fail closed.
        throw UnauthorizedException.missing("This API needs Authorization: Bearer <API key>.");
    }
}

package io.hookline.orders.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a handler method needs; {@link ApiKeyAuthentication} answers 403 to a valid key without it. A
 * handler under an authenticated path without this annotation needs {@link Scope#ADMIN}: forgetting it fails
 * closed.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiredScope {

    Scope value();
}

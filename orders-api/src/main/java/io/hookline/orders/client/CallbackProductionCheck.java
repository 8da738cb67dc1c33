package io.hookline.orders.client;

import io.hookline.support.production.ProductionCheck;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Under the {@code prod} profile, the callback master secret must not be the local stack's public one. */
@Component
@Profile("prod")
class CallbackProductionCheck implements ProductionCheck {

    static final String CALLBACKS_SECRET = "hookline.orders.callbacks.secret";
    /** The local stack's public callback master secret (its {@code StackSettings.DEVELOPMENT_CALLBACKS_SECRET}). */
    static final String LOCAL_CALLBACKS_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtY2FsbGJhY2stbWFzdGVyISE=";

    private final Environment environment;

    CallbackProductionCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public List<String> violations() {
        return violations(environment.getProperty(CALLBACKS_SECRET, ""));
    }

    static List<String> violations(String callbacksSecret) {
        return LOCAL_CALLBACKS_SECRET.equals(callbacksSecret.trim())
                ? List.of(CALLBACKS_SECRET + " is the local stack's public development callback secret")
                : List.of();
    }
}

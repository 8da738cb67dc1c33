package io.hookline.dispatcher.system;

import io.hookline.support.production.ProductionCheck;
import io.hookline.support.secrets.SecretsProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile: a key of its own for the secrets at rest ({@code hookline.secrets.*}, not the
 * development key {@code application.yml} ships), and a callback master secret that is not the local stack's.
 */
@Component
@Profile("prod")
class SecretsProductionCheck implements ProductionCheck {

    /** The development key {@code application.yml} ships as {@code hookline.secrets.keys.local-dev}. */
    static final String LOCAL_SECRETS_KEY = "aG9va2xpbmUtbG9jYWwtc2VjcmV0cy1hdC1yZXN0ISE=";
    /** The local stack's public callback master secret (its {@code StackSettings.DEVELOPMENT_CALLBACKS_SECRET}). */
    static final String LOCAL_CALLBACKS_SECRET = "whsec_aG9va2xpbmUtbG9jYWwtY2FsbGJhY2stbWFzdGVyISE=";
    static final String CALLBACKS_SECRET = "hookline.dispatcher.callbacks.secret";

    private final SecretsProperties secrets;
    private final Environment environment;

    SecretsProductionCheck(SecretsProperties secrets, Environment environment) {
        this.secrets = secrets;
        this.environment = environment;
    }

    @Override
    public List<String> violations() {
        List<String> violations = new ArrayList<>(secretsViolations(secrets));
        violations.addAll(callbackViolations(environment.getProperty(CALLBACKS_SECRET, "")));
        return violations;
    }

    /** The callback master secret must not be the local stack's public one. */
    static List<String> callbackViolations(String callbacksSecret) {
        return LOCAL_CALLBACKS_SECRET.equals(callbacksSecret.trim())
                ? List.of(CALLBACKS_SECRET + " is the local stack's public development callback secret")
                : List.of();
    }

    /** No active key, or the development key configured under any key id. */
    static List<String> secretsViolations(SecretsProperties secrets) {
        List<String> problems = new ArrayList<>();
        if (secrets.activeKey().isEmpty()) {
            problems.add("hookline.secrets.active-key must name a key of hookline.secrets.keys.<key-id> (the base64 "
                    + "of 32 random bytes) that encrypts the stored endpoint secrets");
        }
        secrets.keys().forEach((id, key) -> {
            if (LOCAL_SECRETS_KEY.equals(key)) {
                problems.add("hookline.secrets.keys." + id + " is the local stack's public development key");
            }
        });
        return problems;
    }
}

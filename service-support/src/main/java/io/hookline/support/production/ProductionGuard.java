package io.hookline.support.production;

import java.util.List;

/**
 * Under the {@code prod} profile, refuses to start on development defaults: runs every {@link ProductionCheck} of
 * the context when it is created and throws, listing every violation at once (so one restart fixes them all).
 */
public final class ProductionGuard {

    ProductionGuard(List<ProductionCheck> checks) {
        List<String> violations = checks.stream().flatMap(check -> check.violations().stream()).toList();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", violations));
        }
    }
}

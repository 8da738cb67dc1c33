package io.hookline.receiver.verification;

import io.hookline.support.production.ProductionCheck;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Under the {@code prod} profile, the public development signing secret must not be accepted. */
@Component
@Profile("prod")
class VerificationProductionCheck implements ProductionCheck {

    private final VerificationProperties verification;

    VerificationProductionCheck(VerificationProperties verification) {
        this.verification = verification;
    }

    @Override
    public List<String> violations() {
        return violations(verification.secrets());
    }

    static List<String> violations(List<String> secrets) {
        return secrets.contains(VerificationProperties.DEVELOPMENT_SECRET)
                ? List.of("hookline.receiver.secrets must not contain the public development secret")
                : List.of();
    }
}

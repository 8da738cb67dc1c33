package io.hookline.dispatcher.endpoint;

import io.hookline.support.production.ProductionCheck;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Under the {@code prod} profile, endpoint URLs on loopback, private or link-local networks are refused. */
@Component
@Profile("prod")
class EndpointProductionCheck implements ProductionCheck {

    private final DirectoryProperties directory;

    EndpointProductionCheck(DirectoryProperties directory) {
        this.directory = directory;
    }

    @Override
    public List<String> violations() {
        return violations(directory.allowPrivateUrls());
    }

    static List<String> violations(boolean allowPrivateUrls) {
        return allowPrivateUrls ? List.of("hookline.dispatcher.directory.allow-private-urls must be false") : List.of();
    }
}

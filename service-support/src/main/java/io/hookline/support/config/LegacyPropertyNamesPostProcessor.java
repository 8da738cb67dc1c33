package io.hookline.support.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Accepts the services' old property names for one release ({@link LegacyPropertyNames}): every property source
 * that sets an old name (a configuration file, the command line, a system property, an environment variable) gets
 * a companion source just before it, with the same value under the new name, so the value binds with the
 * precedence it was given. Logs one warning per old name, naming the new one. Where a source sets both names, the
 * new one wins and the old one is reported as ignored.
 *
 * <p>Runs after every other post-processor, once the configuration files are loaded.
 */
// config-rename: keep (this file names the old roots on purpose)
public class LegacyPropertyNamesPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** Companion sources are named after their source with this prefix. */
    static final String SOURCE_PREFIX = "legacyPropertyNames-";

    private final Log log;

    public LegacyPropertyNamesPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(LegacyPropertyNamesPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<PropertySource<?>> sources = new ArrayList<>();
        environment.getPropertySources().forEach(sources::add);
        for (PropertySource<?> source : sources) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !source.getName().startsWith(SOURCE_PREFIX)) {
                renamed(enumerable).ifPresent(companion ->
                        environment.getPropertySources().addBefore(source.getName(), companion));
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private Optional<PropertySource<?>> renamed(EnumerablePropertySource<?> source) {
        boolean environmentVariables = source instanceof SystemEnvironmentPropertySource;
        Function<String, Optional<String>> rename = environmentVariables
                ? LegacyPropertyNames::newVariableName
                : LegacyPropertyNames::newPropertyName;
        Map<String, Object> values = new LinkedHashMap<>();
        for (String oldName : source.getPropertyNames()) {
            rename.apply(oldName).ifPresent(newName -> {
                if (source.containsProperty(newName)) {
                    log.warn("Ignoring the old property name " + oldName + " in " + source.getName() + ": "
                            + newName + " is set there too");
                } else {
                    log.warn("The property name " + oldName + " (" + source.getName() + ") is deprecated and "
                            + "will be removed in the next release: use " + newName);
                    values.put(newName, source.getProperty(oldName));
                }
            });
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        String name = SOURCE_PREFIX + source.getName();
        // a system-environment source keeps Spring Boot's relaxed binding of variable names
        return Optional.of(environmentVariables ? new SystemEnvironmentPropertySource(name, values)
                : new MapPropertySource(name, values));
    }
}

package io.hookline.e2e.configkeys;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The property names a Spring Boot YAML file sets, flattened as Boot flattens them: nested maps join with
 * dots, list items get {@code [n]}; every document of a multi-document file counts.
 */
final class ConfigurationFileKeys {

    private ConfigurationFileKeys() {
    }

    static List<String> of(Path yamlFile) throws IOException {
        List<String> keys = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(yamlFile)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                flatten("", document, keys);
            }
        }
        return keys;
    }

    private static void flatten(String prefix, Object value, List<String> keys) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((name, child) -> flatten(prefix.isEmpty() ? name.toString() : prefix + "." + name, child,
                    keys));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), keys);
            }
        } else if (!prefix.isEmpty()) {
            keys.add(prefix);
        }
    }
}

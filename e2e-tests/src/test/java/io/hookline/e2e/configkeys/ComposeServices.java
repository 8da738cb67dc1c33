package io.hookline.e2e.configkeys;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The services of a compose file that are built from one of our modules ({@code build.args.MODULE}), with the
 * names of the environment variables each one gets. YAML anchors, aliases and merge keys
 * ({@code <<: *service-env}) are resolved as the compose tool resolves them; {@code environment} may be a map
 * or a list of {@code NAME=value}.
 */
final class ComposeServices {

    private ComposeServices() {
    }

    /** Module name to the environment variable names of its service, in file order. */
    static Map<String, List<String>> environmentByModule(Path composeFile) throws IOException {
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(composeFile)) {
            Map<?, ?> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            Map<?, ?> services = (Map<?, ?>) compose.get("services");
            services.forEach((name, definition) -> {
                Map<?, ?> service = (Map<?, ?>) definition;
                String module = module(service);
                if (module != null) {
                    byModule.put(module, names(service.get("environment")));
                }
            });
        }
        return byModule;
    }

    private static String module(Map<?, ?> service) {
        if (service.get("build") instanceof Map<?, ?> build && build.get("args") instanceof Map<?, ?> args
                && args.get("MODULE") != null) {
            return args.get("MODULE").toString();
        }
        return null;
    }

    private static List<String> names(Object environment) {
        List<String> names = new ArrayList<>();
        if (environment instanceof Map<?, ?> map) {
            map.keySet().forEach(name -> names.add(name.toString()));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> names.add(entry.toString().split("=", 2)[0]));
        }
        return names;
    }
}

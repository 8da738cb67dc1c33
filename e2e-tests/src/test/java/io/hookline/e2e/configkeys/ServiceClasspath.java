package io.hookline.e2e.configkeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime class path of one service exactly as it is deployed: the contents of its executable jar
 * ({@code <module>/target/<module>-exec.jar}, the one compose's Dockerfile copies), unpacked into a directory
 * ({@code BOOT-INF/classes} and every jar of {@code BOOT-INF/lib}) and opened in a class loader of its own.
 */
final class ServiceClasspath implements AutoCloseable {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private final String module;
    private final Path classes;
    private final URLClassLoader loader;

    private ServiceClasspath(String module, Path classes, URLClassLoader loader) {
        this.module = module;
        this.classes = classes;
        this.loader = loader;
    }

    /** Unpacks the module's executable jar under {@code workDirectory}. */
    static ServiceClasspath unpack(Path repositoryRoot, String module, Path workDirectory) throws IOException {
        Path jar = repositoryRoot.resolve(module).resolve("target").resolve(module + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the service first (the reactor's "
                    + "package phase does, e.g. ./mvnw -B -pl e2e-tests -am verify)");
        }
        Path target = Files.createDirectories(workDirectory.resolve(module));
        List<URL> urls = new ArrayList<>();
        Path classes = Files.createDirectories(target.resolve("classes"));
        urls.add(classes.toUri().toURL());
        try (JarFile exec = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(exec.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (name.equals(METADATA)) {
                    // the repackaged jar keeps the application's own META-INF at its root
                    copy(exec, entry, classes.resolve(METADATA));
                } else if (name.startsWith("BOOT-INF/classes/")) {
                    copy(exec, entry, classes.resolve(name.substring("BOOT-INF/classes/".length())));
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    Path lib = target.resolve("lib").resolve(name.substring("BOOT-INF/lib/".length()));
                    copy(exec, entry, lib);
                    urls.add(lib.toUri().toURL());
                }
            }
        }
        URLClassLoader loader = new URLClassLoader(module, urls.toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        return new ServiceClasspath(module, classes, loader);
    }

    String module() {
        return module;
    }

    ClassLoader classLoader() {
        return loader;
    }

    /** A file of the service's own resources ({@code application-prod.yml}), if it has one. */
    Path ownResource(String name) {
        return classes.resolve(name);
    }

    /** Every {@code META-INF/spring-configuration-metadata.json} on the class path, parsed. */
    List<JsonNode> configurationMetadata() {
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> documents = new ArrayList<>();
        try {
            Enumeration<URL> resources = loader.getResources(METADATA);
            for (URL url : Collections.list(resources)) {
                try (InputStream in = url.openStream()) {
                    documents.add(json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    KnownProperties knownProperties() {
        return KnownProperties.fromMetadata(configurationMetadata(), new TypeShapes(loader));
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static void copy(JarFile jar, JarEntry entry, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, to);
        }
    }
}

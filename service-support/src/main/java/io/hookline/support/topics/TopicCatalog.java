package io.hookline.support.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's topics as {@code topics.conf} declares them (one line each: name, partitions, retention.ms,
 * cleanup.policy; {@code #} starts a comment). The file lives at the repository root, where compose's
 * {@code kafka-init} and the local stack read it; the build packages that same file into service-support as the
 * classpath resource {@link #RESOURCE}, so every service checks against the one declaration. Immutable.
 */
public final class TopicCatalog {

    /** Where the build puts {@code topics.conf} on the classpath. */
    public static final String RESOURCE = "hookline/topics.conf";

    /** One declared topic. */
    public record Declaration(String name, int partitions, long retentionMs, String cleanupPolicy) {
    }

    private final Map<String, Declaration> topics;

    private TopicCatalog(Map<String, Declaration> topics) {
        // in topics.conf order (Map.copyOf would not keep it), so what is generated from it is stable
        this.topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
    }

    /** The catalog packaged with the services ({@link #RESOURCE}). */
    public static TopicCatalog packaged() {
        try (InputStream in = TopicCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (service-support's build "
                        + "copies topics.conf there)");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public static TopicCatalog parse(String text) {
        Map<String, Declaration> topics = new LinkedHashMap<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("a topic line needs name, partitions, retention.ms and "
                        + "cleanup.policy: '" + line + "'");
            }
            topics.put(fields[0], new Declaration(fields[0], Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                    fields[3]));
        });
        return new TopicCatalog(topics);
    }

    public Optional<Declaration> find(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    public Map<String, Declaration> topics() {
        return topics;
    }
}

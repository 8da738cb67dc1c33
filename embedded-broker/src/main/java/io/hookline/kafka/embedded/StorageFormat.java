package io.hookline.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.tools.StorageTool;

/** Formats a KRaft node's log directory once (Kafka's own {@code kafka-storage format}); later starts reuse it. */
final class StorageFormat {

    private StorageFormat() {
    }

    /**
     * Formats {@code logDir} with {@code clusterId} unless an earlier start did (its {@code meta.properties}
     * exists: its cluster id and data are kept).
     */
    static void formatIfNew(Path configFile, Path logDir, String clusterId) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", clusterId, "--config", configFile.toString()};
        int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("formatting the Kafka log directory " + logDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }
}

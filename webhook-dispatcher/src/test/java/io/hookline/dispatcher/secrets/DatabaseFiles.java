package io.hookline.dispatcher.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The raw bytes of every file under a database directory, searched for byte sequences. */
final class DatabaseFiles {

    private final byte[] bytes;

    private DatabaseFiles(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads every regular file under {@code directory} (there must be some). */
    static DatabaseFiles readAll(Path directory) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.write(Files.readAllBytes(file));
                all.write(0);
            }
        }
        assertThat(all.size()).as("the database files").isGreaterThan(1000);
        return new DatabaseFiles(all.toByteArray());
    }

    boolean contain(byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

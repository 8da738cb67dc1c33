package io.hookline.e2e.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.SecurityUtils;

/**
 * {@code compose/kafka-acls.conf} read as {@code compose/kafka-init.sh} reads it: one grant per line
 * ({@code principal type pattern name operations}), blank lines and {@code #} comments skipped, operations
 * comma-separated and spelt as {@code kafka-acls.sh} takes them.
 */
final class KafkaAclFile {

    static final Path PATH = ComposeTool.ROOT.resolve("compose/kafka-acls.conf");

    /** One line: {@code operations} on a resource for {@code User:<principal>}. */
    record Grant(String principal, ResourceType type, PatternType pattern, String name, List<AclOperation> operations) {

        /** What {@code kafka-acls.sh --add} creates for this line: one allow binding per operation, any host. */
        List<AclBinding> bindings() {
            return operations.stream().map(operation -> new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW))).toList();
        }
    }

    private KafkaAclFile() {
    }

    static List<Grant> read() throws IOException {
        List<Grant> grants = new ArrayList<>();
        List<String> lines = Files.readAllLines(PATH);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            grants.add(parse(line, i + 1));
        }
        return grants;
    }

    private static Grant parse(String line, int number) {
        String[] columns = line.split("\\s+");
        if (columns.length != 5) {
            throw new IllegalArgumentException("kafka-acls.conf line " + number + " has " + columns.length
                    + " columns, not 5: " + line);
        }
        ResourceType type = switch (columns[1]) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactional-id" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("kafka-acls.conf line " + number
                    + ": unknown resource type " + columns[1]);
        };
        PatternType pattern = PatternType.fromString(columns[2].toUpperCase(Locale.ROOT));
        if (pattern != PatternType.LITERAL && pattern != PatternType.PREFIXED) {
            throw new IllegalArgumentException("kafka-acls.conf line " + number + ": pattern " + columns[2]);
        }
        List<AclOperation> operations = Arrays.stream(columns[4].split(",")).map(SecurityUtils::operation).toList();
        return new Grant(columns[0], type, pattern, columns[3], operations);
    }
}

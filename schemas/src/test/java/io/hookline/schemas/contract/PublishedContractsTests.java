package io.hookline.schemas.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.schemas.catalog.EventTypeDefinition;
import io.hookline.schemas.events.EventTypes;
import io.hookline.schemas.validation.ContractCompatibility;
import io.hookline.schemas.validation.ContractDocuments;
import io.hookline.schemas.validation.ContractSchema;
import io.hookline.schemas.validation.ContractValidator;
import io.hookline.schemas.validation.Incompatibility;
import io.hookline.schemas.validation.Strictness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published versions of the catalog's event types, kept as snapshots in {@code src/test/resources/published/}
 * ({@code <type>.v<version>.json}: the resolved strict payload schema at publication). A change to a type's schema
 * that a reader of its published version would reject fails here: make it a new version instead
 * (docs/event-contracts.md). {@code -Dcontracts.write=true} writes the snapshots that are missing, never one that
 * exists.
 */
class PublishedContractsTests {

    static final Path SNAPSHOTS = Path.of("src", "test", "resources", "published");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITE = "contracts.write";

    private final EventCatalog catalog = EventCatalog.platform();
    private final ContractValidator strict = new ContractValidator();

    @TestFactory
    Stream<DynamicTest> everyCatalogTypeHasASnapshotOfItsVersion() {
        return catalog.all().stream().map(type -> DynamicTest.dynamicTest(label(type), () -> {
            Path snapshot = snapshot(type);
            if (Files.notExists(snapshot) && Boolean.getBoolean(WRITE)) {
                write(snapshot, current(type));
            }
            assertThat(snapshot).as("%s v%d has no published snapshot %s: run ./mvnw -pl schemas test"
                    + " -D%s=true to write it, then commit it", type.name(), type.version(), snapshot, WRITE)
                    .exists();
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCurrentSchemaOfEveryPublishedVersionIsCompatibleWithItsSnapshot() {
        return catalog.all().stream().filter(type -> Files.exists(snapshot(type)))
                .map(type -> DynamicTest.dynamicTest(label(type), () -> assertThat(
                        ContractCompatibility.check(read(snapshot(type)), current(type)))
                        .as("%s v%d changed in a way its readers reject: publish v%d beside it instead",
                                type.name(), type.version(), type.version() + 1)
                        .isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesUnderTheCurrentSchemaAndItsPublishedSnapshot() {
        return catalog.all().stream().map(type -> DynamicTest.dynamicTest(label(type), () -> {
            JsonNode example = EventCatalog.example(type);
            assertThat(strict.validate(ContractSchema.EVENT_ENVELOPE, example)).isEmpty();
            assertThat(strict.validate(type.payloadSchema(), example.get("data"))).isEmpty();
            if (Files.exists(snapshot(type))) {
                assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(read(snapshot(type))).validate(example.get("data"))).isEmpty();
            }
        }));
    }

    @Test
    void aPublishedFieldRemovedFromTheCurrentSchemaIsReported() {
        EventTypeDefinition paid = catalog.find(EventTypes.ORDER_PAID, 1).orElseThrow();
        ObjectNode changed = (ObjectNode) current(paid);
        ((ObjectNode) changed.get("properties")).remove("paid_at");
        ArrayNode required = JSON.createArrayNode();
        changed.get("required").forEach(name -> {
            if (!name.asString().equals("paid_at")) {
                required.add(name);
            }
        });
        changed.set("required", required);

        assertThat(ContractCompatibility.check(read(snapshot(paid)), changed))
                .containsExactly(new Incompatibility("$.paid_at", "required property removed"));
    }

    @Test
    void aPublishedFieldWhoseTypeChangedIsReported() {
        EventTypeDefinition refunded = catalog.find(EventTypes.ORDER_REFUNDED, 1).orElseThrow();
        ObjectNode changed = (ObjectNode) current(refunded);
        ((ObjectNode) changed.get("properties")).set("quantity", JSON.readTree("{\"type\": \"string\"}"));

        List<Incompatibility> found = ContractCompatibility.check(read(snapshot(refunded)), changed);

        assertThat(found).extracting(Incompatibility::path).containsOnly("$.quantity");
        assertThat(found).extracting(Incompatibility::change).contains("type changed from integer to string");
    }

    private static JsonNode current(EventTypeDefinition type) {
        return ContractDocuments.resolved(type.payloadSchema(), Strictness.STRICT);
    }

    static Path snapshot(EventTypeDefinition type) {
        return SNAPSHOTS.resolve(type.name() + ".v" + type.version() + ".json");
    }

    private static String label(EventTypeDefinition type) {
        return type.name() + " v" + type.version();
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, JsonNode schema) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n");
    }
}

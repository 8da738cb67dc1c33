package io.hookline.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContractCompatibilityTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ORDER = """
            {"type": "object", "required": ["id", "quantity"], "additionalProperties": false,
             "properties": {
               "id": {"type": "string", "pattern": "^ord_", "maxLength": 64},
               "quantity": {"type": "integer", "minimum": 1, "maximum": 100},
               "status": {"enum": ["pending", "paid"]},
               "kind": {"const": "order"},
               "email": {"type": "string", "format": "email", "minLength": 3},
               "lines": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 20}},
               "note": {"description": "free text", "type": "string"}}}""";

    @Test
    void anIdenticalSchemaIsCompatible() {
        assertThat(check(ORDER, ORDER)).isEmpty();
    }

    @Test
    void aNewOptionalOrRequiredPropertyIsCompatible() {
        String current = ORDER.replace("\"required\": [\"id\", \"quantity\"]", "\"required\": [\"id\", \"quantity\", \"sku\"]")
                .replace("\"note\":", "\"sku\": {\"type\": \"string\"}, \"gift\": {\"type\": \"boolean\"}, \"note\":");

        assertThat(check(ORDER, current)).isEmpty();
    }

    @Test
    void droppingClosedObjectsIsCompatibleBecauseTheReaderIsTolerant() {
        assertThat(check(ORDER, ORDER.replace("\"additionalProperties\": false,", ""))).isEmpty();
    }

    @Test
    void aRequiredPropertyRemovedIsBreaking() {
        String current = ORDER.replace("\"required\": [\"id\", \"quantity\"]", "\"required\": [\"id\"]")
                .replace("\"quantity\": {\"type\": \"integer\", \"minimum\": 1, \"maximum\": 100},", "");

        assertThat(check(ORDER, current)).containsExactly(new Incompatibility("$.quantity", "required property removed"));
    }

    @Test
    void aRequiredPropertyMadeOptionalIsBreaking() {
        String current = ORDER.replace("\"required\": [\"id\", \"quantity\"]", "\"required\": [\"id\"]");

        assertThat(check(ORDER, current))
                .containsExactly(new Incompatibility("$.quantity", "required property made optional"));
    }

    @Test
    void anOptionalPropertyRemovedIsReportedBecauseEveryRemovalIsANewVersion() {
        String current = ORDER.replace("\"note\": {\"description\": \"free text\", \"type\": \"string\"}",
                "\"memo\": {\"type\": \"string\"}");

        assertThat(check(ORDER, current)).containsExactly(new Incompatibility("$.note", "optional property removed"));
    }

    @Test
    void aTypeChangeIsBreaking() {
        String current = ORDER.replace("\"quantity\": {\"type\": \"integer\"", "\"quantity\": {\"type\": \"string\"");

        assertThat(check(ORDER, current))
                .containsExactly(new Incompatibility("$.quantity", "type changed from integer to string"));
    }

    @Test
    void aTypeWidenedToSeveralIsBreakingAndNarrowedIsNot() {
        String nullable = ORDER.replace("\"note\": {\"description\": \"free text\", \"type\": \"string\"}",
                "\"note\": {\"type\": [\"string\", \"null\"]}");

        assertThat(check(ORDER, nullable)).extracting(Incompatibility::path).containsExactly("$.note");
        assertThat(check(nullable, ORDER)).isEmpty();
        assertThat(check("{\"type\": \"number\"}", "{\"type\": \"integer\"}")).isEmpty();
    }

    @Test
    void anEnumGainingAValueIsBreakingAndLosingOneIsNot() {
        String gained = ORDER.replace("[\"pending\", \"paid\"]", "[\"pending\", \"paid\", \"refunded\"]");
        String lost = ORDER.replace("[\"pending\", \"paid\"]", "[\"paid\"]");

        assertThat(check(ORDER, gained)).containsExactly(
                new Incompatibility("$.status", "enum gained values old readers do not know: [\"refunded\"]"));
        assertThat(check(ORDER, lost)).isEmpty();
    }

    @Test
    void aConstChangedOrOpenedIsBreaking() {
        String changed = ORDER.replace("{\"const\": \"order\"}", "{\"const\": \"refund\"}");
        String opened = ORDER.replace("{\"const\": \"order\"}", "{\"enum\": [\"order\", \"refund\"]}");

        assertThat(check(ORDER, changed)).extracting(Incompatibility::path).containsExactly("$.kind");
        assertThat(check(ORDER, opened)).extracting(Incompatibility::change)
                .containsExactly("const gained values old readers do not know: [\"refund\"]");
        assertThat(check(opened, ORDER)).isEmpty();
    }

    @Test
    void aPatternOrFormatChangedOrDroppedIsBreaking() {
        String pattern = ORDER.replace("\"^ord_\"", "\"^order_\"");
        String format = ORDER.replace("\"format\": \"email\"", "\"format\": \"idn-email\"");
        String dropped = ORDER.replace("\"pattern\": \"^ord_\", ", "");

        assertThat(check(ORDER, pattern)).containsExactly(
                new Incompatibility("$.id", "pattern changed from \"^ord_\" to \"^order_\""));
        assertThat(check(ORDER, format)).extracting(Incompatibility::path).containsExactly("$.email");
        assertThat(check(ORDER, dropped)).containsExactly(new Incompatibility("$.id", "pattern \"^ord_\" dropped"));
    }

    @Test
    void loosenedLimitsAreBreaking() {
        String current = ORDER.replace("\"maxLength\": 64", "\"maxLength\": 65")
                .replace("\"maximum\": 100", "\"maximum\": 1000")
                .replace("\"minimum\": 1", "\"minimum\": 0")
                .replace("\"minLength\": 3", "\"minLength\": 1")
                .replace("\"maxItems\": 10", "\"maxItems\": 11");

        assertThat(check(ORDER, current)).containsExactlyInAnyOrder(
                new Incompatibility("$.id", "maxLength raised from 64 to 65"),
                new Incompatibility("$.quantity", "maximum raised from 100 to 1000"),
                new Incompatibility("$.quantity", "minimum lowered from 1 to 0"),
                new Incompatibility("$.email", "minLength lowered from 3 to 1"),
                new Incompatibility("$.lines", "maxItems raised from 10 to 11"));
    }

    @Test
    void aDroppedLimitIsBreaking() {
        String current = ORDER.replace(", \"maximum\": 100", "");

        assertThat(check(ORDER, current)).containsExactly(new Incompatibility("$.quantity", "maximum 100 dropped"));
    }

    @Test
    void tightenedLimitsAndChangedDescriptionsAreCompatible() {
        String current = ORDER.replace("\"maxLength\": 64", "\"maxLength\": 32")
                .replace("\"maximum\": 100", "\"maximum\": 50")
                .replace("\"minimum\": 1", "\"minimum\": 2")
                .replace("\"maxItems\": 10", "\"maxItems\": 5")
                .replace("\"free text\"", "\"what the customer wrote\", \"title\": \"Note\", \"examples\": [\"x\"]");

        assertThat(check(ORDER, current)).isEmpty();
    }

    @Test
    void arrayItemsAreComparedToo() {
        String current = ORDER.replace("\"items\": {\"type\": \"string\", \"maxLength\": 20}",
                "\"items\": {\"type\": \"integer\"}");

        assertThat(check(ORDER, current)).extracting(Incompatibility::path).containsOnly("$.lines[]");
    }

    @Test
    void nestedObjectsAreComparedToTheLeaves() {
        String published = "{\"type\": \"object\", \"properties\": {\"data\": " + ORDER + "}}";
        String current = published.replace("\"maxLength\": 20", "\"maxLength\": 40");

        assertThat(check(published, current))
                .containsExactly(new Incompatibility("$.data.lines[]", "maxLength raised from 20 to 40"));
    }

    @Test
    void conditionalBranchesOfAllOfAreMatchedByTheirCondition() {
        String published = envelope("{\"if\": {\"properties\": {\"type\": {\"const\": \"a\"}}}, \"then\": {\"properties\":"
                + " {\"data\": {\"required\": [\"x\"]}}}}, {\"if\": {\"properties\": {\"type\": {\"const\": \"b\"}}},"
                + " \"then\": {\"properties\": {\"data\": {\"required\": [\"y\"]}}}}");
        String reordered = envelope("{\"if\": {\"properties\": {\"type\": {\"const\": \"b\"}}}, \"then\": {\"properties\":"
                + " {\"data\": {\"required\": [\"y\"]}}}}, {\"if\": {\"properties\": {\"type\": {\"const\": \"a\"}}},"
                + " \"then\": {\"properties\": {\"data\": {\"required\": [\"x\"]}}}}");
        String loosened = published.replace("\"required\": [\"y\"]", "\"required\": []");
        String removed = envelope("{\"if\": {\"properties\": {\"type\": {\"const\": \"a\"}}}, \"then\": {\"properties\":"
                + " {\"data\": {\"required\": [\"x\"]}}}}");

        assertThat(check(published, reordered)).isEmpty();
        assertThat(check(published, loosened)).containsExactly(
                new Incompatibility("$<allOf[1]>.then.data.y", "required property removed"));
        assertThat(check(published, removed)).extracting(Incompatibility::path).containsExactly("$<allOf[1]>");
    }

    @Test
    void everyCurrentAlternativeMustFitAPublishedOne() {
        String published = "{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"maxLength\": 10}]}";
        String narrowed = "{\"type\": \"string\", \"maxLength\": 5}";
        String widened = "{\"anyOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"maxLength\": 20}]}";
        String another = "{\"oneOf\": [{\"type\": \"null\"}, {\"type\": \"string\", \"maxLength\": 10},"
                + " {\"type\": \"integer\"}]}";

        assertThat(check(published, published)).isEmpty();
        assertThat(check(published, narrowed)).isEmpty();
        assertThat(check(published, widened)).extracting(Incompatibility::path).containsExactly("$<alternative 1>");
        assertThat(check(published, another)).extracting(Incompatibility::path).containsExactly("$<alternative 2>");
        assertThat(check(narrowed, published)).isNotEmpty();
    }

    @Test
    void aRemovedItemsOrPropertySchemaIsBreaking() {
        String current = ORDER.replace(", \"items\": {\"type\": \"string\", \"maxLength\": 20}", "");

        assertThat(check(ORDER, current)).containsExactly(new Incompatibility("$.lines[]", "every constraint dropped"));
    }

    private static String envelope(String branches) {
        return "{\"type\": \"object\", \"properties\": {\"type\": {\"type\": \"string\"}, \"data\": {\"type\": \"object\"}},"
                + " \"allOf\": [" + branches + "]}";
    }

    private static List<Incompatibility> check(String published, String current) {
        return ContractCompatibility.check(tree(published), tree(current));
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}

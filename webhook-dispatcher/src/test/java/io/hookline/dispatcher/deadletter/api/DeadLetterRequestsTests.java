package io.hookline.dispatcher.deadletter.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.deadletter.DeadLetterCursor;
import io.hookline.dispatcher.deadletter.DeadLetterFilter;
import io.hookline.dispatcher.deadletter.DeadLetterStatus;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeadLetterRequestsTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readsEveryListParameter() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("endpoint_id", "alpha");
        params.add("event_type", "order.paid");
        params.add("order_id", "ord_1");
        params.add("last_status", "none");
        params.add("status", "replayed");
        params.add("from", "2026-11-22T12:00:00+01:00");
        params.add("to", "2026-11-22T13:00:00Z");
        params.add("limit", "200");
        params.add("cursor", new DeadLetterCursor(Instant.parse("2026-11-22T12:30:00Z"), "dl_1_2").encode());

        DeadLetterRequests.ListRequest request = DeadLetterRequests.list(params);

        assertThat(request.filter()).isEqualTo(new DeadLetterFilter("alpha", "order.paid", "ord_1",
                DeadLetterFilter.NO_STATUS, DeadLetterStatus.REPLAYED, Instant.parse("2026-11-22T11:00:00Z"),
                Instant.parse("2026-11-22T13:00:00Z"), null));
        assertThat(request.limit()).isEqualTo(200);
        assertThat(request.cursor()).isEqualTo(new DeadLetterCursor(Instant.parse("2026-11-22T12:30:00Z"), "dl_1_2"));
    }

    @Test
    void defaultsToFiftyOfEverything() {
        DeadLetterRequests.ListRequest request = DeadLetterRequests.list(new LinkedMultiValueMap<>());

        assertThat(request.filter()).isEqualTo(DeadLetterFilter.ANY);
        assertThat(request.limit()).isEqualTo(50);
        assertThat(request.cursor()).isNull();
    }

    @Test
    void refusesARepeatedParameterAndAForgedCursor() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("endpoint_id", "a");
        params.add("endpoint_id", "b");
        params.add("cursor", "bm90LWEtY3Vyc29y");

        assertThatThrownBy(() -> DeadLetterRequests.list(params)).isInstanceOfSatisfying(
                RequestValidationException.class, e -> assertThat(e.violations()).extracting(FieldViolation::field)
                        .containsExactlyInAnyOrder("endpoint_id", "cursor"));
    }

    @Test
    void readsABulkBodyWithANumericStatusIdsAndTheOperator() {
        JsonNode body = json.readTree("""
                {"endpoint_id":"alpha","last_status":503,"ids":["dl_0_1","dl_0_1","dl_2_3"],
                 "operator":"ops","reason":"refunded"}""");

        DeadLetterRequests.BulkRequest request = DeadLetterRequests.bulk(body, true);

        assertThat(request.filter().lastStatus()).isEqualTo(503);
        assertThat(request.filter().ids()).containsExactly("dl_0_1", "dl_2_3");
        assertThat(request.action()).isEqualTo(new DeadLetterRequests.Action("ops", "refunded"));
    }

    @Test
    void refusesABulkThatNarrowsNothingOrHasAReasonWhereNoneBelongs() {
        assertThatThrownBy(() -> DeadLetterRequests.bulk(json.readTree("{\"operator\":\"ops\"}"), false))
                .isInstanceOf(RequestValidationException.class);
        assertThatThrownBy(() -> DeadLetterRequests.bulk(null, false)).isInstanceOf(RequestValidationException.class);
        assertThatThrownBy(() -> DeadLetterRequests.bulk(json.readTree("{\"order_id\":\"o\",\"reason\":\"x\"}"), false))
                .isInstanceOfSatisfying(RequestValidationException.class,
                        e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("reason"));
    }

    @Test
    void defaultsTheOperatorToAdmin() {
        assertThat(DeadLetterRequests.single(null, false)).isEqualTo(new DeadLetterRequests.Action("admin", null));
        assertThat(DeadLetterRequests.single(json.readTree("{}"), true)).isEqualTo(
                new DeadLetterRequests.Action("admin", null));
        assertThatThrownBy(() -> DeadLetterRequests.single(json.readTree("[1]"), false))
                .isInstanceOf(RequestValidationException.class);
        assertThatThrownBy(() -> DeadLetterRequests.single(json.readTree("{\"operator\":7}"), false))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.violations())
                        .isEqualTo(List.of(new FieldViolation("operator", "must be a string"))));
    }
}

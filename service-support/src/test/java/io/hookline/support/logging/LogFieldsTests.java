package io.hookline.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogFieldsTests {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void fieldsAreSetForTheScopeAndNestedScopesRestoreTheOuterOnes() {
        try (LogFields order = LogFields.of("ord_1", "evt_1")) {
            assertThat(MDC.get(LogFields.ORDER_ID)).isEqualTo("ord_1");
            assertThat(MDC.get(LogFields.EVENT_ID)).isEqualTo("evt_1");
            try (LogFields other = LogFields.of("ord_2", null)) {
                assertThat(MDC.get(LogFields.ORDER_ID)).isEqualTo("ord_2");
                assertThat(MDC.get(LogFields.EVENT_ID)).as("null leaves the field as it was").isEqualTo("evt_1");
            }
            assertThat(MDC.get(LogFields.ORDER_ID)).isEqualTo("ord_1");
        }
        assertThat(MDC.get(LogFields.ORDER_ID)).isNull();
        assertThat(MDC.get(LogFields.EVENT_ID)).isNull();
    }

    @Test
    void aStoredTraceNamesTheTraceIdOnlyWhereNoSpanDidAlready() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (LogFields fields = LogFields.of("ord_1", "evt_1", traceparent)) {
            assertThat(MDC.get(LogFields.TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
        assertThat(MDC.get(LogFields.TRACE_ID)).isNull();

        MDC.put(LogFields.TRACE_ID, "current");
        try (LogFields fields = LogFields.of("ord_1", "evt_1", traceparent)) {
            assertThat(MDC.get(LogFields.TRACE_ID)).isEqualTo("current");
        }
        assertThat(MDC.get(LogFields.TRACE_ID)).isEqualTo("current");
    }
}

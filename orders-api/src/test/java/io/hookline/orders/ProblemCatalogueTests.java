package io.hookline.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.orders.idempotency.IdempotencyProblem;
import io.hookline.orders.order.OrderProblem;
import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.ProblemType;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The orders API's own problem types extend the shared catalogue without reusing a slug (docs/errors.md). */
class ProblemCatalogueTests {

    @Test
    void everyProblemTypeOfTheServiceHasItsOwnUri() {
        Stream<ProblemType> types = Stream.of(CommonProblem.values(), OrderProblem.values(),
                IdempotencyProblem.values()).flatMap(Arrays::stream);

        assertThat(types.map(type -> type.uri().toString())).doesNotHaveDuplicates()
                .contains("https://hookline.io/problems/order-not-cancellable",
                        "https://hookline.io/problems/idempotency-key-in-use");
    }
}

package io.hookline.support.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CommonProblemTests {

    @Test
    void everyTypeHasItsOwnSlugUnderTheOneBase() {
        List<String> uris = Arrays.stream(CommonProblem.values()).map(type -> type.uri().toString()).toList();

        assertThat(uris).doesNotHaveDuplicates().allMatch(uri -> uri.startsWith("https://hookline.io/problems/"));
    }

    @Test
    void spring500sAre_internalError_and503sAre_serviceUnavailable() {
        assertThat(CommonProblem.forStatus(HttpStatus.INTERNAL_SERVER_ERROR).slug()).isEqualTo("internal-error");
        assertThat(CommonProblem.forStatus(HttpStatus.BAD_GATEWAY).slug()).isEqualTo("internal-error");
        assertThat(CommonProblem.forStatus(HttpStatus.SERVICE_UNAVAILABLE).slug()).isEqualTo("service-unavailable");
        assertThat(CommonProblem.forStatus(HttpStatus.BAD_REQUEST).slug()).isEqualTo("bad-request");
        assertThat(CommonProblem.forStatus(HttpStatus.I_AM_A_TEAPOT).slug()).isEqualTo("bad-request");
    }

    @Test
    void anExceptionCarriesItsWholeAnswer() {
        RequestValidationException invalid = new RequestValidationException(
                List.of(new FieldViolation("quantity", "must be at least 1")));

        assertThat(invalid.getStatusCode().value()).isEqualTo(422);
        assertThat(invalid.getBody().getType().toString()).isEqualTo("https://hookline.io/problems/validation");
        assertThat(invalid.getBody().getProperties()).containsEntry("errors", invalid.violations());
        assertThat(invalid).hasMessage("The request has 1 invalid field(s); see errors.");
        assertThat(UnauthorizedException.invalid("bad key").getHeaders().getFirst("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aConflictOfItsOwnTypeMustBeA409() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ConflictException(CommonProblem.NOT_FOUND, "not a conflict"));
    }
}

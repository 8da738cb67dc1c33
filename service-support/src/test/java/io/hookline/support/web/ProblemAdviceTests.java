package io.hookline.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.ConflictException;
import io.hookline.support.problem.FieldViolation;
import io.hookline.support.problem.RequestValidationException;
import io.hookline.support.problem.ServiceUnavailableException;
import io.hookline.support.problem.UnauthorizedException;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemAdviceTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemAdvice()).build();

    @Test
    void aValidationProblemListsEveryField() throws Exception {
        mvc.perform(get("/invalid")).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("quantity"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at least 1"));
    }

    @Test
    void aFeatureExceptionIsItsOwnAnswerWithItsHeaders() throws Exception {
        mvc.perform(get("/conflict")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/conflict"))
                .andExpect(jsonPath("$.detail").value("Order ord_1 is already paid."));
        mvc.perform(get("/unauthorized")).andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        mvc.perform(get("/unavailable")).andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/service-unavailable"));
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorThatEchoesNothing() throws Exception {
        mvc.perform(get("/bug")).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/internal-error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("jdbc:secret"))));
    }

    @Test
    void springsOwnErrorsGetTheCommonTypes() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/malformed-json"));
        mvc.perform(post("/echo").contentType(MediaType.TEXT_PLAIN).content("x"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/unsupported-media-type"));
        mvc.perform(get("/echo")).andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("https://hookline.io/problems/method-not-allowed"));
        mvc.perform(get("/search")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(CommonProblem.MISSING_PARAMETER.uri().toString()))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @RestController
    static class Failing {

        @GetMapping("/invalid")
        void invalid() {
            throw new RequestValidationException(List.of(new FieldViolation("quantity", "must be at least 1")));
        }

        @GetMapping("/conflict")
        void conflict() {
            throw new ConflictException("Order ord_1 is already paid.");
        }

        @GetMapping("/unauthorized")
        void unauthorized() {
            throw UnauthorizedException.invalid("The API key is not valid.");
        }

        @GetMapping("/unavailable")
        void unavailable() {
            throw new ServiceUnavailableException("Kafka did not answer in time; nothing changed.");
        }

        @GetMapping("/bug")
        void bug() {
            throw new IllegalStateException("connection to jdbc:secret failed");
        }

        @PostMapping("/echo")
        Map<String, Object> echo(@RequestBody Map<String, Object> body) {
            return body;
        }

        @GetMapping("/search")
        String search(@RequestParam String q) {
            return q;
        }
    }
}

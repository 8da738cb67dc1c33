package io.hookline.receiver.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.signing.WebhookVerificationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/order-paid}: a Standard Webhooks request carrying an order.paid event. Answers
 * 202 {@code {"status":"event_received"}} once the event is safe in the inbox queue; errors are problem
 * details (see the service's {@code ProblemAdvice}).
 */
@RestController
class OrderPaidWebhookController {

    private final BoundedBodyReader bodyReader;
    private final WebhookIntake intake;

    OrderPaidWebhookController(BoundedBodyReader bodyReader, WebhookIntake intake) {
        this.bodyReader = bodyReader;
        this.intake = intake;
    }

    @PostMapping(path = "/webhooks/order-paid", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Receipt> receive(@RequestHeader HttpHeaders headers, HttpServletRequest request)
            throws IOException, WebhookVerificationException {
        byte[] body = bodyReader.read(request);
        intake.accept(new WebhookRequest(headers.getFirst(WebhookHeaders.ID),
                headers.getFirst(WebhookHeaders.TIMESTAMP), headers.getFirst(WebhookHeaders.SIGNATURE), body));
        return ResponseEntity.accepted().body(Receipt.EVENT_RECEIVED);
    }

    /** The acknowledgement body. */
    record Receipt(@JsonProperty("status") String status) {
        static final Receipt EVENT_RECEIVED = new Receipt("event_received");
    }
}

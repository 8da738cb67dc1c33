package io.hookline.receiver.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookline.receiver.notification.HandledEvent;
import io.hookline.schemas.signing.WebhookHeaders;
import io.hookline.schemas.signing.WebhookVerificationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The receiver's Standard Webhooks endpoints. {@code POST /webhooks/orders} takes every order event
 * ({@code order.created}, {@code order.paid}, {@code order.cancelled}, {@code order.refunded}), the way a Svix or
 * Stripe endpoint takes several types and switches on {@code type}; a signed webhook of a type the receiver does not
 * act on is answered 202 {@code {"status":"event_ignored"}} and dropped, so a new event type never fills the
 * sender's retries. {@code POST /webhooks/order-paid} (the first route, kept for endpoints subscribed to it) takes
 * order.paid only. Both answer 202 {@code {"status":"event_received"}} once the event is safe in the inbox queue,
 * asynchronously (the handler returns a future; no request thread waits for Kafka's acknowledgement); errors are
 * problem details (see the service's {@code ProblemAdvice}).
 */
@RestController
@Tag(name = "webhooks", description = "Standard Webhooks endpoints this receiver subscribes with")
class OrderWebhooksController {

    private static final String PROBLEM = "application/problem+json";
    private static final String EXAMPLE = """
            {"type": "order.paid", "timestamp": "2026-01-01T10:00:00Z", "data": {"order_id": "ord_0123456789",
            "customer_email": "ada@example.com", "product_name": "Mechanical keyboard", "quantity": 2,
            "unit_price": "29.99", "currency": "USD", "amount": "59.98", "paid_at": "2026-01-01T10:00:00Z"}}""";
    private static final String ORDERS_EXAMPLE = """
            {"type": "order.refunded", "timestamp": "2026-01-01T10:00:00Z", "data": {"order_id": "ord_0123456789",
            "customer_email": "ada@example.com", "product_name": "Mechanical keyboard", "quantity": 2,
            "unit_price": "29.99", "currency": "USD", "amount": "59.98", "refund_id": "re_4f1c9a2b7d3e4f5a",
            "refunded_amount": "59.98", "refund_reason": "requested_by_customer",
            "refunded_at": "2026-01-01T10:00:00Z"}}""";

    private final BoundedBodyReader bodyReader;
    private final WebhookIntake intake;
    private final AcknowledgementTimer acknowledgements;

    OrderWebhooksController(BoundedBodyReader bodyReader, WebhookIntake intake,
            AcknowledgementTimer acknowledgements) {
        this.bodyReader = bodyReader;
        this.intake = intake;
        this.acknowledgements = acknowledgements;
    }

    @Operation(summary = "Receive an order.paid webhook",
            description = "Verifies the Standard Webhooks signature (HMAC-SHA256 over id.timestamp.body, any "
                    + "configured secret, timestamp within the tolerance), checks the body against the order.paid "
                    + "contract, queues it on notifications.inbox (acks=all) and only then answers 202. Duplicates "
                    + "(same webhook-id) are answered 202 and have no second effect.",
            parameters = {
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.ID, required = true,
                        description = "the message id; the idempotency key"),
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.TIMESTAMP, required = true,
                        description = "Unix seconds of signing"),
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.SIGNATURE, required = true,
                        description = "space-separated v1,<base64 HMAC-SHA256> signatures")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(value = EXAMPLE))),
            responses = {
                @ApiResponse(responseCode = "202", description = "queued durably: {\"status\":\"event_received\"}",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = Receipt.class))),
                @ApiResponse(responseCode = "400", description = "signed body is not JSON",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "403", description = "missing headers, stale timestamp or no "
                        + "matching signature", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "body over hookline.receiver.max-body-size",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "415", description = "Content-Type is not application/json",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "breaks the order.paid contract; errors[] lists "
                        + "every field", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "503", description = "the queue did not acknowledge; retry after "
                        + "Retry-After seconds", content = @Content(mediaType = PROBLEM))})
    @PostMapping(path = "/webhooks/order-paid", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<byte[]>> receive(HttpServletRequest request)
            throws IOException, WebhookVerificationException {
        return acknowledge(request, webhook -> intake.accept(webhook, HandledEvent.ORDER_PAID));
    }

    @Operation(summary = "Receive an order event webhook (created, paid, cancelled, refunded)",
            description = "Verifies the Standard Webhooks signature, reads `type`, checks the body against that "
                    + "type's contract in tolerant mode (fields the receiver does not know are ignored), queues it "
                    + "on notifications.inbox (acks=all) and only then answers 202. order.paid sends the order "
                    + "confirmation, order.cancelled the cancellation e-mail, order.refunded the refund "
                    + "confirmation; order.created is recorded without an e-mail. A type the receiver does not act "
                    + "on gets 202 event_ignored. Duplicates (same webhook-id) have no second effect.",
            parameters = {
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.ID, required = true,
                        description = "the message id; the idempotency key"),
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.TIMESTAMP, required = true,
                        description = "Unix seconds of signing"),
                @Parameter(in = ParameterIn.HEADER, name = WebhookHeaders.SIGNATURE, required = true,
                        description = "space-separated v1,<base64 HMAC-SHA256> signatures")},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(value = ORDERS_EXAMPLE))),
            responses = {
                @ApiResponse(responseCode = "202", description = "queued durably ({\"status\":\"event_received\"}) "
                        + "or not an event this receiver acts on ({\"status\":\"event_ignored\"})",
                        content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                schema = @Schema(implementation = Receipt.class))),
                @ApiResponse(responseCode = "400", description = "signed body is not JSON",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "403", description = "missing headers, stale timestamp or no "
                        + "matching signature", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "body over hookline.receiver.max-body-size",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "415", description = "Content-Type is not application/json",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "no type, or breaks that type's contract; "
                        + "errors[] lists every field", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "503", description = "the queue did not acknowledge; retry after "
                        + "Retry-After seconds", content = @Content(mediaType = PROBLEM))})
    @PostMapping(path = "/webhooks/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<byte[]>> receiveAny(HttpServletRequest request)
            throws IOException, WebhookVerificationException {
        return acknowledge(request, intake::accept);
    }

    /**
     * Reads the three Standard Webhooks headers (straight from the request: no argument conversion) and the bounded
     * body, hands them to the intake, and returns the 202 with the receipt of the outcome as a future: the request
     * thread goes back to the pool at once and the answer is written when Kafka acknowledges (Servlet async).
     * Verification and validation failures are thrown here, before anything is queued.
     */
    private CompletableFuture<ResponseEntity<byte[]>> acknowledge(HttpServletRequest request, Intake accept)
            throws IOException, WebhookVerificationException {
        long started = System.nanoTime();
        WebhookRequest webhook = new WebhookRequest(request.getHeader(WebhookHeaders.ID),
                request.getHeader(WebhookHeaders.TIMESTAMP), request.getHeader(WebhookHeaders.SIGNATURE),
                bodyReader.read(request));
        return accept.accept(webhook).thenApply(outcome -> {
            acknowledgements.acknowledged(started);
            // The same few bytes every time: written as they are, with a Content-Length, no serializer involved.
            byte[] receipt = outcome == WebhookIntake.Outcome.RECEIVED ? Receipt.EVENT_RECEIVED_JSON
                    : Receipt.EVENT_IGNORED_JSON;
            return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(receipt);
        });
    }

    /** One route's hand-off of a request to {@link WebhookIntake}. */
    @FunctionalInterface
    private interface Intake {
        CompletableFuture<WebhookIntake.Outcome> accept(WebhookRequest webhook) throws WebhookVerificationException;
    }

    /** The acknowledgement body, {@code {"status":"event_received"}} (or {@code event_ignored}). */
    record Receipt(@JsonProperty("status") String status) {
        static final byte[] EVENT_RECEIVED_JSON = "{\"status\":\"event_received\"}".getBytes(StandardCharsets.UTF_8);
        static final byte[] EVENT_IGNORED_JSON = "{\"status\":\"event_ignored\"}".getBytes(StandardCharsets.UTF_8);
    }
}

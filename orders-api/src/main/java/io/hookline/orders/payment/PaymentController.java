package io.hookline.orders.payment;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.auth.RequiredScope;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.idempotency.IdempotentRequests;
import io.hookline.orders.order.OrderResponse;
import io.hookline.orders.system.JsonFields;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /orders/{id}/payment}: 200 with the paid order, 402 with the order when the card is declined.
 * The body is validated before the order is looked at, so bad input never changes anything. Another client's
 * order is a 404, as if it did not exist.
 */
@RestController
class PaymentController {

    static final String PAYMENT_METHOD = "payment_method";

    private final PaymentService payments;
    private final IdempotentRequests idempotent;

    PaymentController(PaymentService payments, IdempotentRequests idempotent) {
        this.payments = payments;
        this.idempotent = idempotent;
    }

    /** With an {@code Idempotency-Key}, a repeat of the same request gets the first answer and charges nothing. */
    @RequiredScope(Scope.WRITE)
    @PostMapping(path = "/orders/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> pay(@PathVariable String id, @RequestBody JsonNode body, Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) {
        String method = paymentMethod(body);
        return idempotent.execute(caller.idempotencyOwner(), idempotencyKey, request.getMethod(),
                request.getRequestURI(), body, claim -> {
            PaymentOutcome outcome = payments.pay(id, caller, method, claim);
            HttpStatus status = outcome.approved() ? HttpStatus.OK : HttpStatus.PAYMENT_REQUIRED;
            return ResponseEntity.status(status).body(OrderResponse.of(outcome.order()));
        });
    }

    private String paymentMethod(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String method = fields.requiredText(PAYMENT_METHOD);
        if (method != null && !payments.supports(method)) {
            fields.reject(PAYMENT_METHOD, "is not a supported payment method (tok_visa, tok_mastercard, "
                    + "tok_declined)");
        }
        fields.throwIfInvalid();
        return method;
    }
}

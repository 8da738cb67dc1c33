package io.hookline.orders.refund;

import io.hookline.orders.auth.Caller;
import io.hookline.orders.auth.RequiredScope;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.idempotency.IdempotentRequests;
import io.hookline.orders.order.OrderResponse;
import io.hookline.orders.order.ReasonCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /orders/{id}/refund}: 200 with the refunded order. The body is optional and validated before the
 * order is looked at, so bad input never changes anything. Another client's order is a 404, as if it did not exist.
 */
@RestController
@Tag(name = "orders")
@SecurityRequirement(name = "bearer")
class RefundController {

    private final RefundService refunds;
    private final IdempotentRequests idempotent;

    RefundController(RefundService refunds, IdempotentRequests idempotent) {
        this.refunds = refunds;
        this.idempotent = idempotent;
    }

    /** With an {@code Idempotency-Key}, a repeat of the same request gets the first answer and refunds nothing. */
    @Operation(summary = "Refund a paid order in full",
            description = "Optional body {\"reason\": \"<code>\"} (^[a-z][a-z0-9_]{0,99}$, default "
                    + "requested_by_customer). Only a paid order can be refunded, always in full (refunded_amount = "
                    + "amount; partial refunds are not supported yet); it then emits order.refunded. Accepts an "
                    + "Idempotency-Key header.")
    @ApiResponse(responseCode = "200", description = "the order, status refunded, with refunded_at, refund_id "
            + "(re_…), refund_reason and refunded_amount")
    @ApiResponse(responseCode = "404", description = "no such order (or another client's)")
    @ApiResponse(responseCode = "409", description = "order-not-refundable: the order is unpaid, cancelled or "
            + "already refunded")
    @ApiResponse(responseCode = "422", description = "the body is not a JSON object or the reason is not a code")
    @RequiredScope(Scope.WRITE)
    @PostMapping("/orders/{id}/refund")
    ResponseEntity<?> refund(@PathVariable String id, @RequestBody(required = false) JsonNode body, Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            HttpServletRequest request) {
        String reason = ReasonCode.of(body);
        return idempotent.execute(caller.idempotencyOwner(), idempotencyKey, request.getMethod(),
                request.getRequestURI(), body, claim -> ResponseEntity.ok(
                        OrderResponse.of(refunds.refund(id, caller, reason, claim))));
    }
}

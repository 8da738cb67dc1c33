package io.hookline.receiver.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /notifications?order_id=}: what the receiver recorded for an order (an empty array if nothing).
 * Needs {@code Authorization: Bearer <hookline.receiver.admin.token>} (checked by the admin token filter, see
 * {@code InputLimitsConfiguration}); without it 401.
 */
@RestController
@Tag(name = "notifications", description = "What the receiver recorded and e-mailed")
class NotificationController {

    private final NotificationStore store;

    NotificationController(NotificationStore store) {
        this.store = store;
    }

    @Operation(summary = "The notifications of an order",
            description = "One per webhook-id: the order, the e-mail's status (pending, sending, retrying, sent, "
                    + "failed, expired), attempts, the next attempt (or the end of the sender's lease while sending), "
                    + "when it was sent, its subject and Message-ID, and the last error or the reason it was parked. "
                    + "Needs Authorization: Bearer <hookline.receiver.admin.token>; without it 401 (problem+json).")
    @GetMapping("/notifications")
    List<Notification> byOrder(@Parameter(description = "the order id, e.g. ord_0123456789")
            @RequestParam("order_id") String orderId) {
        return store.findByOrderId(orderId);
    }
}

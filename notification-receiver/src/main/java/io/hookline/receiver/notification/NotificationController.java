package io.hookline.receiver.notification;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /notifications?order_id=}: what the receiver recorded for an order (an empty array if nothing). */
@RestController
class NotificationController {

    private final NotificationStore store;

    NotificationController(NotificationStore store) {
        this.store = store;
    }

    @GetMapping("/notifications")
    List<Notification> byOrder(@RequestParam("order_id") String orderId) {
        return store.findByOrderId(orderId);
    }
}

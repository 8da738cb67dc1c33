package io.hookline.orders.order;

import java.util.List;

/**
 * A page of orders, newest first: {@code {"data": [...], "has_more": false}}. An object rather than a bare
 * array so that cursors can be added without breaking clients.
 */
public record OrderListResponse(List<OrderResponse> data, boolean hasMore) {
}

package io.hookline.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A page of orders, newest first: {@code {"data": [...], "has_more": true, "next_cursor": "..."}}. Pass
 * {@code next_cursor} as {@code cursor} (with the same filters) for the next page; it is absent on the last one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderListResponse(List<OrderResponse> data, boolean hasMore, String nextCursor) {
}

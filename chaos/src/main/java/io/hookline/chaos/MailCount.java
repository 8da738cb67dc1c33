package io.hookline.chaos;

import io.hookline.chaos.mail.ChaosMailServer.ReceivedMail;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The e-mails counted against the paid orders: each paid order must have exactly one.
 *
 * @param sent e-mails received by the SMTP server
 * @param ordersEmailed paid orders with at least one e-mail
 * @param lost paid orders with none
 * @param duplicated paid orders with more than one
 * @param extra e-mails beyond the first of their order
 * @param extraWithSameMessageId of the extra ones, re-sends of the same confirmation (same Message-ID)
 * @param unknown e-mails naming no paid order
 */
record MailCount(int sent, int ordersEmailed, int lost, int duplicated, int extra, int extraWithSameMessageId,
        int unknown) {

    static MailCount of(Collection<String> paidOrders, List<ReceivedMail> mails) {
        Set<String> paid = new HashSet<>(paidOrders);
        Map<String, Integer> perOrder = new HashMap<>();
        Set<String> messageIds = new HashSet<>();
        int unknown = 0;
        int sameMessageId = 0;
        for (ReceivedMail mail : mails) {
            if (mail.orderId() == null || !paid.contains(mail.orderId())) {
                unknown++;
                continue;
            }
            perOrder.merge(mail.orderId(), 1, Integer::sum);
            if (mail.messageId() != null && !messageIds.add(mail.messageId())) {
                sameMessageId++;
            }
        }
        int duplicated = (int) perOrder.values().stream().filter(n -> n > 1).count();
        int extra = perOrder.values().stream().mapToInt(n -> n - 1).sum();
        return new MailCount(mails.size(), perOrder.size(), paid.size() - perOrder.size(), duplicated, extra,
                sameMessageId, unknown);
    }
}

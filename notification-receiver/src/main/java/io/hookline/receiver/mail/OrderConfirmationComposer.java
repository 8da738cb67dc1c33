package io.hookline.receiver.mail;

import io.hookline.receiver.notification.Notification;
import io.hookline.schemas.events.EventTypes;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes the e-mail of a notification (the order confirmation, the cancellation, the refund confirmation): to the
 * customer, with the order id, the product, the quantity and the amount formatted in its currency for
 * {@code hookline.receiver.mail.locale}. Plain
 * text, UTF-8. Stateless and thread-safe.
 */
@Component
public class OrderConfirmationComposer {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final MoneyFormatter money;
    private final String messageIdDomain;
    private final String signature;

    public OrderConfirmationComposer(ConfirmationMailProperties properties) {
        this.money = new MoneyFormatter(properties.locale());
        InternetAddress from = parse(properties.from());
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.indexOf('@') + 1);
        this.signature = from.getPersonal() == null ? address : from.getPersonal();
    }

    /** The e-mail of a notification, by its event type: confirmation, cancellation or refund confirmation. */
    public OrderConfirmation compose(Notification n) {
        String total = money.format(n.amount(), n.currency());
        String subject;
        String opening;
        String closing;
        switch (n.type()) {
            case EventTypes.ORDER_PAID -> {
                subject = "Your order " + n.orderId() + " is confirmed";
                opening = "thank you for your order. We received your payment of %s and your order is confirmed."
                        .formatted(total);
                closing = "We will write again when it ships.";
            }
            case EventTypes.ORDER_CANCELLED -> {
                subject = "Your order " + n.orderId() + " was cancelled";
                opening = "your order has been cancelled. Nothing was charged.";
                closing = "If you did not ask for this, reply to this e-mail.";
            }
            case EventTypes.ORDER_REFUNDED -> {
                subject = "Your refund for order " + n.orderId();
                opening = "we have refunded %s for your order. Depending on your bank it can take a few days to "
                        .formatted(total) + "appear on your statement.";
                closing = "We are sorry it did not work out.";
            }
            default -> throw new IllegalArgumentException("no e-mail for event type " + n.type());
        }
        String text = """
                Hello,

                %s

                  Order:     %s
                  Product:   %s
                  Quantity:  %d
                  %-10s %s

                %s

                -- \n%s
                """.formatted(opening, n.orderId(), n.productName(), n.quantity(),
                EventTypes.ORDER_REFUNDED.equals(n.type()) ? "Refunded:" : "Total:", total, closing, signature);
        return new OrderConfirmation(n.customerEmail(), subject, text, messageId(n.eventId()));
    }

    /** {@code <event-id@domain>}; an event id that is not safe in a header is replaced by its SHA-256. */
    String messageId(String eventId) {
        String local = SAFE_ID.matcher(eventId).matches() ? eventId : sha256(eventId);
        return "<" + local + "@" + messageIdDomain + ">";
    }

    private static InternetAddress parse(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("hookline.receiver.mail.from is not an e-mail address: " + from, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

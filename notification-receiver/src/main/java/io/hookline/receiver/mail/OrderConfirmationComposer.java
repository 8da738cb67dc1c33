package io.hookline.receiver.mail;

import io.hookline.receiver.notification.Notification;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes the order-confirmation e-mail of a notification: to the customer, with the order id, the
 * product, the quantity and the total formatted in its currency for {@code receiver.mail.locale}. Plain
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

    public OrderConfirmation compose(Notification n) {
        String total = money.format(n.amount(), n.currency());
        String subject = "Your order " + n.orderId() + " is confirmed";
        String text = """
                Hello,

                thank you for your order. We received your payment of %s and your order is confirmed.

                  Order:     %s
                  Product:   %s
                  Quantity:  %d
                  Total:     %s

                We will write again when it ships.

                -- \n%s
                """.formatted(total, n.orderId(), n.productName(), n.quantity(), total, signature);
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
            throw new IllegalArgumentException("receiver.mail.from is not an e-mail address: " + from, e);
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

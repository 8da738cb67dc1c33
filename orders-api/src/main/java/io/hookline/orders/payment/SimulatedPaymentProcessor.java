package io.hookline.orders.payment;

import io.hookline.orders.order.Money;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A stand-in for a card processor, with Stripe-like test tokens: {@code tok_visa} and {@code tok_mastercard}
 * are approved, {@code tok_declined} is declined with {@code card_declined}. Stateless and thread-safe.
 */
@Component
public class SimulatedPaymentProcessor implements PaymentProcessor {

    static final Set<String> APPROVED = Set.of("tok_visa", "tok_mastercard");
    static final Map<String, String> DECLINED = Map.of("tok_declined", "card_declined");

    @Override
    public boolean supports(String paymentMethod) {
        return APPROVED.contains(paymentMethod) || DECLINED.containsKey(paymentMethod);
    }

    @Override
    public PaymentResult charge(String paymentMethod, Money amount) {
        if (APPROVED.contains(paymentMethod)) {
            return new PaymentResult.Approved();
        }
        String reason = DECLINED.get(paymentMethod);
        if (reason == null) {
            throw new IllegalArgumentException("unsupported payment method");
        }
        return new PaymentResult.Declined(reason);
    }
}

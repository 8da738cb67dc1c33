package io.hookline.receiver.mail;

/**
 * One order-confirmation e-mail, ready to send.
 *
 * @param to the customer's address
 * @param subject the subject line
 * @param text the plain-text body
 * @param messageId the {@code Message-ID} header, derived from the event id so that every attempt of the
 *     same notification carries the same one
 */
public record OrderConfirmation(String to, String subject, String text, String messageId) {
}

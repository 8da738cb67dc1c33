package io.hookline.dispatcher.operations;

import io.hookline.schemas.events.Topics;
import io.hookline.schemas.signing.WebhookSecret;
import io.hookline.support.secrets.Redacted;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where operational events ({@code endpoint.disabled}) go ({@code hookline.dispatcher.operations.*}): always to the Kafka
 * topic, and, when a URL is set, as a signed webhook (Standard Webhooks) to the operators' own endpoint.
 *
 * @param topic the operational events topic (configurable so tests and deployments sharing a cluster keep theirs)
 * @param webhookUrl the operators' webhook, http(s); empty: no webhook
 * @param webhookSecret its signing secret, {@code whsec_<base64>}; required with a URL; never logged
 * @param webhookAttempts how many times the webhook is tried before the event is given up on (logged)
 * @param webhookBackoff the wait before the second attempt; it doubles after each failure
 */
@Validated
@ConfigurationProperties("hookline.dispatcher.operations")
public record OperationsProperties(
        @DefaultValue(Topics.OPERATIONAL_EVENTS) @NotBlank String topic,
        @DefaultValue("") @NotNull String webhookUrl,
        @DefaultValue("") @NotNull String webhookSecret,
        @DefaultValue("4") @Min(1) int webhookAttempts,
        @DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration webhookBackoff) {

    public boolean webhookConfigured() {
        return !webhookUrl.isBlank();
    }

    @AssertTrue(message = "webhook-url must be an absolute http(s) URL, and webhook-secret a whsec_ secret with it")
    public boolean isWebhookValid() {
        if (!webhookConfigured()) {
            return true;
        }
        try {
            URI url = URI.create(webhookUrl.trim());
            WebhookSecret.parse(webhookSecret);
            return url.getHost() != null && ("http".equals(url.getScheme()) || "https".equals(url.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "OperationsProperties[topic=" + topic + ", webhookUrl=" + Redacted.url(webhookUrl)
                + ", webhookSecret=***, "
                + "webhookAttempts=" + webhookAttempts + ", webhookBackoff=" + webhookBackoff + "]";
    }
}

package io.hookline.dispatcher.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the dispatcher's own HTTP API ({@code hookline.dispatcher.api.*}; the outbound webhook client is
 * {@code hookline.dispatcher.http.*}).
 *
 * @param maxRequestBody the largest request body accepted on any path; larger ones get 413 (default 64KB,
 *        room for a bulk replay of the most ids it takes)
 */
@ConfigurationProperties("hookline.dispatcher.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxRequestBody) {

    public ApiProperties {
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("hookline.dispatcher.api.max-request-body must be positive");
        }
    }
}

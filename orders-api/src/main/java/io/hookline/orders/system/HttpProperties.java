package io.hookline.orders.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API ({@code hookline.orders.http.*}).
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 (default 64KB)
 */
@ConfigurationProperties("hookline.orders.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxRequestBody) {

    public HttpProperties {
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("hookline.orders.http.max-request-body must be positive");
        }
    }
}

package io.hookline.dispatcher.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin API's credential ({@code hookline.dispatcher.admin.*}).
 *
 * @param token the bearer token every admin request must present ({@code Authorization: Bearer <token>});
 *        no default: without one the admin API answers 401 to everything
 */
@ConfigurationProperties("hookline.dispatcher.admin")
public record AdminProperties(@DefaultValue("") String token) {

    @Override
    public String toString() {
        return "AdminProperties[token=***]";
    }
}

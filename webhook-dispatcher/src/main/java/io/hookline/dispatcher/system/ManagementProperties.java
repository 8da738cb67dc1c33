package io.hookline.dispatcher.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the actuator endpoints ({@code hookline.dispatcher.management.*}).
 *
 * @param requireAdminToken whether every actuator endpoint but {@code /actuator/health/**} needs
 *        {@code Authorization: Bearer <hookline.dispatcher.admin.token>} (default false; true under the prod profile,
 *        where {@code ProductionGuard} refuses false)
 */
@ConfigurationProperties("hookline.dispatcher.management")
public record ManagementProperties(@DefaultValue("false") boolean requireAdminToken) {
}

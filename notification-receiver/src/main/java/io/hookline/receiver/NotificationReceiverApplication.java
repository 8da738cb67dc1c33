package io.hookline.receiver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationReceiverApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationReceiverApplication.class, args);
    }
}

package io.hookline.receiver.support;

import io.hookline.testsupport.UsesTestKafka;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole receiver on a random port, against the shared test broker and an in-memory H2 database.
 * Classes carrying only this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:receiver-tests;DB_CLOSE_DELAY=-1",
        "spring.kafka.consumer.properties.session.timeout.ms=10000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000"})
@UsesTestKafka
public @interface ReceiverIntegrationTest {
}

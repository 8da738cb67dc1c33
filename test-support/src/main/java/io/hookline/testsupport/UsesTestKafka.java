package io.hookline.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Put on a {@code @SpringBootTest} class: its application context talks to the shared {@link TestKafka}
 * broker. Give each test class its own topics or consumer group ids.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = TestKafkaInitializer.class)
public @interface UsesTestKafka {
}

package io.hookline.dispatcher.contract;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.support.topics.TopicCatalog;
import io.hookline.support.topics.TopicVerificationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /asyncapi.json}: the platform's topics and records as an AsyncAPI 3.0 document ({@link
 * AsyncApiDocument}), public like {@code /v3/api-docs}. Built once at start-up; thread-safe.
 */
@RestController
class AsyncApiController {

    private final String document;

    AsyncApiController(KafkaProperties kafka, Environment environment, JsonMapper json) {
        TopicVerificationProperties replication = Binder.get(environment)
                .bindOrCreate("hookline.topics.verify", TopicVerificationProperties.class);
        this.document = json.writeValueAsString(AsyncApiDocument.build(TopicCatalog.packaged(), EventCatalog.platform(),
                replication, kafka.getBootstrapServers()));
    }

    @GetMapping(path = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String document() {
        return document;
    }
}

package io.hookline.dispatcher.contract;

import io.hookline.schemas.catalog.EventCatalog;
import io.hookline.support.topics.TopicCatalog;
import io.hookline.support.topics.TopicVerificationProperties;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's Kafka surface as an AsyncAPI 3.0 document, built from data: every topic of {@code topics.conf}
 * ({@link TopicCatalog}) is a channel with its partitions, retention and expected replication (Kafka bindings);
 * what it carries comes from {@link TopicContract}, the messages (payload, headers, key) from
 * {@link AsyncApiMessages} and so from the {@link EventCatalog} and the {@code schemas} module. Served at
 * {@code GET /asyncapi.json} (docs/event-contracts.md). A pure function of its inputs.
 */
public final class AsyncApiDocument {

    public static final String ASYNCAPI_VERSION = "3.0.0";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AsyncApiDocument() {
    }

    /**
     * The document.
     *
     * @param replication the replication every topic is expected to have in production
     * @param bootstrapServers the brokers this dispatcher talks to (the document's server)
     * @throws IllegalStateException if {@code topics.conf} declares a topic {@link TopicContract} does not describe
     */
    public static ObjectNode build(TopicCatalog topics, EventCatalog events, TopicVerificationProperties replication,
            List<String> bootstrapServers) {
        AsyncApiMessages messages = new AsyncApiMessages(events);
        ObjectNode document = JSON.createObjectNode();
        document.put("asyncapi", ASYNCAPI_VERSION);
        document.put("id", "urn:io:hookline:platform");
        ObjectNode info = document.putObject("info");
        info.put("title", "hookline events");
        info.put("version", "1.0.0");
        info.put("description", "The Kafka topics of the hookline platform, what each record carries (payload,"
                + " headers, key) and who writes and reads it. Event payloads follow the event-type catalog"
                + " (GET /event-types); docs/event-contracts.md says how contracts evolve.");
        ObjectNode server = document.putObject("servers").putObject("kafka");
        server.put("host", bootstrapServers.isEmpty() ? "localhost:9092" : bootstrapServers.getFirst());
        server.put("protocol", "kafka");
        server.put("description", "The brokers this dispatcher uses: " + String.join(", ", bootstrapServers));
        document.put("defaultContentType", "application/json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        topics.topics().values().forEach(topic -> {
            TopicContract contract = TopicContract.of(topic.name(), messages).orElseThrow(() -> new IllegalStateException(
                    "topics.conf declares " + topic.name() + " but the AsyncAPI document does not know what it"
                            + " carries: describe it in " + TopicContract.class.getName()));
            String channel = channelId(topic.name());
            channels.set(channel, channel(topic, contract, replication));
            operations.set(channel + "_send", operation("send", channel, contract, "Written by " + contract.writer()));
            operations.set(channel + "_receive", operation("receive", channel, contract,
                    "Read by " + String.join("; ", contract.readers())));
        });
        ObjectNode components = document.putObject("components");
        components.set("schemas", messages.schemas());
        components.set("messages", messages.messages());
        return document;
    }

    /** The channel id of a topic: its name with the dots an AsyncAPI id may not have as underscores. */
    public static String channelId(String topic) {
        return topic.replace('.', '_');
    }

    private static ObjectNode channel(TopicCatalog.Declaration topic, TopicContract contract,
            TopicVerificationProperties replication) {
        ObjectNode channel = JSON.createObjectNode();
        channel.put("address", topic.name());
        channel.put("title", topic.name());
        channel.put("description", contract.description());
        ObjectNode messages = channel.putObject("messages");
        contract.messages().forEach(id -> messages.putObject(id).put("$ref", "#/components/messages/" + id));
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("topic", topic.name());
        kafka.put("partitions", topic.partitions());
        kafka.put("replicas", replication.replicationFactor());
        ObjectNode configuration = kafka.putObject("topicConfiguration");
        configuration.putArray("cleanup.policy").add(topic.cleanupPolicy());
        configuration.put("retention.ms", topic.retentionMs());
        kafka.put("bindingVersion", AsyncApiMessages.KAFKA_BINDING_VERSION);
        channel.put("x-min-insync-replicas", replication.minInsyncReplicas());
        channel.put("x-writer", contract.writer());
        ArrayNode readers = channel.putArray("x-readers");
        contract.readers().forEach(readers::add);
        return channel;
    }

    private static ObjectNode operation(String action, String channel, TopicContract contract, String summary) {
        ObjectNode operation = JSON.createObjectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + channel);
        operation.put("summary", summary);
        ArrayNode messages = operation.putArray("messages");
        contract.messages().forEach(id -> messages.addObject().put("$ref", "#/channels/" + channel + "/messages/" + id));
        return operation;
    }
}

package io.hookline.support.topics;

import java.util.List;

/** The topics a service uses are missing or differ from {@code topics.conf}: the service must not start. */
public final class TopicSettingsException extends IllegalStateException {

    private final List<String> differences;

    TopicSettingsException(List<String> differences) {
        super("Refusing to start: the Kafka topics this service uses do not match topics.conf "
                + "(hookline.topics.verify): " + String.join("; ", differences));
        this.differences = List.copyOf(differences);
    }

    TopicSettingsException(String message, Throwable cause) {
        super(message, cause);
        this.differences = List.of();
    }

    /** One line per difference, each naming its topic. */
    public List<String> differences() {
        return differences;
    }
}

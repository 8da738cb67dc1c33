package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.endpoint.Endpoint;
import io.hookline.dispatcher.endpoint.EndpointDirectory;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Delivers one event to every subscribed endpoint that has not yet accepted it. Deliveries to several
 * endpoints run concurrently; {@link #dispatch} blocks the calling (listener) thread until all of them
 * finished, which takes at most the response timeout. Endpoints that answer 2xx are remembered in
 * {@link DeliveryProgress}, so a retry only goes to the ones that failed. Thread-safe.
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** Slack above the per-attempt budget for scheduling; the attempts themselves are bounded by it. */
    private static final Duration BLOCK_SLACK = Duration.ofSeconds(5);

    private final EventReader reader;
    private final EndpointDirectory directory;
    private final WebhookClient client;
    private final DeliveryProgress progress;
    private final Duration blockLimit;

    public WebhookDispatcher(EventReader reader, EndpointDirectory directory, WebhookClient client,
            DeliveryProgress progress, HttpProperties http) {
        this.reader = reader;
        this.directory = directory;
        this.client = client;
        this.progress = progress;
        this.blockLimit = http.responseTimeout().plus(BLOCK_SLACK);
    }

    /**
     * Reads and delivers one record value; returns normally once every subscriber accepted the event.
     *
     * @throws PoisonEventException if the value can never be delivered (dead-letter it, do not retry)
     * @throws DeliveryFailedException if some endpoint failed this time (retry later)
     */
    public void dispatch(String value) {
        IncomingEvent event = reader.read(value);
        List<Endpoint> pending = directory.subscribersOf(event.type()).stream()
                .filter(endpoint -> !progress.isDelivered(event.id(), endpoint.name()))
                .toList();
        if (pending.isEmpty()) {
            log.debug("Event {} of type {} has no pending subscriber", event.id(), event.type());
            progress.forget(event.id());
            return;
        }
        List<DeliveryResult> results = Flux.fromIterable(pending)
                .flatMap(endpoint -> client.deliver(endpoint, event.id(), event.webhookBody()))
                .collectList()
                .block(blockLimit);
        List<DeliveryResult> failures = results.stream().filter(result -> !result.delivered()).toList();
        results.stream().filter(DeliveryResult::delivered)
                .forEach(result -> progress.markDelivered(event.id(), result.endpointName()));
        if (!failures.isEmpty()) {
            throw new DeliveryFailedException(event.id(), failures);
        }
        progress.forget(event.id());
    }
}

package io.hookline.dispatcher.catalog;

import io.hookline.support.problem.NotFoundException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event-type catalog (admin): {@code GET /event-types} lists every type and version with its description,
 * topic, payload schema and an example; {@code GET /event-types/{name}} shows the current version of one.
 */
@RestController
@RequestMapping("/event-types")
class EventTypeController {

    private final EventTypeRegistry registry;

    EventTypeController(EventTypeRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    Map<String, List<EventType>> list() {
        return Map.of("data", registry.all());
    }

    @GetMapping("/{name}")
    EventType get(@PathVariable String name) {
        return registry.latest(name).orElseThrow(() -> new NotFoundException("There is no event type " + name
                + "; GET /event-types lists them."));
    }
}

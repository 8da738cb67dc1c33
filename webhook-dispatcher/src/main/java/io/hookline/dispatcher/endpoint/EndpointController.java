package io.hookline.dispatcher.endpoint;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints API (admin; see {@code WebConfiguration}). JSON is snake_case. {@code POST /endpoints/{id}/enable}
 * lives with the dead letters ({@code deadletter.EndpointRecoveryController}): enabling offers their replay.
 */
@RestController
@RequestMapping("/endpoints")
class EndpointController {

    private final EndpointService endpoints;
    private final EndpointHealthSource health;

    EndpointController(EndpointService endpoints, EndpointHealthSource health) {
        this.endpoints = endpoints;
        this.health = health;
    }

    @PostMapping
    ResponseEntity<EndpointResponse> create(@RequestBody EndpointRequest request) {
        EndpointResponse created = endpoints.create(request);
        return ResponseEntity.created(URI.create("/endpoints/" + created.id())).body(created);
    }

    @GetMapping
    Map<String, List<EndpointResponse>> list() {
        return Map.of("data", endpoints.list());
    }

    @GetMapping("/{id}")
    EndpointResponse get(@PathVariable String id) {
        return EndpointResponse.of(endpoints.get(id)).withHealth(health.health(id));
    }

    @PatchMapping("/{id}")
    EndpointResponse update(@PathVariable String id, @RequestBody EndpointRequest request) {
        return endpoints.update(id, request);
    }

    @PostMapping("/{id}/disable")
    EndpointResponse disable(@PathVariable String id) {
        return endpoints.update(id, new EndpointRequest(null, null, null, false));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        endpoints.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/secret")
    EndpointResponse secret(@PathVariable String id) {
        return endpoints.revealSecret(id);
    }

    /** Body optional: {@code {"overlap_seconds": 3600}}; default {@code hookline.dispatcher.directory.rotation-overlap}. */
    @PostMapping("/{id}/rotate-secret")
    EndpointService.RotationResponse rotate(@PathVariable String id,
            @RequestBody(required = false) RotationRequest request) {
        Duration overlap = request == null || request.overlapSeconds() == null ? null
                : Duration.ofSeconds(request.overlapSeconds());
        return endpoints.rotate(id, overlap);
    }

    record RotationRequest(Long overlapSeconds) {
    }
}

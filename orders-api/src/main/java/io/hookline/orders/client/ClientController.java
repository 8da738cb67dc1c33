package io.hookline.orders.client;

import io.hookline.orders.auth.RequiredScope;
import io.hookline.orders.auth.Scope;
import io.hookline.orders.client.ClientRequests.NewClient;
import io.hookline.orders.client.ClientResponses.ClientList;
import io.hookline.orders.client.ClientResponses.CreatedClient;
import io.hookline.orders.client.ClientResponses.IssuedApiKey;
import io.hookline.orders.client.ClientResponses.RotatedCallbackSecret;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /clients}: the admin API for clients, their API keys and their callback secrets (admin key only). */
@RestController
@Tag(name = "clients", description = "API clients, their keys and callback secrets (admin key only)")
@SecurityRequirement(name = "bearer")
class ClientController {

    private final ClientService clients;

    ClientController(ClientService clients) {
        this.clients = clients;
    }

    @Operation(summary = "Create a client",
            description = "Body {\"name\": ..., \"scopes\"?: [\"read\",\"write\"]}. Answers the client with its first "
                    + "API key (api_key.key) and its callback secret (callback_secret, when callbacks are "
                    + "configured): both are shown this once and never again.")
    @ApiResponse(responseCode = "201", description = "the client, its key and its callback secret")
    @ApiResponse(responseCode = "422", description = "invalid name or scopes")
    @RequiredScope(Scope.ADMIN)
    @PostMapping(path = "/clients", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CreatedClient> create(@RequestBody JsonNode body) {
        NewClient request = ClientRequests.newClient(body);
        CreatedClient created = clients.create(request.name(), request.scopes());
        return ResponseEntity.created(URI.create("/clients/" + created.id())).body(created);
    }

    @Operation(summary = "List clients", description = "Every client with its keys: ids, visible prefixes, "
            + "scopes, revocation times; never a key or a secret.")
    @RequiredScope(Scope.ADMIN)
    @GetMapping("/clients")
    ClientList list() {
        return new ClientList(clients.list());
    }

    @Operation(summary = "Issue an API key", description = "Body {\"scopes\": [\"read\"]} (read, write, admin). "
            + "The key is shown this once.")
    @ApiResponse(responseCode = "201", description = "the new key")
    @ApiResponse(responseCode = "404", description = "no such client")
    @RequiredScope(Scope.ADMIN)
    @PostMapping(path = "/clients/{id}/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<IssuedApiKey> issueKey(@Parameter(description = "cli_…") @PathVariable String id,
            @RequestBody JsonNode body) {
        IssuedApiKey issued = clients.issueKey(id, ClientRequests.newKey(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @Operation(summary = "Revoke an API key", description = "Effective for the next request; revoking twice is "
            + "fine.")
    @ApiResponse(responseCode = "204", description = "revoked")
    @ApiResponse(responseCode = "404", description = "no such client or key")
    @RequiredScope(Scope.ADMIN)
    @DeleteMapping("/clients/{id}/api-keys/{keyId}")
    ResponseEntity<Void> revokeKey(@PathVariable String id, @PathVariable String keyId) {
        clients.revokeKey(id, keyId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Rotate the callback secret", description = "Bumps the client's callback secret version "
            + "and answers the new secret (once). Callbacks are signed with the new and the previous secret until "
            + "previous_valid_until (hookline.orders.callbacks.rotation-grace, default 24 h).")
    @ApiResponse(responseCode = "200", description = "the new secret")
    @ApiResponse(responseCode = "404", description = "no such client")
    @ApiResponse(responseCode = "409", description = "callbacks are not configured")
    @RequiredScope(Scope.ADMIN)
    @PostMapping("/clients/{id}/rotate-callback-secret")
    RotatedCallbackSecret rotate(@PathVariable String id) {
        return clients.rotateCallbackSecret(id);
    }
}

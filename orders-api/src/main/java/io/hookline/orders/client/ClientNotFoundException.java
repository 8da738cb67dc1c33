package io.hookline.orders.client;

import io.hookline.support.problem.NotFoundException;

/** No client with this id (or no such key of the client). */
final class ClientNotFoundException extends NotFoundException {

    private ClientNotFoundException(String message) {
        super(message);
    }

    static ClientNotFoundException client(String id) {
        return new ClientNotFoundException("There is no client " + id + ".");
    }

    static ClientNotFoundException apiKey(String clientId, String keyId) {
        return new ClientNotFoundException("Client " + clientId + " has no API key " + keyId + ".");
    }
}

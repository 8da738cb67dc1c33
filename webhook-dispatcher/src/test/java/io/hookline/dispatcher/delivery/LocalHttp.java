package io.hookline.dispatcher.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP calls to the dispatcher under test (JSON bodies), for the integration tests of every package. */
public final class LocalHttp {

    private LocalHttp() {
    }

    /**
     * Sends {@code method path} to {@code localhost:port} with a JSON {@code body} (may be null) and the
     * {@code Authorization} header (null: none); answers the response as text.
     */
    public static HttpResponse<String> call(int port, String method, String path, String body,
            String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.hookline.dispatcher.delivery;

/**
 * The outcome of one delivery attempt to one endpoint.
 *
 * @param endpointName the endpoint
 * @param status the HTTP status, or 0 when no response arrived
 * @param error why no response arrived (e.g. {@code connection refused}), or {@code null}
 * @param latencyMs how long the attempt took
 */
public record DeliveryResult(String endpointName, int status, String error, long latencyMs) {

    static DeliveryResult answered(String endpointName, int status, long latencyMs) {
        return new DeliveryResult(endpointName, status, null, latencyMs);
    }

    static DeliveryResult failed(String endpointName, String error, long latencyMs) {
        return new DeliveryResult(endpointName, 0, error, latencyMs);
    }

    /** Only a 2xx answer counts as delivered. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }

    /** {@code HTTP 503} or the error, e.g. {@code timed out after 10000 ms}. */
    public String outcome() {
        return error == null ? "HTTP " + status : error;
    }
}

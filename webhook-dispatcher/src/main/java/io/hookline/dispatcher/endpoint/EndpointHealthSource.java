package io.hookline.dispatcher.endpoint;

/** Where the endpoints API reads an endpoint's health (the delivery engine implements it). Thread-safe. */
public interface EndpointHealthSource {

    /** The endpoint's health in this process; an endpoint with no traffic yet is closed with the initial limit. */
    EndpointHealth health(String endpointId);
}

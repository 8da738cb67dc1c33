package io.hookline.e2e.compose;

import tools.jackson.databind.JsonNode;

/**
 * One entry of a resolved service's {@code ports}, in either form the compose tools print: the short syntax
 * ({@code "127.0.0.1:8025:8025/tcp"}, {@code "127.0.0.1::8081"}, {@code "8081"}) or the long one
 * ({@code {host_ip, published, target}}).
 *
 * @param hostIp the host address it is published on; empty = every interface
 */
record PublishedPort(String hostIp, String target) {

    static PublishedPort of(JsonNode port) {
        if (port.isObject()) {
            return new PublishedPort(port.path("host_ip").asString(""), port.path("target").asString());
        }
        String[] parts = port.asString().split("/")[0].split(":");
        String target = parts[parts.length - 1];
        return new PublishedPort(parts.length == 3 ? parts[0] : "", target);
    }

    boolean loopbackOnly() {
        return hostIp.equals("127.0.0.1") || hostIp.equals("::1");
    }
}

package io.hookline.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One service of the stack: its runnable jar, its port and the arguments that wire it to the others.
 *
 * @param name the module name, e.g. {@code orders-api}
 * @param jar {@code <module>/target/<module>-exec.jar}
 * @param port the HTTP port it serves on
 * @param arguments Spring Boot command-line properties ({@code --key=value})
 * @param role one line for the start-up table
 */
public record ServiceSpec(String name, Path jar, int port, List<String> arguments, String role) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}

package io.hookline.kafka.embedded;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@link KraftNode} in a child JVM on this JVM's own classpath. Run from a Spring Boot
 * executable jar (the local stack's, the chaos suite's), the classes sit in nested jars that a plain
 * {@code -cp} cannot reach, so the child is started through Boot's {@code PropertiesLauncher} on the same jar.
 */
final class NodeCommand {

    private static final String NESTED = "nested:";
    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private NodeCommand() {
    }

    static List<String> of(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        String bootJar = enclosingBootJar();
        if (bootJar != null) {
            command.addAll(List.of("-Dloader.main=" + KraftNode.class.getName(), "-cp", bootJar, BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), KraftNode.class.getName()));
        }
        command.addAll(arguments);
        return command;
    }

    /** The outer jar when this class was loaded from a jar nested in a Spring Boot executable jar, else null. */
    private static String enclosingBootJar() {
        URL location = KraftNode.class.getProtectionDomain().getCodeSource().getLocation();
        String text = location.toString();
        int nested = text.indexOf(NESTED);
        if (nested < 0) {
            return null;
        }
        String path = text.substring(nested + NESTED.length());
        int inner = path.indexOf("/!");
        return inner < 0 ? path : path.substring(0, inner);
    }
}

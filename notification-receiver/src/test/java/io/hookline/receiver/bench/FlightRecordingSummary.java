package io.hookline.receiver.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the receiver's CPU went during the measured phase: the {@code jdk.ExecutionSample} events of a flight
 * recording aggregated by top frame (self time), by thread, and inclusively by a few parts of the request path
 * (a sample counts for a part when any of its frames belongs to it).
 */
final class FlightRecordingSummary {

    /** Parts of the request path, each named by a substring of a frame's class (or class.method). */
    private static final Map<String, String> PARTS = parts();

    private final Map<String, Integer> topFrames = new HashMap<>();
    private final Map<String, Integer> threads = new HashMap<>();
    private final Map<String, Integer> inclusive = new LinkedHashMap<>();
    private int samples;

    private FlightRecordingSummary() {
    }

    static String summarize(Path recording, int topN) throws IOException {
        FlightRecordingSummary summary = new FlightRecordingSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                summary.add(event);
            }
        }
        return summary.render(topN);
    }

    private void add(RecordedEvent event) {
        samples++;
        var thread = event.getThread("sampledThread");
        String name = thread == null ? "?" : thread.getJavaName();
        threads.merge(name == null ? "?" : name.replaceAll("\\d+", "N"), 1, Integer::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        topFrames.merge(frameName(frames.getFirst()), 1, Integer::sum);
        PARTS.forEach((part, marker) -> {
            if (frames.stream().anyMatch(frame -> frameName(frame).contains(marker))) {
                inclusive.merge(part, 1, Integer::sum);
            }
        });
    }

    private static String frameName(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private String render(int topN) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("JFR execution samples: %d%n  top frames (self):%n", samples));
        top(topFrames, topN).forEach((name, n) -> out.append(line(name, n)));
        out.append("  threads:\n");
        top(threads, 12).forEach((name, n) -> out.append(line(name, n)));
        out.append("  parts (inclusive):\n");
        inclusive.forEach((name, n) -> out.append(line(name, n)));
        return out.toString();
    }

    private String line(String name, int n) {
        return String.format("    %5.1f %%  %s%n", 100.0 * n / Math.max(1, samples), name);
    }

    private static Map<String, Integer> top(Map<String, Integer> counts, int n) {
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("HTTP server (Tomcat)", "org.apache.coyote.");
        parts.put("HTTP server (Reactor Netty)", "reactor.netty.");
        parts.put("Spring MVC DispatcherServlet", "org.springframework.web.servlet.DispatcherServlet.doDispatch");
        parts.put("webhook intake", "io.hookline.receiver.webhook.");
        parts.put("signature (HMAC)", "io.hookline.schemas.signing.SignatureVerifier.verify");
        parts.put("JSON parse (Jackson readTree)", "tools.jackson.databind.ObjectMapper.readTree");
        parts.put("schema validation (networknt)", "com.networknt.schema.");
        parts.put("contract check", "io.hookline.receiver.webhook.OrderPaidContract");
        parts.put("Kafka send (caller)", "org.apache.kafka.clients.producer.KafkaProducer.send");
        parts.put("Kafka producer I/O thread", "org.apache.kafka.clients.producer.internals.Sender.run");
        parts.put("observation / tracing", "io.micrometer.observation.");
        parts.put("OpenTelemetry", "io.opentelemetry.");
        parts.put("metrics (Micrometer)", "io.micrometer.core.");
        parts.put("logging (Logback)", "ch.qos.logback.");
        parts.put("inbox listener (consumer)", "org.springframework.kafka.listener.KafkaMessageListenerContainer");
        parts.put("e-mail senders", "io.hookline.receiver.mail.");
        parts.put("H2", "org.h2.");
        return parts;
    }
}

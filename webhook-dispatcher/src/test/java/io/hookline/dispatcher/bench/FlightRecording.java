package io.hookline.dispatcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Java Flight Recorder recording (JDK's "profile" settings) of part of the benchmark, written to the file named
 * by the system property {@code bench.jfr} ({@code BENCH_JFR} in {@code bench/dispatcher.sh}); does nothing when
 * it is not set. Not thread-safe.
 */
final class FlightRecording implements AutoCloseable {

    private final Recording recording;

    private FlightRecording(Recording recording) {
        this.recording = recording;
    }

    static FlightRecording startIfRequested() {
        String file = System.getProperty("bench.jfr", "");
        if (file.isBlank()) {
            return new FlightRecording(null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(file));
            recording.start();
            return new FlightRecording(recording);
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot record to " + file, e);
        }
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.stop();
            recording.close();
            System.out.println("[bench] flight recording written to " + System.getProperty("bench.jfr"));
        }
    }
}

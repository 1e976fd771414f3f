package io.kefu.tests.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.kefu.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures what the functions log (their {@code EventLog} writes JSON lines to the System.out it saw when the
 * handler was built) so a test can check the log lines, without flooding the build output. Start it before the
 * runtime builds its handlers; {@link #close()} restores System.out.
 */
final class LogCapture implements AutoCloseable {
    private static final Object LOCK = new Object();
    private final PrintStream original;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final boolean keep;

    private LogCapture(boolean keep) {
        this.keep = keep;
        this.original = System.out;
        OutputStream sink = keep ? buffer : OutputStream.nullOutputStream();
        System.setOut(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (LOCK) {
                    try {
                        sink.write(b);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (LOCK) {
                    try {
                        sink.write(b, off, len);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    /** Keeps the lines for {@link #events}. */
    static LogCapture keeping() {
        return new LogCapture(true);
    }

    /** Drops them (load runs: tens of thousands of lines). */
    static LogCapture discarding() {
        return new LogCapture(false);
    }

    /** The real stdout, for the test's own figures. */
    PrintStream console() {
        return original;
    }

    /** The JSON log lines with {@code "event": event}. */
    List<JsonNode> events(String event) {
        String text;
        synchronized (LOCK) {
            text = buffer.toString(StandardCharsets.UTF_8);
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                JsonNode node = Json.mapper().readTree(line);
                if (event.equals(node.path("event").asText())) {
                    out.add(node);
                }
            } catch (Exception notJson) {
                // other output
            }
        }
        return out;
    }

    @Override
    public void close() {
        System.setOut(original);
    }
}

package io.kefu.tests.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The sample messages in {@code events/} (the contracts' owners keep them valid), as mutable JSON trees. */
final class Samples {
    private static final Path EVENTS = findEvents();

    private Samples() {}

    static String text(String relative) {
        try {
            return Files.readString(EVENTS.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode json(String relative) {
        try {
            return (ObjectNode) Json.mapper().readTree(text(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every sample of one folder of {@code events/} (e.g. "transcripts"), by file name. */
    static java.util.List<String> all(String folder) {
        try (var files = Files.list(EVENTS.resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(f -> text(folder + "/" + f.getFileName())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean exists(String relative) {
        return Files.exists(EVENTS.resolve(relative));
    }

    private static Path findEvents() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events/shipments"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("events");
    }
}

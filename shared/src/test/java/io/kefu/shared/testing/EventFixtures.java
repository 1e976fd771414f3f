package io.kefu.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads sample events from the repository's events/ folder (shared with the README demo). */
public final class EventFixtures {
    private EventFixtures() {}

    public static String transcript(String name) {
        return read(Path.of("events", "transcripts", name + ".json"));
    }

    public static String read(Path relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no events/ folder above " + Path.of("").toAbsolutePath());
        }
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

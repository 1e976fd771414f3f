package io.kefu.cli.qa.accuracy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.ComplaintSeverity;
import io.kefu.shared.domain.qa.ComplaintType;
import io.kefu.shared.domain.qa.QaStatus;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a gold directory: every {@code <id>.json} (a transcript message, decoded by the same contract as the
 * scoring function) with its {@code <id>.gold.json}. A label that does not validate is refused with the file and field,
 * so a typo cannot silently drop a rule from the counts.
 */
public final class GoldSet {
    private static final String GOLD_SUFFIX = ".gold.json";
    // Stricter than the message mapper: an unknown key in a label is a typo, not a forward-compatible field.
    private static final ObjectMapper LABELS = Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GoldSet() {}

    public static List<GoldChat> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--gold: not a directory: " + dir);
        }
        List<Path> transcripts;
        try (Stream<Path> files = Files.list(dir)) {
            transcripts = files.filter(p -> p.getFileName().toString().endsWith(".json")
                    && !p.getFileName().toString().endsWith(GOLD_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<GoldChat> chats = new ArrayList<>();
        for (Path file : transcripts) {
            chats.add(read(file));
        }
        if (chats.isEmpty()) {
            throw new IllegalArgumentException("--gold: no <id>.json transcripts in " + dir);
        }
        return chats;
    }

    static GoldChat read(Path transcriptFile) {
        String name = transcriptFile.getFileName().toString();
        String id = name.substring(0, name.length() - ".json".length());
        Path goldFile = transcriptFile.resolveSibling(id + GOLD_SUFFIX);
        if (!Files.exists(goldFile)) {
            throw new IllegalArgumentException(goldFile + ": missing (every transcript needs its gold label)");
        }
        Transcript transcript = transcript(transcriptFile);
        GoldLabel gold;
        try {
            gold = LABELS.readValue(Files.readString(goldFile, StandardCharsets.UTF_8), GoldLabel.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(goldFile + ": " + firstLine(e.getMessage()), e);
        }
        validate(goldFile, id, transcript, gold);
        return new GoldChat(id, transcript, gold);
    }

    /** The scoring function's path: contract decode (all its validation), then the domain transcript. */
    public static Transcript transcript(Path file) {
        try {
            return TranscriptMessage.CONTRACT.decode(Files.readString(file, StandardCharsets.UTF_8)).toTranscript();
        } catch (InvalidMessageException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void validate(Path file, String id, Transcript t, GoldLabel g) {
        if (!id.equals(g.transcriptId()) || !id.equals(t.transcriptId())) {
            throw bad(file, "transcriptId", "must equal the file name and the transcript's id (" + id + "), got "
                    + g.transcriptId() + " / " + t.transcriptId());
        }
        oneOf(file, "status", g.status(), names(QaStatus.values()));
        for (Map.Entry<String, String> rule : g.rules().entrySet()) {
            oneOf(file, "rules." + rule.getKey(), rule.getValue(), names(Verdict.values()));
        }
        if (g.complaint() != null) {
            oneOf(file, "complaint.type", g.complaint().type(), names(ComplaintType.values()));
            oneOf(file, "complaint.severity", g.complaint().severity(), names(ComplaintSeverity.values()));
        }
        int size = t.messages().size();
        for (int i = 0; i < g.upsetTurns().size(); i++) {
            inRange(file, "upsetTurns[" + i + "]", g.upsetTurns().get(i), size);
        }
        if (g.promises() != null) {
            for (int i = 0; i < g.promises().size(); i++) {
                GoldLabel.PromiseLabel p = g.promises().get(i);
                inRange(file, "promises[" + i + "].messageIndex", p.messageIndex(), size);
                if (p.due() != null) {
                    try {
                        OffsetDateTime.parse(p.due());
                    } catch (DateTimeParseException e) {
                        throw bad(file, "promises[" + i + "].due", "ISO-8601 time with offset or null, got " + p.due());
                    }
                }
            }
        }
    }

    private static void oneOf(Path file, String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw bad(file, field, "expected one of " + String.join(", ", allowed) + ", got " + value);
        }
    }

    private static void inRange(Path file, String field, int index, int size) {
        if (index < 0 || index >= size) {
            throw bad(file, field, "message index " + index + " outside 0.." + (size - 1));
        }
    }

    private static IllegalArgumentException bad(Path file, String field, String reason) {
        return new IllegalArgumentException(file + ": " + field + ": " + reason);
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}

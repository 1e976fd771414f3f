package io.kefu.shared.aws.qa;

import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * What only `qa show` and re-scoring read, stored once on the score item ({@code detail}): the findings, the
 * promises and the redacted messages, as JSON compressed with raw DEFLATE and a preset dictionary. Not projected
 * into any index, so list views never pay for it.
 *
 * <p>Format: byte 0 is the dictionary version, then raw DEFLATE (no gzip header/trailer: 18 bytes a chat) primed
 * with {@code qa/score-detail-dictionary-<version>.txt}: the JSON keys, the default rulebook's rule ids and kinds,
 * and the scorer's fixed reason texts, which every chat's findings repeat. It cuts the sample chats' detail from
 * ~1.1 KB (gzip) to ~0.4 KB, which is what puts the score item under DynamoDB's 1 KB write unit. A dictionary is
 * frozen once released (items written with it must stay readable): a better one is a new file and a new version
 * byte. Items stored before this format hold a gzip stream (first byte 0x1f), still read.
 */
record ScoreDetail(List<Finding> findings, List<Promise> promises, List<Message> messages) {
    /** Evidence kept per finding when an item would otherwise pass DynamoDB's 400 KB limit. */
    static final int CAPPED_EVIDENCE_CHARS = 200;
    /** The dictionary new details are written with. */
    static final int DICTIONARY = 1;
    private static final int GZIP_MAGIC = 0x1f;

    byte[] compress() {
        byte[] json = Json.write(this).getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(dictionary(DICTIONARY));
            deflater.setInput(json);
            deflater.finish();
            var out = new ByteArrayOutputStream(json.length / 2 + 16);
            out.write(DICTIONARY);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static ScoreDetail decompress(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes[0] == GZIP_MAGIC ? gunzip(bytes) : inflate(bytes), ScoreDetail.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(dictionary(bytes[0]));   // raw DEFLATE: set before the first inflate
            // Inflater's "nowrap" contract: one dummy byte after the stream
            byte[] input = java.util.Arrays.copyOfRange(bytes, 1, bytes.length + 1);
            inflater.setInput(input);
            var out = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new UncheckedIOException(new IOException("truncated score detail"));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new UncheckedIOException(new IOException("unreadable score detail", e));
        } finally {
            inflater.end();
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static final byte[][] DICTIONARIES = new byte[2][];

    static synchronized byte[] dictionary(int version) {
        if (version < 1 || version >= DICTIONARIES.length) {
            throw new UncheckedIOException(new IOException("score detail written with unknown dictionary " + version));
        }
        if (DICTIONARIES[version] == null) {
            try (InputStream in = ScoreDetail.class.getResourceAsStream("/qa/score-detail-dictionary-" + version + ".txt")) {
                DICTIONARIES[version] = in.readAllBytes();
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("missing qa/score-detail-dictionary-" + version + ".txt", e);
            }
        }
        return DICTIONARIES[version];
    }

    /** The same detail with every finding's and promise's text cut to {@link #CAPPED_EVIDENCE_CHARS}. */
    ScoreDetail capped() {
        return new ScoreDetail(
                findings.stream().map(f -> new Finding(f.ruleId(), f.kind(), f.outcome(), f.redLine(), f.weight(), f.points(),
                        f.messageIndex(), cap(f.evidence()), f.reason())).toList(),
                promises.stream().map(p -> new Promise(p.ruleId(), p.messageIndex(), p.agentId(), p.dueBy(), cap(p.text()))).toList(),
                messages);
    }

    static String cap(String text) {
        if (text == null || text.length() <= CAPPED_EVIDENCE_CHARS) {
            return text;
        }
        int end = CAPPED_EVIDENCE_CHARS - 1;
        return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end) + "…";
    }
}

package io.kefu.shared.aws.qa;

import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What only `qa show` and re-scoring read, stored once on the score item as one gzip of JSON ({@code detail}):
 * the findings, the promises and the redacted messages. Not projected into any index, so list views never
 * pay for it; in one stream the findings' repeated keys and reasons compress to about a third.
 */
record ScoreDetail(List<Finding> findings, List<Promise> promises, List<Message> messages) {
    /** Evidence kept per finding when an item would otherwise pass DynamoDB's 400 KB limit. */
    static final int CAPPED_EVIDENCE_CHARS = 200;

    byte[] gzip() {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(Json.write(this).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ScoreDetail gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return Json.mapper().readValue(in.readAllBytes(), ScoreDetail.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.ReviewRecord;
import io.kefu.shared.app.qa.ScoreView;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.ReviewAction;
import io.kefu.shared.domain.qa.ScoreStatus;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads score and review items into views; the attribute names are DynamoQaScoreRepository's and DynamoQaReviewStore's. */
public final class ScoreItems {
    private ScoreItems() {}

    public static boolean isScore(Map<String, AttributeValue> item) {
        return item.containsKey("sk") && item.get("sk").s().startsWith("SCORE#");
    }

    /** A score's rulebook and version, as its sort key {@code SCORE#<rulebookId>#<version:06>} says. */
    public record ScoreKey(String rulebookId, int rulebookVersion) {}

    /**
     * From the sort key (items stored before this layout also have {@code rulebookId}/{@code rulebookVersion}
     * attributes, which say the same): the version is after the last '#', so a '#' in a rulebook id still parses.
     */
    public static ScoreKey scoreKey(Map<String, AttributeValue> i) {
        String sk = str(i, "sk");
        int last = sk.lastIndexOf('#');
        return new ScoreKey(sk.substring("SCORE#".length(), last), Integer.parseInt(sk.substring(last + 1)));
    }

    /** The chat's id: from the key {@code TRANSCRIPT#<id>} (items stored before this layout also have the attribute). */
    public static String transcriptId(Map<String, AttributeValue> i) {
        String id = str(i, "transcriptId");
        return id != null ? id : str(i, "pk").substring(QaScoreKeys.pk("").length());
    }

    /** Epoch milliseconds (a number: 8 bytes, not 24); items stored before: the fixed-width UTC string. */
    static java.time.Instant scoredAt(Map<String, AttributeValue> i) {
        AttributeValue v = i.get("scoredAt");
        if (v == null) {
            return null;
        }
        return v.n() != null ? java.time.Instant.ofEpochMilli(Long.parseLong(v.n())) : QaScoreKeys.parseSortable(v.s());
    }

    public static ScoreView view(Map<String, AttributeValue> i) {
        String status = str(i, "status");
        ScoreKey key = scoreKey(i);
        return new ScoreView(
                transcriptId(i), str(i, "sk"), key.rulebookId(), key.rulebookVersion(),
                str(i, "agentId"), str(i, "team"), str(i, "shopId"), str(i, "channel"),
                QaScoreKeys.parseSortable(str(i, "closedAt")),
                scoredAt(i),
                num(i, "score", 0),
                i.containsKey("autoStatus") ? str(i, "autoStatus") : status,
                str(i, "reviewReason"),
                i.containsKey("reviewedScore") ? num(i, "reviewedScore", 0) : null,
                ScoreStatus.parse(status),
                str(i, "complaintType"), str(i, "complaintSeverity"),
                list(i, "failedRules"), applicable(i), list(i, "overturnedRules"),
                str(i, "supersedes"), str(i, "supersededBy"),
                num(i, "reviewVersion", 0));
    }

    public static ReviewRecord review(Map<String, AttributeValue> i) {
        return new ReviewRecord(str(i, "transcriptId"), str(i, "scoreKey"), ReviewAction.valueOf(str(i, "action")),
                str(i, "actor"), QaScoreKeys.parseSortable(str(i, "at")), num(i, "oldScore", 0), num(i, "newScore", 0),
                str(i, "fromStatus"), str(i, "toStatus"), str(i, "reason"), list(i, "overturnedRules"));
    }

    /**
     * Rule ids whose finding counted (PASS or FAIL), failed ones first: {@code failedRules} + {@code passedRules},
     * projected into the list indexes; items stored before that have {@code applicableRules}, and items older still
     * only their findings, read when present (the base table, not the indexes).
     */
    static List<String> applicable(Map<String, AttributeValue> i) {
        if (i.containsKey("passedRules")) {   // this layout: failed + passed, the failed ids not stored twice
            return java.util.stream.Stream.concat(list(i, "failedRules").stream(), list(i, "passedRules").stream()).distinct().toList();
        }
        if (i.containsKey("applicableRules")) {   // items stored before passedRules
            return list(i, "applicableRules");
        }
        return (i.containsKey("detail") || i.containsKey("findings") ? findings(i) : List.<Finding>of()).stream()
                .filter(Finding::counts).map(Finding::ruleId).distinct().toList();
    }

    /** The scorer's findings (for `qa show`): from the detail, or the {@code findings} JSON of items stored before it. */
    public static List<Finding> findings(Map<String, AttributeValue> i) {
        if (i.containsKey("detail")) {
            return ScoreDetail.decompress(i.get("detail").b().asByteArrayUnsafe()).findings();
        }
        try {
            String json = str(i, "findings");
            return json == null ? List.of() : List.of(Json.mapper().readValue(json, Finding[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable findings on " + str(i, "pk"), e);
        }
    }

    /** The agent's promises (redacted) the follow-ups were made from: from the detail, or the {@code promises} JSON of older items. */
    public static List<io.kefu.shared.domain.qa.Promise> promises(Map<String, AttributeValue> i) {
        if (i.containsKey("detail")) {
            return ScoreDetail.decompress(i.get("detail").b().asByteArrayUnsafe()).promises();
        }
        try {
            String json = str(i, "promises");
            return json == null ? List.of() : List.of(Json.mapper().readValue(json, io.kefu.shared.domain.qa.Promise[].class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable promises on " + str(i, "pk"), e);
        }
    }

    /** The stored (redacted) transcript of a score item, as the scorer takes it. */
    public static Transcript transcript(Map<String, AttributeValue> i) {
        return new Transcript(transcriptId(i), str(i, "channel"), str(i, "shopId"), str(i, "team"),
                i.containsKey("agentIds") ? list(i, "agentIds") : List.of(str(i, "agentId")), str(i, "customerId"), str(i, "orderId"), str(i, "locale"),
                DynamoQaScoreRepository.transcriptOf(i));
    }

    static String str(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : v.s();
    }

    static int num(Map<String, AttributeValue> i, String name, int fallback) {
        AttributeValue v = i.get(name);
        return v == null || v.n() == null ? fallback : Integer.parseInt(v.n());
    }

    static List<String> list(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        if (v == null) {
            return List.of();
        }
        if (v.hasSs()) {
            return v.ss();
        }
        return v.hasL() ? v.l().stream().map(AttributeValue::s).toList() : List.of();
    }
}

package io.kefu.shared.aws.qa;

import io.kefu.shared.app.qa.QaScoreStore;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.domain.Retention;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Message;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.QaStatus;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.capacity.ItemSize;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * QaScores in DynamoDB (layout in {@link QaScoreKeys}, units per write in docs/qa-storage.md). Per scored transcript:
 * one Query (read), one BatchWriteItem of rule-failure items (skipped when nothing failed), one conditional PutItem.
 * The score item carries what list views read (projected into ByAgent/ByTeamDay/ByStatus) plus, once, the
 * {@link ScoreDetail} for `qa show` and re-scoring; it is sized by DynamoDB's rules before it is written.
 */
public final class DynamoQaScoreRepository implements QaScoreStore {
    private static final int BATCH_LIMIT = 25;
    private static final int UNPROCESSED_RETRIES = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ZoneId zone;

    public DynamoQaScoreRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, io.kefu.shared.domain.customer.CustomerPreferences.DEFAULT_ZONE);
    }

    public DynamoQaScoreRepository(DynamoDbClient dynamo, String table, ZoneId zone) {
        this.dynamo = dynamo;
        this.table = table;
        this.zone = zone;
    }

    @Override
    public List<StoredScore> scoresOf(String transcriptId) {
        List<StoredScore> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryTranscript(transcriptId, "SCORE#")) {
            ScoreItems.ScoreKey key = ScoreItems.scoreKey(item);
            out.add(new StoredScore(transcriptId, key.rulebookId(), key.rulebookVersion(), ScoreItems.list(item, "failedRules"),
                    payloadHash(item.get("payloadHash")), ScoreItems.str(item, "complaintModel")));
        }
        return out;
    }

    private static AttributeValue storedHash(String hash) {
        boolean sha256Hex = hash.length() == 64 && hash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        return sha256Hex ? AttributeValue.fromB(SdkBytes.fromByteArray(HexFormat.of().parseHex(hash))) : s(hash);
    }

    /** Hex, as {@code PayloadHash} gives it; stored as its 32 raw bytes (items before that: the hex string). */
    private static String payloadHash(AttributeValue stored) {
        if (stored == null) {
            return null;
        }
        return stored.s() != null ? stored.s() : HexFormat.of().formatHex(stored.b().asByteArrayUnsafe());
    }

    @Override
    public void writeRuleIndex(ScoreRecord record, StoredScore superseded) {
        QaScore score = record.score();
        Transcript t = record.redactedTranscript();
        List<WriteRequest> writes = new ArrayList<>();
        for (Finding f : score.failures()) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(QaScoreKeys.rule(f.ruleId())));
            item.put("sk", s(QaScoreKeys.ruleFailureSk(t.closedAt(), t.transcriptId(), score.rulebookId(), score.rulebookVersion())));
            item.put("type", s("QA_RULE_FAILURE"));
            item.put("transcriptId", s(t.transcriptId()));
            item.put("ruleId", s(f.ruleId()));
            item.put("closedAt", s(SortableTime.format(t.closedAt())));
            item.put("kind", s(f.kind().name()));
            item.put("redLine", AttributeValue.fromBool(f.redLine()));
            item.put("rulebookId", s(score.rulebookId()));
            item.put("rulebookVersion", n(score.rulebookVersion()));
            item.put("agentId", s(t.primaryAgentId()));
            item.put("team", s(t.team()));
            item.put("score", n(score.score()));
            item.put("status", s(score.status().name()));
            if (f.messageIndex() != null) {
                item.put("messageIndex", n(f.messageIndex()));
            }
            if (f.evidence() != null) {   // a list copy: the full evidence is in the score's detail
                item.put("evidence", s(ScoreDetail.cap(f.evidence())));
            }
            item.put("reason", s(f.reason()));
            item.put("ttl", ttl(t));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        if (superseded != null) {
            // The old score's rule items: keyed by rule (this layout) or under the transcript (before it). Both keys
            // follow from the old score and the chat's closedAt (the same chat: a changed payload is refused), and a
            // delete of an absent item is harmless, so both are deleted without reading which layout wrote them.
            for (String ruleId : superseded.failedRules()) {
                writes.add(delete(QaScoreKeys.rule(ruleId), QaScoreKeys.ruleFailureSk(t.closedAt(), superseded.transcriptId(),
                        superseded.rulebookId(), superseded.rulebookVersion())));
                writes.add(delete(QaScoreKeys.pk(superseded.transcriptId()),
                        QaScoreKeys.legacyFailureSk(superseded.rulebookId(), superseded.rulebookVersion(), ruleId)));
            }
        }
        for (int i = 0; i < writes.size(); i += BATCH_LIMIT) {
            batchWrite(writes.subList(i, Math.min(writes.size(), i + BATCH_LIMIT)));
        }
    }

    private static WriteRequest delete(String pk, String sk) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(Map.of("pk", s(pk), "sk", s(sk))).build()).build();
    }

    @Override
    public boolean putIfAbsent(ScoreRecord record) {
        try {
            Map<String, AttributeValue> item = fitting(record);
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void markSuperseded(StoredScore old, ScoreRecord successor) {
        QaScore s = successor.score();
        unlink(old.transcriptId(), QaScoreKeys.scoreSk(old.rulebookId(), old.rulebookVersion()),
                QaScoreKeys.scoreSk(s.rulebookId(), s.rulebookVersion()));
    }

    @Override
    public int finishSupersedes(String transcriptId) {
        Map<String, Map<String, AttributeValue>> bySk = new HashMap<>();
        queryTranscript(transcriptId, "SCORE#").forEach(i -> bySk.put(i.get("sk").s(), i));
        int finished = 0;
        for (Map<String, AttributeValue> successor : bySk.values()) {
            AttributeValue supersedes = successor.get("supersedes");
            Map<String, AttributeValue> old = supersedes == null ? null : bySk.get(supersedes.s());
            if (old != null && !old.containsKey("supersededBy")) {
                unlink(transcriptId, supersedes.s(), successor.get("sk").s());
                finished++;
            }
        }
        return finished;
    }

    private void unlink(String transcriptId, String oldSk, String successorSk) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of("pk", s(QaScoreKeys.pk(transcriptId)), "sk", s(oldSk)))
                .updateExpression("REMOVE gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk SET supersededBy = :by")
                .expressionAttributeValues(Map.of(":by", s(successorSk))));
    }

    /** All items of a transcript whose sort key starts with a prefix (SCORE#, FAIL#). */
    public List<Map<String, AttributeValue>> queryTranscript(String transcriptId, String skPrefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sk)")
                    .expressionAttributeValues(Map.of(":pk", s(QaScoreKeys.pk(transcriptId)), ":sk", s(skPrefix)))
                    .exclusiveStartKey(from));
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /**
     * Newest first from one partition: of an index, e.g. ("ByStatus", "gsi3pk", QaScoreKeys.status("NEEDS_REVIEW")),
     * or of the table with index null, e.g. (null, "pk", QaScoreKeys.rule("insult")).
     */
    public List<Map<String, AttributeValue>> newestFirst(String index, String keyAttribute, String key, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(index)
                .keyConditionExpression(keyAttribute + " = :k")
                .expressionAttributeValues(Map.of(":k", s(key)))
                .scanIndexForward(false).limit(limit)).items();
    }

    /** The stored, redacted transcript of a score item (its detail; {@code transcriptGz} on items stored before it). */
    public static List<Message> transcriptOf(Map<String, AttributeValue> scoreItem) {
        if (scoreItem.containsKey("detail")) {
            return ScoreDetail.decompress(scoreItem.get("detail").b().asByteArrayUnsafe()).messages();
        }
        byte[] json = gunzip(scoreItem.get("transcriptGz").b().asByteArray());
        try {
            return List.of(Json.mapper().readValue(json, Message[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The score item within DynamoDB's 400 KB (counted its way, {@link ItemSize}): as scored, else with evidence and
     * promise texts cut to {@value ScoreDetail#CAPPED_EVIDENCE_CHARS} characters; a transcript that does not fit even
     * so is refused with the reason (parked, not retried).
     */
    Map<String, AttributeValue> fitting(ScoreRecord record) {
        QaScore score = record.score();
        ScoreDetail detail = new ScoreDetail(score.findings(), score.promises(), record.redactedTranscript().messages());
        Map<String, AttributeValue> item = scoreItem(record, detail);
        long size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            item = scoreItem(record, detail.capped());
            long capped = ItemSize.of(item);
            if (capped > ItemSize.MAX_ITEM_BYTES) {
                throw new InvalidMessageException("messages", String.format("transcript %s too large to store: its score item is"
                        + " %,d bytes by DynamoDB's rules (%,d with evidence capped), limit %,d", record.redactedTranscript().transcriptId(),
                        size, capped, ItemSize.MAX_ITEM_BYTES));
            }
        }
        return item;
    }

    /**
     * The score item, within one write unit (1 KB) for a typical chat: the index sort key is {@code closedAt} itself
     * (no {@code <closedAt>#<id>} copy per index), rulebook id and version are read from the sort key, a score is
     * told by its sort key {@code SCORE#} (no {@code type}) and its chat by the key (no {@code transcriptId}), scoredAt
     * is epoch milliseconds, empty lists are left out,
     * {@code agentIds} is left out when it is just {@code agentId}, the payload hash is its 32 raw bytes, and the
     * detail is dictionary-compressed ({@link ScoreDetail}).
     */
    private Map<String, AttributeValue> scoreItem(ScoreRecord record, ScoreDetail detail) {
        QaScore score = record.score();
        Transcript t = record.redactedTranscript();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(QaScoreKeys.pk(t.transcriptId())));
        item.put("sk", s(QaScoreKeys.scoreSk(score.rulebookId(), score.rulebookVersion())));
        item.put("gsi1pk", s(QaScoreKeys.agent(t.primaryAgentId())));
        item.put("gsi2pk", s(QaScoreKeys.teamDay(t.team(), t.closedAt(), zone)));
        if (score.status() != QaStatus.PASS) {
            item.put("gsi3pk", s(QaScoreKeys.status(score.status().name())));
        }
        item.put("score", n(score.score()));
        item.put("status", s(score.status().name()));
        if (score.reviewReason() != null) {
            item.put("reviewReason", s(score.reviewReason().name()));
        }
        item.put("agentId", s(t.primaryAgentId()));
        if (!t.agentIds().equals(List.of(t.primaryAgentId()))) {
            item.put("agentIds", AttributeValue.fromL(t.agentIds().stream().map(DynamoQaScoreRepository::s).toList()));
        }
        item.put("team", s(t.team()));
        item.put("shopId", s(t.shopId()));
        item.put("channel", s(t.channel()));
        item.put("customerId", s(t.customerId()));
        if (t.orderId() != null) {
            item.put("orderId", s(t.orderId()));
        }
        item.put("locale", s(t.locale()));
        item.put("closedAt", s(SortableTime.format(t.closedAt())));
        item.put("scoredAt", AttributeValue.fromN(Long.toString(record.scoredAt().toEpochMilli())));
        item.put("complaintType", s(score.complaint().type().name()));
        item.put("complaintSeverity", s(score.complaint().severity().name()));
        if (score.complaint().model() != null) { // absent: graded by the rulebook's lexicons alone
            item.put("complaintModel", s(score.complaint().model()));
        }
        if (!score.complaint().signals().isEmpty()) {   // absent = none (19 bytes on most chats)
            item.put("complaintSignals", AttributeValue.fromL(score.complaint().signals().stream().map(x -> s(x.name())).toList()));
        }
        if (!score.failures().isEmpty()) {
            item.put("failedRules", AttributeValue.fromL(score.failures().stream().map(f -> s(f.ruleId())).toList()));
        }
        // the rules that counted and did not fail: with failedRules, the applicable rules (not repeating the failed ids)
        List<String> failed = score.failures().stream().map(Finding::ruleId).toList();
        item.put("passedRules", AttributeValue.fromL(score.findings().stream().filter(Finding::counts).map(Finding::ruleId)
                .distinct().filter(r -> !failed.contains(r)).map(DynamoQaScoreRepository::s).toList()));
        item.put("detail", AttributeValue.fromB(SdkBytes.fromByteArray(detail.compress())));
        item.put("ttl", ttl(t));
        if (record.payloadHash() != null) {
            item.put("payloadHash", storedHash(record.payloadHash()));
        }
        if (record.supersedes() != null) {
            item.put("supersedes", s(QaScoreKeys.scoreSk(record.supersedes().rulebookId(), record.supersedes().rulebookVersion())));
        }
        return item;
    }

    /** The chat's QA items go together, a {@link Retention#QA_SCORE} after it closed. */
    static AttributeValue ttl(Transcript t) {
        return AttributeValue.fromN(Long.toString(Retention.QA_SCORE.expiry(t.closedAt()).getEpochSecond()));
    }

    private void batchWrite(List<WriteRequest> writes) {
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > UNPROCESSED_RETRIES) {
                throw new IllegalStateException("BatchWriteItem left " + pending.get(table).size() + " items unprocessed");
            }
            if (attempt > 0) {
                sleep(50L << attempt);
            }
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(request));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(int value) {
        return AttributeValue.fromN(Integer.toString(value));
    }
}

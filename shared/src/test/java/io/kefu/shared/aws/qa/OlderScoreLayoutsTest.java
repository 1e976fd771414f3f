package io.kefu.shared.aws.qa;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.app.qa.QaScoreStore.StoredScore;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.Json;
import io.kefu.shared.testing.EventFixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Score items written by the two layouts before this one stay readable (views, findings, promises, transcript,
 * payload hash), and a re-score deletes their rule-failure items, which lived under the transcript.
 */
class OlderScoreLayoutsTest {
    private static final Rulebook V1 = RulebookLoader.defaultRulebook();
    private static final String ID = "chat-20261111-0003";
    private final LocalAwsStack stack = LocalAwsStack.isolated();
    private final String table = stack.tableName("QaScoresTable");
    private final DynamoQaScoreRepository scores = new DynamoQaScoreRepository(stack.dynamoDb(), table);
    private final Transcript transcript = TranscriptMessage.CONTRACT.decode(EventFixtures.transcript("zh-rude-agent")).toTranscript();
    private final QaScore score = new Scorer(CompiledRulebook.compile(V1)).score(transcript);

    /** What both older layouts have in common: every list attribute, rulebook id/version attributes, a hex hash. */
    private Map<String, AttributeValue> olderItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        String when = QaScoreKeys.sortable(transcript.closedAt(), ID);
        item.put("pk", s(QaScoreKeys.pk(ID)));
        item.put("sk", s(QaScoreKeys.scoreSk(V1.id(), V1.version())));
        item.put("type", s("QA_SCORE"));
        item.put("gsi1pk", s(QaScoreKeys.agent(transcript.primaryAgentId())));
        item.put("gsi1sk", s(when));
        item.put("transcriptId", s(ID));
        item.put("rulebookId", s(V1.id()));
        item.put("rulebookVersion", AttributeValue.fromN(Integer.toString(V1.version())));
        item.put("score", AttributeValue.fromN(Integer.toString(score.score())));
        item.put("status", s(score.status().name()));
        item.put("agentId", s(transcript.primaryAgentId()));
        item.put("agentIds", AttributeValue.fromL(transcript.agentIds().stream().map(OlderScoreLayoutsTest::s).toList()));
        item.put("team", s(transcript.team()));
        item.put("shopId", s(transcript.shopId()));
        item.put("channel", s(transcript.channel()));
        item.put("customerId", s(transcript.customerId()));
        item.put("locale", s(transcript.locale()));
        item.put("closedAt", s(SortableTime.format(transcript.closedAt())));
        item.put("scoredAt", s("2026-11-11T03:00:00.000Z"));
        item.put("complaintType", s(score.complaint().type().name()));
        item.put("complaintSeverity", s(score.complaint().severity().name()));
        item.put("failedRules", AttributeValue.fromL(score.failures().stream().map(f -> s(f.ruleId())).toList()));
        item.put("payloadHash", s("ab".repeat(32)));
        return item;
    }

    private void assertReadable(Map<String, AttributeValue> stored) {
        stack.dynamoDb().putItem(b -> b.tableName(table).item(stored));
        Map<String, AttributeValue> item = scores.queryTranscript(ID, "SCORE#").get(0);
        var view = ScoreItems.view(item);
        assertThat(view.rulebookId()).isEqualTo(V1.id());
        assertThat(view.rulebookVersion()).isEqualTo(V1.version());
        assertThat(view.applicableRules()).isEqualTo(score.findings().stream().filter(Finding::counts).map(Finding::ruleId).distinct().toList());
        assertThat(ScoreItems.findings(item)).isEqualTo(score.findings());
        assertThat(ScoreItems.promises(item)).isEqualTo(score.promises());
        assertThat(ScoreItems.transcript(item).messages()).isEqualTo(transcript.messages());
        assertThat(ScoreItems.transcript(item).agentIds()).isEqualTo(transcript.agentIds());
        assertThat(scores.scoresOf(ID)).singleElement().satisfies(s -> {
            assertThat(s.payloadHash()).isEqualTo("ab".repeat(32));
            assertThat(s.failedRules()).isEqualTo(score.failures().stream().map(Finding::ruleId).toList());
        });
    }

    @Test
    void theGzipDetailLayoutIsRead() {
        Map<String, AttributeValue> item = olderItem();
        item.put("applicableRules", AttributeValue.fromL(score.findings().stream().filter(Finding::counts).map(Finding::ruleId)
                .distinct().map(OlderScoreLayoutsTest::s).toList()));
        item.put("detail", bytes(gzip(Json.write(new ScoreDetail(score.findings(), score.promises(), transcript.messages())))));
        assertReadable(item);
    }

    @Test
    void theFindingsJsonAndTranscriptGzLayoutIsRead() {
        Map<String, AttributeValue> item = olderItem();
        item.put("findings", s(Json.write(score.findings())));
        item.put("promises", s(Json.write(score.promises())));
        item.put("transcriptGz", bytes(gzip(Json.write(transcript.messages()))));
        assertReadable(item);
    }

    @Test
    void aReScoreDeletesTheRuleItemsAnOlderLayoutKeptUnderTheTranscript() {
        Map<String, AttributeValue> item = olderItem();
        item.put("detail", bytes(gzip(Json.write(new ScoreDetail(score.findings(), score.promises(), transcript.messages())))));
        stack.dynamoDb().putItem(b -> b.tableName(table).item(item));
        for (Finding f : score.failures()) {
            stack.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", s(QaScoreKeys.pk(ID)),
                    "sk", s(QaScoreKeys.legacyFailureSk(V1.id(), V1.version(), f.ruleId())), "type", s("QA_RULE_FAILURE"))));
        }
        StoredScore old = scores.scoresOf(ID).get(0);
        Rulebook v2 = V1.withVersion(V1.version() + 1);
        ScoreRecord second = new ScoreRecord(transcript, new Scorer(CompiledRulebook.compile(v2)).score(transcript),
                Instant.parse("2026-11-12T03:00:00Z"), old);
        scores.writeRuleIndex(second, old);
        assertThat(scores.putIfAbsent(second)).isTrue();
        assertThat(scores.queryTranscript(ID, "FAIL#")).isEmpty();
        assertThat(scores.newestFirst(null, "pk", QaScoreKeys.rule(score.failures().get(0).ruleId()), 10))
                .singleElement().satisfies(i -> assertThat(i.get("sk").s()).endsWith(String.format("#%06d", V1.version() + 1)));
    }

    private static byte[] gzip(String text) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static AttributeValue bytes(byte[] b) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(b));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}

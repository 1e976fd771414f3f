package io.kefu.shared.aws.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.capacity.ItemSize;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.aws.AwsClients;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Outcome;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.RuleKind;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.runtime.Environment;
import io.kefu.shared.testing.EventFixtures;
import io.kefu.local.stack.LocalAwsStack;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The score item is sized DynamoDB's way before it is written: capped evidence when needed, refused with a reason past that. */
class ScoreItemSizeTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));
    private final LocalAwsStack stack = LocalAwsStack.isolated();
    private final DynamoQaScoreRepository scores = new DynamoQaScoreRepository(stack.dynamoDb(), stack.tableName("QaScoresTable"));

    private static ScoreRecord withFindings(int findings, int evidenceChars) {
        Transcript t = TranscriptMessage.CONTRACT.decode(EventFixtures.transcript("zh-rude-agent")).toTranscript();
        QaScore scored = SCORER.score(t);
        List<Finding> many = new ArrayList<>(scored.findings());
        // incompressible evidence: a different character sequence per finding
        IntStream.range(0, findings).forEach(i -> many.add(new Finding("promise", RuleKind.PROMISE, Outcome.INFO, false, 0, 0, 1,
                IntStream.range(0, evidenceChars).mapToObj(j -> Character.toString(0x4E00 + (i * 7919 + j * 104729) % 20000))
                        .reduce("", String::concat), "reason")));
        QaScore big = new QaScore(scored.transcriptId(), scored.rulebookId(), scored.rulebookVersion(), scored.score(), scored.status(),
                scored.reviewReason(), many, scored.complaint(), scored.promises());
        return new ScoreRecord(t, big, Instant.parse("2026-11-11T03:00:00Z"), null);
    }

    @Test
    void aScoreItemThatWouldPassTheLimitIsStoredWithEvidenceCapped() {
        ScoreRecord record = withFindings(200, 1_000);   // ~600 KB of evidence in UTF-8
        assertThat(scores.putIfAbsent(record)).isTrue();
        Map<String, AttributeValue> item = scores.queryTranscript("chat-20261111-0003", "SCORE#").get(0);
        assertThat(ItemSize.of(item)).isLessThanOrEqualTo(ItemSize.MAX_ITEM_BYTES);
        assertThat(ScoreItems.findings(item)).hasSize(record.score().findings().size())
                .filteredOn(f -> "reason".equals(f.reason())).hasSize(200).allSatisfy(f -> assertThat(f.evidence()).hasSize(ScoreDetail.CAPPED_EVIDENCE_CHARS));
    }

    @Test
    void aScoreItemThatCannotFitEvenCappedIsRefusedWithTheFieldAndSizes() {
        ScoreRecord record = withFindings(3_000, 1_000);   // capped: 3,000 x 200 characters, still over
        assertThatThrownBy(() -> scores.putIfAbsent(record)).isInstanceOfSatisfying(InvalidMessageException.class, e -> {
            assertThat(e.field()).isEqualTo("messages");
            assertThat(e.reason()).contains("too large to store").contains("by DynamoDB's rules").contains("limit 409,600");
        });
        assertThat(scores.queryTranscript("chat-20261111-0003", "SCORE#")).isEmpty();
    }

    @Test
    void everyWriteThroughTheFunctionsClientsIsSizedBeforeItIsSent() {
        DynamoDbClient dynamo = AwsClients.dynamoDb(Environment.of(stack.functionEnvironment("ScoreTranscriptFunction"), Clock.systemUTC()));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("s"),
                "text", AttributeValue.fromS("诺".repeat(140_000)));   // 140 K UTF-16 units, 420 KB in UTF-8
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(stack.tableName("QaScoresTable")).item(item)))
                .isInstanceOfSatisfying(InvalidMessageException.class, e -> {
                    assertThat(e.field()).isEqualTo("text");
                    assertThat(e.reason()).contains("420,010 bytes by DynamoDB's rules");
                });
    }
}

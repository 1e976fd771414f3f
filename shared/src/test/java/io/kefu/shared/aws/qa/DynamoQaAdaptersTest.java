package io.kefu.shared.aws.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.local.stack.LocalAwsStack;
import io.kefu.shared.app.qa.QaScoreStore.StoredScore;
import io.kefu.shared.app.qa.ScoreRecord;
import io.kefu.shared.contract.TranscriptMessage;
import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.InvalidRulebookException;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.Rulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import io.kefu.shared.testing.EventFixtures;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The QaScores and Rulebooks adapters against the embedded DynamoDB (dynalite). */
class DynamoQaAdaptersTest {
    private static final Rulebook V1 = RulebookLoader.defaultRulebook();
    private LocalAwsStack stack;
    private DynamoQaScoreRepository scores;

    @BeforeEach
    void freshStage() {
        stack = LocalAwsStack.isolated();
        scores = new DynamoQaScoreRepository(stack.dynamoDb(), stack.tableName("QaScoresTable"));
    }

    private static ScoreRecord record(Rulebook book, String fixture, StoredScore supersedes) {
        Transcript t = TranscriptMessage.CONTRACT.decode(EventFixtures.transcript(fixture)).toTranscript();
        QaScore score = new Scorer(CompiledRulebook.compile(book)).score(t);
        return new ScoreRecord(t, score, Instant.parse("2026-11-11T03:00:00Z"), supersedes);
    }

    @Test
    void conditionalPutStoresOnceAndReportsTheDuplicate() {
        ScoreRecord r = record(V1, "zh-rude-agent", null);
        scores.writeRuleIndex(r, null);
        assertThat(scores.putIfAbsent(r)).isTrue();
        assertThat(scores.putIfAbsent(r)).isFalse();
        assertThat(scores.scoresOf("chat-20261111-0003")).singleElement().satisfies(s -> {
            assertThat(s.rulebookVersion()).isEqualTo(V1.version());
            assertThat(s.failedRules()).contains("insult", "forbidden");
        });
        var view = ScoreItems.view(scores.queryTranscript("chat-20261111-0003", "SCORE#").get(0));
        assertThat(view.applicableRules()).containsExactlyInAnyOrderElementsOf(r.score().findings().stream()
                .filter(io.kefu.shared.domain.qa.Finding::counts).map(io.kefu.shared.domain.qa.Finding::ruleId).distinct().toList());
        assertThat(view.rulebookId()).isEqualTo(V1.id());
        assertThat(view.rulebookVersion()).isEqualTo(V1.version());
        // which complaint-type model graded it, so scores of a retrained model are told apart (base item only)
        assertThat(scores.queryTranscript("chat-20261111-0003", "SCORE#").get(0).get("complaintModel").s())
                .isEqualTo(io.kefu.shared.domain.qa.ComplaintTypeModel.bundled().id()).matches("sha256:[0-9a-f]{12}");
        assertThat(r.score().failures()).isNotEmpty().allSatisfy(f -> assertThat(ruleItems(f.ruleId()))
                .singleElement().satisfies(i -> assertThat(i.get("transcriptId").s()).isEqualTo("chat-20261111-0003")));
    }

    @Test
    void reScoreSupersedesTheOldRecordInTheIndexesButKeepsIt() {
        ScoreRecord first = record(V1, "zh-rude-agent", null);
        scores.writeRuleIndex(first, null);
        scores.putIfAbsent(first);
        StoredScore old = scores.scoresOf("chat-20261111-0003").get(0);
        Rulebook v2 = V1.withVersion(V1.version() + 1);
        ScoreRecord second = record(v2, "zh-rude-agent", old);
        scores.writeRuleIndex(second, old);
        assertThat(scores.putIfAbsent(second)).isTrue();
        scores.markSuperseded(old, second);

        var items = scores.queryTranscript("chat-20261111-0003", "SCORE#");
        assertThat(items).hasSize(2);
        var oldItem = items.stream().filter(i -> i.get("sk").s().endsWith(String.format("%06d", V1.version()))).findFirst().orElseThrow();
        assertThat(oldItem).doesNotContainKeys("gsi1pk", "gsi3pk").containsKey("supersededBy");
        var newItem = items.stream().filter(i -> i.get("sk").s().endsWith(String.format("%06d", V1.version() + 1))).findFirst().orElseThrow();
        assertThat(newItem.get("supersedes").s()).isEqualTo(String.format("SCORE#default#%06d", V1.version()));
        assertThat(old.failedRules()).isNotEmpty().allSatisfy(rule -> assertThat(ruleItems(rule))
                .allSatisfy(i -> assertThat(i.get("sk").s()).endsWith(String.format("#%06d", V1.version() + 1))));
        assertThat(scores.newestFirst("ByAgent", "gsi1pk", QaScoreKeys.agent("agent-013"), 10)).hasSize(1);
    }

    private java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> ruleItems(String ruleId) {
        return scores.newestFirst(null, "pk", QaScoreKeys.rule(ruleId), 100);
    }

    @Test
    void rulebooksAreVersionedAndTheLatestIsLoadedByDefault() throws Exception {
        var rulebooks = new DynamoRulebookRepository(stack.dynamoDb(), stack.tableName("RulebooksTable"));
        String yaml = """
                id: shop-x
                version: 1
                rules:
                  - id: greeting
                    kind: OPENING_GREETING
                    weight: 100
                    phrases: [您好]
                """;
        rulebooks.publish(yaml);
        rulebooks.publish(yaml.replace("version: 1", "version: 2"));
        assertThat(rulebooks.load("shop-x", Optional.empty()).version()).isEqualTo(2);
        assertThat(rulebooks.load("shop-x", Optional.of(1)).version()).isEqualTo(1);
        assertThatThrownBy(() -> rulebooks.publish(yaml)).isInstanceOf(ConditionalCheckFailedException.class);
        // a rulebook that does not validate is refused at publish, naming the rule and the field
        String broken = yaml.replace("version: 1", "version: 3").replace("phrases: [您好]", "when: {atLeast: {n: 2, of: [您好]}}");
        assertThatThrownBy(() -> rulebooks.publish(broken)).isInstanceOf(InvalidRulebookException.class)
                .hasMessageContaining("rules[0](greeting).when.atLeast.n");
        assertThat(rulebooks.load("shop-x", Optional.empty()).version()).isEqualTo(2);
        assertThatThrownBy(() -> rulebooks.load("nope", Optional.empty())).isInstanceOf(InvalidRulebookException.class);
    }
}

package io.kefu.cli.qa.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.ComplaintGrade;
import io.kefu.shared.domain.qa.ComplaintSeverity;
import io.kefu.shared.domain.qa.ComplaintType;
import io.kefu.shared.domain.qa.Finding;
import io.kefu.shared.domain.qa.Outcome;
import io.kefu.shared.domain.qa.Promise;
import io.kefu.shared.domain.qa.QaScore;
import io.kefu.shared.domain.qa.QaStatus;
import io.kefu.shared.domain.qa.ReviewReason;
import io.kefu.shared.domain.qa.Rule;
import io.kefu.shared.domain.qa.RuleKind;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import io.kefu.shared.domain.qa.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The eval arithmetic on a tiny hand-made gold set (cli/src/test/resources/qa-gold-tiny) against hand-made scores,
 * so the expected counts are worked out by hand and do not move when the scorer changes.
 */
class AccuracyEvalTest {
    static final Path TINY = Path.of("src/test/resources/qa-gold-tiny");
    static final List<Rule> RULES = RulebookLoader.defaultRulebook().rules();

    @Test
    void countsEachRuleWithFailAsThePositiveClass() {
        AccuracyReport r = evaluate();

        assertThat(r.chats()).isEqualTo(3);
        // greeting: rude chat scored FAIL where the reviewer says PASS -> one false positive, nothing to find
        assertThat(r.rules().get("greeting")).isEqualTo(new Confusion(0, 1, 0, 2));
        assertThat(r.rules().get("greeting").precision()).isEqualTo(0.0);
        assertThat(r.rules().get("greeting").recall()).isNull();
        // insult: TN (polite), TP (rude), FN (promise chat, labelled FAIL, scored PASS)
        assertThat(r.rules().get("insult")).isEqualTo(new Confusion(1, 0, 1, 1));
        assertThat(r.rules().get("insult").precision()).isEqualTo(1.0);
        assertThat(r.rules().get("insult").recall()).isEqualTo(0.5);
        assertThat(r.rules().get("forbidden")).isEqualTo(new Confusion(1, 0, 0, 1));
        // empathy: NA = NA is a true negative; gold FAIL vs scored NA is a miss
        assertThat(r.rules().get("empathy")).isEqualTo(new Confusion(0, 0, 1, 1));
        assertThat(r.rules().get("satisfaction")).isEqualTo(new Confusion(0, 1, 0, 0));
        // rules no label judged are not reported
        assertThat(r.rules()).doesNotContainKeys("reply-gap", "first-response", "transfer");
        // rulebook order, not label order
        assertThat(List.copyOf(r.rules().keySet())).containsExactly("greeting", "closing", "satisfaction", "empathy",
                "forbidden", "insult", "pii-disclosure");
    }

    @Test
    void chatLevelAgreementsUpsetPromisesAndRedLines() {
        AccuracyReport r = evaluate();

        // the calibration sample counts as PASS, so the NEEDS_REVIEW label disagrees
        assertThat(r.status()).isEqualTo(new Agreement(2, 3));
        assertThat(r.complaintType()).isEqualTo(new Agreement(2, 3));
        assertThat(r.complaintSeverity()).isEqualTo(new Agreement(3, 3));
        assertThat(r.customerUpset()).isEqualTo(new Confusion(0, 0, 1, 2));
        assertThat(r.customerUpset().recall()).isEqualTo(0.0);
        assertThat(r.promises()).isEqualTo(new PromiseCounts(2, 2, 1, 1, 1));
        assertThat(r.promises().recall()).isEqualTo(0.5);
        assertThat(r.promises().precision()).isEqualTo(0.5);
        // pii-disclosure FAIL on a chat the reviewer passed: a false red line; the missed insult is not one
        assertThat(r.falseRedLines()).isEqualTo(1);
        assertThat(r.disagreements()).extracting(d -> d.transcriptId() + ":" + d.what()).containsExactlyInAnyOrder(
                "tiny-polite:satisfaction",
                "tiny-rude:greeting", "tiny-rude:empathy", "tiny-rude:pii-disclosure", "tiny-rude:complaint.type", "tiny-rude:upset",
                "tiny-promise:insult", "tiny-promise:status",
                // the promise at [3] the scorer missed, and the one at [5] it invented
                "tiny-promise:promise", "tiny-promise:promise");
    }

    @Test
    void aLabelThatDoesNotValidateIsRefusedWithFileAndField(@TempDir Path dir) throws IOException {
        Files.copy(TINY.resolve("tiny-rude.json"), dir.resolve("tiny-rude.json"));
        String gold = Files.readString(TINY.resolve("tiny-rude.gold.json")).replace("\"insult\": \"FAIL\"", "\"insult\": \"FAILED\"");
        Files.writeString(dir.resolve("tiny-rude.gold.json"), gold);

        assertThatThrownBy(() -> GoldSet.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tiny-rude.gold.json").hasMessageContaining("rules.insult")
                .hasMessageContaining("FAILED");
    }

    @Test
    void anUpsetTheReviewerDidNotSeeShowsTheCustomersTurnNotTheApology(@TempDir Path dir) throws IOException {
        // dev zh-jddc-1716: the scorer reads turn 2 (什么时候能) as upset, the empathy finding passes on the agent's 谅解 (3)
        for (String f : List.of("zh-jddc-1716.json", "zh-jddc-1716.gold.json")) {
            Files.copy(Corpus.dir("dev").resolve(f), dir.resolve(f));
        }
        var scorer = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));
        AccuracyReport r = AccuracyEval.evaluate(scorer, GoldSet.load(dir));
        Disagreement upset = r.disagreements().stream().filter(d -> d.what().equals("upset")).findFirst().orElseThrow();
        assertThat(upset.messageIndex()).isEqualTo(2);
        assertThat(upset.evidence()).isEqualTo("什么时候能");
        Disagreement empathy = r.disagreements().stream().filter(d -> d.what().equals("empathy")).findFirst().orElseThrow();
        assertThat(empathy.messageIndex()).as("the empathy row keeps the agent's reply").isEqualTo(3);
    }

    @Test
    void aTranscriptWithoutItsLabelIsRefused(@TempDir Path dir) throws IOException {
        Files.copy(TINY.resolve("tiny-rude.json"), dir.resolve("tiny-rude.json"));

        assertThatThrownBy(() -> GoldSet.load(dir)).hasMessageContaining("tiny-rude.gold.json: missing");
    }

    private static AccuracyReport evaluate() {
        Map<String, QaScore> scores = Map.of(
                "tiny-polite", score("tiny-polite", QaStatus.PASS, null, ComplaintType.LOGISTICS, ComplaintSeverity.LOW, List.of(),
                        f("greeting", Outcome.PASS), f("closing", Outcome.PASS), f("satisfaction", Outcome.FAIL),
                        f("forbidden", Outcome.PASS), f("insult", Outcome.PASS), f("empathy", Outcome.NOT_APPLICABLE)),
                "tiny-rude", score("tiny-rude", QaStatus.FAIL, ReviewReason.RED_LINE, ComplaintType.OTHER, ComplaintSeverity.MEDIUM,
                        List.of(), f("greeting", Outcome.FAIL), f("forbidden", Outcome.FAIL), f("insult", Outcome.FAIL),
                        f("empathy", Outcome.NOT_APPLICABLE), f("pii-disclosure", Outcome.FAIL)),
                "tiny-promise", score("tiny-promise", QaStatus.NEEDS_REVIEW, ReviewReason.CALIBRATION_SAMPLE, ComplaintType.AFTER_SALES,
                        ComplaintSeverity.LOW,
                        // 30 min from the labelled due time (within the hour), and a promise the reviewer did not see
                        List.of(promise(1, "2026-11-12T02:30:02Z"), promise(5, "2026-11-12T02:00:10Z")),
                        f("greeting", Outcome.PASS), f("closing", Outcome.PASS), f("insult", Outcome.PASS)));
        Function<Transcript, QaScore> scoring = t -> scores.get(t.transcriptId());
        return AccuracyEval.evaluate(RULES, scoring, GoldSet.load(TINY));
    }

    private static Finding f(String rule, Outcome outcome) {
        RuleKind kind = RULES.stream().filter(r -> r.id().equals(rule)).findFirst().orElseThrow().kind();
        boolean redLine = kind == RuleKind.RED_LINE || kind == RuleKind.PII_DISCLOSURE;
        return new Finding(rule, kind, outcome, redLine, 10, outcome == Outcome.PASS ? 10 : 0, 1, "evidence of " + rule, "reason");
    }

    private static Promise promise(int index, String due) {
        return new Promise("promise", index, "a1", Instant.parse(due), "text");
    }

    private static QaScore score(String id, QaStatus status, ReviewReason reason, ComplaintType type, ComplaintSeverity severity,
            List<Promise> promises, Finding... findings) {
        return new QaScore(id, "default", 1, 70, status, reason, new ArrayList<>(List.of(findings)),
                new ComplaintGrade(type, severity, List.of()), promises);
    }
}

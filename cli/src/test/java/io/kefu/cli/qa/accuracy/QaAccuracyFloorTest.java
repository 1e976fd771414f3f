package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Not the targets ({@link QaAccuracyTest} holds those): a floor under what the scorer reaches today, so a
 * rulebook or engine change that loses ground fails the build. The test-half floors (halves D, G, H, J and L, 350
 * chats) sit a few chats under the figures measured on it (docs/qa-accuracy.md, "Twelve fresh test halves": status
 * 309/350, complaint type 221/350, 8 false red lines, greeting and satisfaction ≥ 0.93); the dev floors under the
 * tuned half's.
 */
class QaAccuracyFloorTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    @Test
    void theHeldOutHalfDoesNotFallBelowWhatWasMeasured() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("test")));
        SoftAssertions soft = floors(report, 0.85, 0.60, 9);
        rulesAtLeast(soft, report, 0.88, "greeting", "satisfaction");
        soft.assertThat(report.rules().get("closing").recall()).as("closing recall").isGreaterThanOrEqualTo(0.90);
        soft.assertAll();
    }

    @Test
    void theTuningHalfKeepsWhatItWasTunedTo() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("dev")));
        SoftAssertions soft = floors(report, 0.95, 0.76, 1);
        rulesAtLeast(soft, report, 0.95, "greeting", "closing", "satisfaction");
        // 0.80: dev empathy is 0.82 / 0.85 with halves I and K, whose empathy false positives it keeps (docs/qa-accuracy.md)
        rulesAtLeast(soft, report, 0.80, "empathy");
        soft.assertAll();
    }

    private static SoftAssertions floors(AccuracyReport report, double status, double complaintType, int falseRedLines) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(report.status().rate()).as("status " + report.status()).isGreaterThanOrEqualTo(status);
        soft.assertThat(report.complaintType().rate()).as("complaint type " + report.complaintType())
                .isGreaterThanOrEqualTo(complaintType);
        soft.assertThat(report.falseRedLines()).as("false red lines").isLessThanOrEqualTo(falseRedLines);
        return soft;
    }

    private static void rulesAtLeast(SoftAssertions soft, AccuracyReport report, double floor, String... rules) {
        for (String rule : rules) {
            Confusion c = report.rules().get(rule);
            soft.assertThat(c.precision()).as(rule + " precision " + c).isGreaterThanOrEqualTo(floor);
            soft.assertThat(c.recall()).as(rule + " recall " + c).isGreaterThanOrEqualTo(floor);
        }
    }
}

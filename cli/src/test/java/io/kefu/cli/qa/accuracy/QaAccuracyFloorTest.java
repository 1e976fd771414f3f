package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Not the targets ({@link QaAccuracyTest} holds those): a floor under what the scorer reaches today, so a
 * rulebook or engine change that loses ground fails the build. The test-half floors (halves D, G, H, J, L, N, P, S,
 * U and AE, 700 chats) sit a few chats under the figures measured on it (docs/qa-accuracy.md, "Halves AD and AE":
 * status 625/700, complaint type 461/700, 13 false red lines, greeting and satisfaction ≥ 0.95); the dev floors under
 * the tuned half's (1,598 chats: status 1525, complaint type 1253, 3 false red lines, empathy 0.79 / 0.76).
 */
class QaAccuracyFloorTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    @Test
    void theHeldOutHalfDoesNotFallBelowWhatWasMeasured() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("test")));
        SoftAssertions soft = floors(report, 0.88, 0.64, 14);
        rulesAtLeast(soft, report, 0.92, "greeting", "satisfaction");
        soft.assertThat(report.rules().get("closing").recall()).as("closing recall").isGreaterThanOrEqualTo(0.90);
        soft.assertAll();
    }

    @Test
    void theTuningHalfKeepsWhatItWasTunedTo() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("dev")));
        SoftAssertions soft = floors(report, 0.95, 0.78, 3);
        rulesAtLeast(soft, report, 0.95, "greeting", "closing", "satisfaction");
        // 0.75: dev empathy is 0.80 / 0.77 with halves I to AC, whose empathy misses it keeps (docs/qa-accuracy.md);
        // it was 0.81 / 0.82 on the 758 chats before halves Q to AC joined
        rulesAtLeast(soft, report, 0.75, "empathy");
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

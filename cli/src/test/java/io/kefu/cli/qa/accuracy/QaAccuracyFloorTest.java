package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Not the targets ({@link QaAccuracyTest} holds those): a floor under what the scorer reaches today, so a
 * rulebook or engine change that loses ground fails the build. The test-half floors (halves D, G, H, J, L, N, P, S,
 * U, AE, AF, AH, AJ, AM, AN, AO and AP, 1,190 chats) sit a few chats under the figures measured on it (docs/qa-accuracy.md,
 * "The complaint-type model": status 1068/1190, complaint type 828/1190, 16 false red lines, greeting precision
 * 0.88, satisfaction 0.97); the dev floors under the tuned half's (1,878 chats: status 1792, 3 false red lines,
 * empathy 0.77 / 0.75). Dev trains the complaint-type model, so its complaint figure here (1679) only shows the
 * shipped model is the one trained on it; ComplaintTypeModelFileTest holds the cross-validated one.
 */
class QaAccuracyFloorTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    @Test
    void theHeldOutHalfDoesNotFallBelowWhatWasMeasured() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("test")));
        SoftAssertions soft = floors(report, 0.88, 0.68, 17);
        // 0.87: greeting precision is 493 / 558 with halves AM to AP, whose TWCS replies the scorer finds without a
        // greeting 8 times in 70 where the reviewer saw one
        rulesAtLeast(soft, report, 0.87, "greeting");
        rulesAtLeast(soft, report, 0.90, "satisfaction");
        soft.assertThat(report.rules().get("closing").recall()).as("closing recall").isGreaterThanOrEqualTo(0.90);
        soft.assertAll();
    }

    @Test
    void theTuningHalfKeepsWhatItWasTunedTo() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("dev")));
        SoftAssertions soft = floors(report, 0.95, 0.87, 3);
        rulesAtLeast(soft, report, 0.95, "greeting", "closing", "satisfaction");
        // 0.72: dev empathy is 0.77 / 0.75 with halves I to AL, whose empathy misses it keeps (docs/qa-accuracy.md);
        // it was 0.80 / 0.77 on the 1,528 chats before halves AD to AL joined
        rulesAtLeast(soft, report, 0.72, "empathy");
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

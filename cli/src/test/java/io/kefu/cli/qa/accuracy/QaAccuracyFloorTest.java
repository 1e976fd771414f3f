package io.kefu.cli.qa.accuracy;

import io.kefu.shared.domain.qa.CompiledRulebook;
import io.kefu.shared.domain.qa.RulebookLoader;
import io.kefu.shared.domain.qa.Scorer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Not the targets ({@link QaAccuracyTest} holds those): a floor under what the scorer reaches today, so a
 * rulebook or engine change that loses ground fails the build. The test-half floors (halves D, G, H, J, L, N, P, S,
 * U, AE, AF, AH, AJ, AM, AN, AO, AP, AQ, AR, AS, AT, AU, AV, AW and AX, 1,716 chats) sit a few chats under the figures
 * measured on it (docs/qa-accuracy.md, "The model overrules the lists": status 1565/1716, complaint type
 * 1294/1716, 19 false red lines, greeting precision 0.898, satisfaction 0.97, promises 0.69 / 0.69); the dev floors
 * under dev's (2,824 chats: status 2679, 6 false red lines, empathy 0.75 / 0.76, promises 0.83 / 0.90). Dev trains
 * the complaint-type model, so its complaint figure here (2737) only shows the shipped model is the one trained on
 * it; ComplaintTypeModelFileTest holds the cross-validated one.
 */
class QaAccuracyFloorTest {
    private static final Scorer SCORER = new Scorer(CompiledRulebook.compile(RulebookLoader.defaultRulebook()));

    @Test
    void theHeldOutHalfDoesNotFallBelowWhatWasMeasured() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("test")));
        // 20 false red lines: 16 on the 1,190 before halves AQ to AS, and 3 on AQ's short JDDC sessions (2026-12-07)
        // 0.74: the model reads sentence vectors since 2026-12-07 (sixth session): 1130 → 1151 of 1,610; English
        // topic words no longer type a complaint PRODUCT_QUALITY (ninth session): 1239 → 1252 of 1,716; and the model
        // overrules the lists when 0.75 sure (tenth session): 1252 → 1294
        SoftAssertions soft = floors(report, 0.88, 0.74, 20);
        // 0.89: greeting precision is 731 / 814 on the 1,716 (733 / 823 before the ninth session); TWCS agents greet in words of their own (half AU: 12 of 70 missed)
        rulesAtLeast(soft, report, 0.89, "greeting");
        rulesAtLeast(soft, report, 0.90, "satisfaction");
        soft.assertThat(report.rules().get("closing").recall()).as("closing recall").isGreaterThanOrEqualTo(0.90);
        // 0.68 / 0.67: the English answers to come of the ninth session took 80 of 114 follow-ups (0.70 / 0.67) to 82
        // of 119 (0.69 / 0.69), on dev 237 of 291 to 247 of 299: recall bought with as much precision on the held-out half
        promisesAtLeast(soft, report, 0.68, 0.67);
        soft.assertAll();
    }

    @Test
    void theTuningHalfKeepsWhatItWasTunedTo() {
        AccuracyReport report = AccuracyEval.evaluate(SCORER, GoldSet.load(Corpus.dir("dev")));
        // dev grew from 1,878 to 2,624 chats on 2026-12-07 (fourth session): the 746 added ones, read only through
        // unlabelled.py's flags or not at all, are not tuned to, so status 0.94, 6 false red lines, empathy 0.69 / 0.73
        SoftAssertions soft = floors(report, 0.94, 0.88, 7);
        rulesAtLeast(soft, report, 0.95, "greeting", "closing", "satisfaction");
        // 0.69: dev empathy is 0.70 / 0.75 with the 746 chats of 2026-12-07 (0.77 / 0.75 on the 1,878 before them)
        rulesAtLeast(soft, report, 0.69, "empathy");
        promisesAtLeast(soft, report, 0.80, 0.85);
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

    private static void promisesAtLeast(SoftAssertions soft, AccuracyReport report, double precision, double recall) {
        PromiseCounts p = report.promises();
        soft.assertThat(p.precision()).as("promise precision " + p).isGreaterThanOrEqualTo(precision);
        soft.assertThat(p.recall()).as("promise recall " + p).isGreaterThanOrEqualTo(recall);
    }

    private static void rulesAtLeast(SoftAssertions soft, AccuracyReport report, double floor, String... rules) {
        for (String rule : rules) {
            Confusion c = report.rules().get(rule);
            soft.assertThat(c.precision()).as(rule + " precision " + c).isGreaterThanOrEqualTo(floor);
            soft.assertThat(c.recall()).as(rule + " recall " + c).isGreaterThanOrEqualTo(floor);
        }
    }
}

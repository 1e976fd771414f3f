package io.kefu.shared.domain.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void rulesLeadsOverturnMostComeFirstWithTheirMeanScoreChange() {
        Calibration.Result r = Calibration.of(List.of(
                new Calibration.Sample(60, 90, List.of("greeting", "closing"), List.of("greeting")),
                new Calibration.Sample(70, 95, List.of("greeting"), List.of("greeting")),
                new Calibration.Sample(50, 52, List.of("closing"), List.of()),
                new Calibration.Sample(0, 0, List.of("red-line"), List.of())));
        assertThat(r.samples()).isEqualTo(4);
        assertThat(r.agreed()).isEqualTo(2);                       // 50->52 and 0->0
        assertThat(r.meanAbsoluteDelta()).isEqualTo((30 + 25 + 2 + 0) / 4.0);
        assertThat(r.rules()).extracting(Calibration.RuleDisagreement::ruleId).containsExactly("greeting", "closing", "red-line");
        Calibration.RuleDisagreement greeting = r.rules().get(0);
        assertThat(greeting.reviewedFailures()).isEqualTo(2);
        assertThat(greeting.overturned()).isEqualTo(2);
        assertThat(greeting.overturnRate()).isEqualTo(1.0);
        assertThat(greeting.meanDelta()).isEqualTo(27.5);
        Calibration.RuleDisagreement closing = r.rules().get(1);
        assertThat(closing.overturnRate()).isZero();
        assertThat(closing.meanDelta()).isEqualTo(16.0);           // (30 + 2) / 2: leads score it up without saying which rule
    }

    @Test
    void noReviewsMeansNoDisagreement() {
        Calibration.Result r = Calibration.of(List.of());
        assertThat(r.rules()).isEmpty();
        assertThat(r.agreementRate()).isZero();
    }
}

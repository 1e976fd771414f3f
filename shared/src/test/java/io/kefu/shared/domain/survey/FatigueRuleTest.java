package io.kefu.shared.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FatigueRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-28T06:00:00Z");
    private static final Instant IN_WINDOW = NOW.plusSeconds(86_400);

    private static FatigueRule.Holder holder(int priority, SurveyStatus status, Instant until) {
        return new FatigueRule.Holder("svy_old", priority, until, status);
    }

    @Test
    void firstSurveyForACustomerIsFree() {
        assertThat(FatigueRule.decide("svy_new", 10, NOW, null)).isInstanceOf(FatigueRule.Free.class);
    }

    @Test
    void secondSurveyInsideTheWindowIsBlocked() {
        assertThat(FatigueRule.decide("svy_new", 10, NOW, holder(10, SurveyStatus.SENT, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Blocked.class);
        assertThat(FatigueRule.decide("svy_new", 10, NOW, holder(20, SurveyStatus.SCHEDULED, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Blocked.class);
    }

    @Test
    void surveyAfterTheWindowEndedIsFree() {
        assertThat(FatigueRule.decide("svy_new", 10, NOW, holder(30, SurveyStatus.ANSWERED, NOW)))
                .isInstanceOf(FatigueRule.Free.class);
    }

    @Test
    void complaintSurveySupersedesAScheduledLowerPrioritySurvey() {
        assertThat(FatigueRule.decide("svy_new", 30, NOW, holder(10, SurveyStatus.SCHEDULED, IN_WINDOW)))
                .isEqualTo(new FatigueRule.Supersede("svy_old"));
    }

    @Test
    void complaintSurveyCannotUnsendASurveyAlreadySent() {
        assertThat(FatigueRule.decide("svy_new", 30, NOW, holder(10, SurveyStatus.SENT, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Blocked.class);
        assertThat(FatigueRule.decide("svy_new", 30, NOW, holder(10, SurveyStatus.SENDING, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Blocked.class);
    }

    @Test
    void supersededOrCancelledHolderNoLongerCounts() {
        assertThat(FatigueRule.decide("svy_new", 10, NOW, holder(30, SurveyStatus.SUPERSEDED, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Free.class);
        assertThat(FatigueRule.decide("svy_new", 10, NOW, holder(30, SurveyStatus.CANCELLED, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Free.class);
    }

    @Test
    void retryOfTheSameSurveyFindsItsOwnClaimFree() {
        assertThat(FatigueRule.decide("svy_old", 10, NOW, holder(10, SurveyStatus.SCHEDULED, IN_WINDOW)))
                .isInstanceOf(FatigueRule.Free.class);
    }
}

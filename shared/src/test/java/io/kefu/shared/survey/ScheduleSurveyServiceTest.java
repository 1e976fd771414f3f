package io.kefu.shared.survey;

import static io.kefu.shared.survey.SurveyFixture.MORNING;
import static io.kefu.shared.survey.SurveyFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleSurveyServiceTest {
    private final SurveyFixture f = new SurveyFixture();

    private Survey survey(String requestId) {
        return f.store.find(SurveyIds.surveyId(requestId)).orElseThrow();
    }

    @Test
    void postChatRequestIsScheduledThirtyMinutesOut() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        Survey s = survey("chat:t1");
        assertThat(s.status()).isEqualTo(SurveyStatus.SCHEDULED);
        assertThat(s.dueAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(30)));
    }

    @Test
    void duplicateRequestLeavesOneSurvey() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        assertThat(f.store.all()).hasSize(1);
        assertThat(survey("chat:t1").status()).isEqualTo(SurveyStatus.SCHEDULED);
    }

    @Test
    void optedOutCustomerIsNeverScheduled() {
        CustomerPreferences d = CustomerPreferences.defaults("c1");
        f.preferences.put("c1", new CustomerPreferences("c1", d.channel(), d.locale(), d.zone(), d.quietHours(),
                false, true, false));
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        assertThat(survey("chat:t1").status()).isEqualTo(SurveyStatus.SKIPPED);
        assertThat(survey("chat:t1").skipReason()).contains("opted out");
    }

    @Test
    void secondSurveyForTheSameCustomerInTheWindowIsSkipped() {
        f.schedule(request("POST_DELIVERY", "delivery:o1", "c1", MORNING));
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        assertThat(survey("delivery:o1").status()).isEqualTo(SurveyStatus.SCHEDULED);
        assertThat(survey("chat:t1").status()).isEqualTo(SurveyStatus.SKIPPED);
        assertThat(survey("chat:t1").skipReason()).contains("fatigue window");
    }

    @Test
    void otherCustomersAreNotAffectedByOnesWindow() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.schedule(request("POST_CHAT", "chat:t2", "c2", MORNING));
        assertThat(survey("chat:t2").status()).isEqualTo(SurveyStatus.SCHEDULED);
    }

    @Test
    void complaintSurveySupersedesTheScheduledChatSurvey() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.schedule(request("POST_COMPLAINT", "complaint:k1", "c1", MORNING));
        assertThat(survey("chat:t1").status()).isEqualTo(SurveyStatus.SUPERSEDED);
        assertThat(survey("complaint:k1").status()).isEqualTo(SurveyStatus.SCHEDULED);
        assertThat(f.store.dueBy(SurveyIds.dueShard(SurveyIds.surveyId("chat:t1"), 4), MORNING.plus(Duration.ofDays(30)), 10))
                .extracting(Survey::requestId).doesNotContain("chat:t1");
    }

    @Test
    void surveyAfterTheWindowIsScheduledAgain() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofDays(8));
        f.schedule(request("POST_CHAT", "chat:t2", "c1", f.clock.instant()));
        assertThat(survey("chat:t2").status()).isEqualTo(SurveyStatus.SCHEDULED);
    }

    @Test
    void requestArrivingInQuietHoursIsShiftedToMorning() {
        java.time.Instant lateEvening = java.time.Instant.parse("2026-11-28T14:00:00Z"); // 22:00 Shanghai
        f.clock.set(lateEvening);
        f.schedule(request("POST_CHAT", "chat:t1", "c1", lateEvening));
        assertThat(survey("chat:t1").dueAt()).isEqualTo(java.time.Instant.parse("2026-11-29T00:00:00Z")); // 08:00
    }
}

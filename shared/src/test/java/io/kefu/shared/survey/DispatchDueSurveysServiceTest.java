package io.kefu.shared.survey;

import static io.kefu.shared.survey.SurveyFixture.MORNING;
import static io.kefu.shared.survey.SurveyFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.survey.Survey;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyStatus;
import java.time.Duration;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DispatchDueSurveysServiceTest {
    private final SurveyFixture f = new SurveyFixture();
    private final String id = SurveyIds.surveyId("chat:t1");

    private Survey survey() {
        return f.store.find(id).orElseThrow();
    }

    @Test
    void nothingIsSentBeforeItIsDue() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofMinutes(20));
        assertThat(f.dispatcher().run().sent()).isZero();
        assertThat(f.outbox.sent).isEmpty();
    }

    @Test
    void dueSurveyIsSentOnceWithItsKeyAndDelayedToTheSecond() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofMinutes(29).plusSeconds(20)); // 40 s before due: within the look-ahead
        assertThat(f.dispatcher().run().sent()).isEqualTo(1);
        assertThat(f.dispatcher().run().sent()).isZero();
        assertThat(f.outbox.sent).singleElement().satisfies(s -> {
            assertThat(s.message().messageKey()).isEqualTo("survey:" + id);
            assertThat(s.message().kind()).isEqualTo("SURVEY");
            assertThat(s.delay()).isEqualTo(Duration.ofSeconds(40));
        });
        assertThat(survey().status()).isEqualTo(SurveyStatus.SENT);
        assertThat(survey().sentAt()).isEqualTo(MORNING.plus(Duration.ofMinutes(30)));
    }

    @Test
    void twoDispatchersAtOnceSendOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            f.schedule(request("POST_CHAT", "chat:t" + i, "c" + i, MORNING));
        }
        f.clock.advance(Duration.ofMinutes(31));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DispatchDueSurveysService.Summary> a = pool.submit(() -> { start.await(); return f.dispatcher().run(); });
            Future<DispatchDueSurveysService.Summary> b = pool.submit(() -> { start.await(); return f.dispatcher().run(); });
            assertThat(a.get().sent() + b.get().sent()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.outbox.sent).hasSize(20);
        assertThat(f.outbox.sent.stream().map(s -> s.message().messageKey()).distinct()).hasSize(20);
    }

    @Test
    void aFailureAfterPublishingHandsTheLeaseBackAndTheNextRunRetriesWithTheSameKey() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofMinutes(31));
        f.outbox.failAfterSend = new RuntimeException("crash");
        assertThat(f.dispatcher().run().failed()).isEqualTo(1);
        assertThat(survey().status()).isEqualTo(SurveyStatus.SENDING);

        assertThat(survey().leaseUntil()).as("lease handed back").isNull();

        // The next run (a minute later) finishes it; a dispatcher that died instead leaves the lease to run out
        // with its invocation (SurveyEndToEndTest.sendLeftHalfDoneByACrashIsRetriedAfterTheLeaseWithTheSameKey).
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.dispatcher().run().retried()).isEqualTo(1);
        assertThat(survey().status()).isEqualTo(SurveyStatus.SENT);
        assertThat(f.outbox.sent).hasSize(2)
                .allSatisfy(s -> assertThat(s.message().messageKey()).isEqualTo("survey:" + id));
    }

    @Test
    void oneReminderThenExpiry() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofMinutes(31));
        f.dispatcher().run();
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.dispatcher().run().reminded()).isEqualTo(1);
        assertThat(survey().status()).isEqualTo(SurveyStatus.REMINDED);
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.dispatcher().run().reminded()).isZero();
        f.clock.advance(Duration.ofDays(2));
        assertThat(f.dispatcher().run().expired()).isEqualTo(1);
        assertThat(survey().status()).isEqualTo(SurveyStatus.EXPIRED);
        assertThat(f.outbox.sent).extracting(s -> s.message().messageKey())
                .containsExactly("survey:" + id, "survey-reminder:" + id);
        assertThat(f.dispatcher().run().asMap()).containsEntry("sent", 0).containsEntry("expired", 0);
    }

    @Test
    void customerWhoOptedOutAfterSchedulingIsNotSent() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        var d = io.kefu.shared.domain.customer.CustomerPreferences.defaults("c1");
        f.preferences.put("c1", new io.kefu.shared.domain.customer.CustomerPreferences("c1", d.channel(), d.locale(),
                d.zone(), d.quietHours(), false, true, false));
        f.clock.advance(Duration.ofMinutes(31));
        assertThat(f.dispatcher().run().cancelled()).isEqualTo(1);
        assertThat(f.outbox.sent).isEmpty();
        assertThat(survey().status()).isEqualTo(SurveyStatus.CANCELLED);
    }

    @Test
    void surveyFallingIntoNewlySetQuietHoursIsShiftedNotDropped() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING)); // due 10:30 Shanghai
        var d = io.kefu.shared.domain.customer.CustomerPreferences.defaults("c1");
        f.preferences.put("c1", new io.kefu.shared.domain.customer.CustomerPreferences("c1", d.channel(), d.locale(),
                d.zone(), io.kefu.shared.domain.customer.QuietHours.parse("10:00-12:00"), false, false, false));
        f.clock.advance(Duration.ofMinutes(31));
        assertThat(f.dispatcher().run().deferred()).isEqualTo(1);
        assertThat(f.outbox.sent).isEmpty();
        assertThat(survey().dueAt()).isEqualTo(java.time.Instant.parse("2026-11-28T04:00:00Z")); // 12:00 Shanghai
        f.clock.set(java.time.Instant.parse("2026-11-28T04:00:00Z"));
        assertThat(f.dispatcher().run().sent()).isEqualTo(1);
    }
}

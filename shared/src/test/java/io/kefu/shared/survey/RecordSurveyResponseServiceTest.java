package io.kefu.shared.survey;

import static io.kefu.shared.survey.SurveyFixture.MORNING;
import static io.kefu.shared.survey.SurveyFixture.answer;
import static io.kefu.shared.survey.SurveyFixture.meta;
import static io.kefu.shared.survey.SurveyFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.effects.MessageMeta;
import io.kefu.shared.domain.survey.DailyAggregate;
import io.kefu.shared.domain.survey.ResponseToken;
import io.kefu.shared.domain.survey.SurveyIds;
import io.kefu.shared.domain.survey.SurveyStatus;
import io.kefu.shared.json.InvalidMessageException;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordSurveyResponseServiceTest {
    private final SurveyFixture f = new SurveyFixture();
    private final String id = SurveyIds.surveyId("chat:t1");
    private final LocalDate today = LocalDate.of(2026, 11, 28);
    private String token;

    @BeforeEach
    void sentSurvey() {
        f.schedule(request("POST_CHAT", "chat:t1", "c1", MORNING));
        f.clock.advance(Duration.ofMinutes(31));
        f.dispatcher().run();
        token = f.tokenOf(0);
        f.clock.advance(Duration.ofHours(1));
    }

    private DailyAggregate todayTotal() {
        return f.aggregates.day(today).values().stream().reduce(DailyAggregate.EMPTY, DailyAggregate::plus);
    }

    @Test
    void answerIsStoredOnceAndCounted() {
        f.responses.handle(answer(token, 5, 10, "很好"), meta());
        assertThat(f.store.find(id).orElseThrow().status()).isEqualTo(SurveyStatus.AGGREGATED);
        assertThat(todayTotal()).isEqualTo(new DailyAggregate(1, 5, 1, 1, 1, 0));
        assertThat(f.aggregates.day(today)).containsKey(new AggregateStore.Cell(today, "POST_CHAT", "team-a", "agent-7"));
        assertThat(f.outbox.followUps).isEmpty();
    }

    @Test
    void redeliveryOfTheSameMessageCountsOnce() {
        MessageMeta meta = meta();
        f.responses.handle(answer(token, 4, null, null), meta);
        f.responses.handle(answer(token, 4, null, null), meta);
        assertThat(todayTotal().responses()).isEqualTo(1);
    }

    @Test
    void crashBeforeAggregatingIsFinishedOnRedeliveryWithoutDoubleCounting() {
        MessageMeta meta = meta();
        // The answer won, the aggregate was added, then the function died before ANSWERED -> AGGREGATED.
        f.store.recordAnswer(id, new io.kefu.shared.domain.survey.SurveyAnswer(2, null, null, null), f.clock.instant(),
                meta.messageId(), io.kefu.shared.effects.PayloadHash.of(answer(token, 2, null, null)), f.clock.instant());
        f.aggregates.add(new AggregateStore.Cell(today, "POST_CHAT", "team-a", "agent-7"), id,
                DailyAggregate.of(new io.kefu.shared.domain.survey.SurveyAnswer(2, null, null, null)));
        f.responses.handle(answer(token, 2, null, null), meta);
        assertThat(todayTotal().responses()).isEqualTo(1);
        assertThat(f.store.find(id).orElseThrow().status()).isEqualTo(SurveyStatus.AGGREGATED);
        assertThat(f.outbox.followUps).hasSize(1);
    }

    @Test
    void lowScoreOpensAFollowUpWithContextAndRedactedComment() {
        f.responses.handle(answer(token, 1, 3, "太慢了 打我电话13912345678"), meta());
        assertThat(f.outbox.followUps).singleElement().satisfies(c -> {
            assertThat(c.followUpId()).isEqualTo("survey-low:" + id);
            assertThat(c.kind()).isEqualTo("LOW_SCORE");
            assertThat(c.transcriptId()).isEqualTo("t1");
            assertThat(c.agentId()).isEqualTo("agent-7");
            assertThat(c.csat()).isEqualTo(1);
            assertThat(c.comment()).contains("[MOBILE]").doesNotContain("13912345678");
        });
    }

    @Test
    void replayedTokenIsRejectedAndChangesNothing() {
        f.responses.handle(answer(token, 5, null, null), meta());
        assertThatThrownBy(() -> f.responses.handle(answer(token, 1, 0, "forged"), meta()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("token already used");
        assertThat(todayTotal()).isEqualTo(new DailyAggregate(1, 5, 1, 0, 0, 0));
        assertThat(f.outbox.followUps).isEmpty();
    }

    @Test
    void unknownTokenIsRejected() {
        assertThatThrownBy(() -> f.responses.handle(answer(ResponseToken.generate(), 1, null, null), meta()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("unknown token");
        assertThat(f.store.find(id).orElseThrow().status()).isEqualTo(SurveyStatus.SENT);
    }

    @Test
    void answerAfterExpiryIsRejected() {
        f.clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> f.responses.handle(answer(token, 5, null, null), meta()))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("expired");
        assertThat(f.aggregates.day(today)).isEmpty();
    }

    @Test
    void answerToTheReminderCountsLikeAnyOther() {
        f.clock.advance(Duration.ofDays(2));
        f.dispatcher().run();
        f.responses.handle(answer(f.tokenOf(1), 3, null, null), meta());
        assertThat(f.store.find(id).orElseThrow().status()).isEqualTo(SurveyStatus.AGGREGATED);
        assertThatThrownBy(() -> f.responses.handle(answer(token, 3, null, null), meta()))
                .hasMessageContaining("token already used");
    }
}

package io.kefu.shared.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SatisfactionAndAggregateTest {
    @Test
    void csatIsTheShareOfFourAndFiveAnswers() {
        DailyAggregate day = DailyAggregate.of(new SurveyAnswer(5, null, null, null))
                .plus(DailyAggregate.of(new SurveyAnswer(4, null, null, null)))
                .plus(DailyAggregate.of(new SurveyAnswer(3, null, null, null)))
                .plus(DailyAggregate.of(new SurveyAnswer(1, null, null, null)));
        assertThat(day.responses()).isEqualTo(4);
        assertThat(day.csat4or5()).isEqualTo(2);
        assertThat(day.csatPercent()).isEqualTo(50.0);
        assertThat(day.averageCsat()).isEqualTo(3.25);
    }

    @Test
    void npsIsPromotersMinusDetractorsAmongThoseWhoAnsweredIt() {
        DailyAggregate day = DailyAggregate.of(new SurveyAnswer(5, 10, null, null))
                .plus(DailyAggregate.of(new SurveyAnswer(5, 9, null, null)))
                .plus(DailyAggregate.of(new SurveyAnswer(4, 7, null, null)))
                .plus(DailyAggregate.of(new SurveyAnswer(2, 3, null, null)))
                .plus(DailyAggregate.of(new SurveyAnswer(4, null, null, null)));
        assertThat(day.npsResponses()).isEqualTo(4);
        assertThat(day.promoters()).isEqualTo(2);
        assertThat(day.detractors()).isEqualTo(1);
        assertThat(day.nps()).isEqualTo(25.0);
    }

    @Test
    void emptyDayHasNoRatesRatherThanZero() {
        assertThat(DailyAggregate.EMPTY.csatPercent()).isNaN();
        assertThat(DailyAggregate.EMPTY.nps()).isNaN();
    }

    @Test
    void answerKeepsTopicRatings() {
        SurveyAnswer answer = new SurveyAnswer(4, null, null, Map.of(Topic.LOGISTICS_SPEED, 2));
        assertThat(answer.topicRatings()).containsEntry(Topic.LOGISTICS_SPEED, 2);
    }
}

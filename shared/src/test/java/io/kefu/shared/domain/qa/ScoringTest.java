package io.kefu.shared.domain.qa;

import static io.kefu.shared.domain.qa.ScorerFixture.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoringTest {
    private static Chat model(String id) {
        return Chat.zh().id(id).customer(0, "在吗，我的快递到哪了").agent(2, "您好，很高兴为您服务，请问有什么可以帮您")
                .customer(4, "订单还没到").agent(20, "已经在派送了，今天送达").customer(5, "好的")
                .agent(3, "请问还有其他可以帮您的吗？").customer(5, "没有了").agent(2, "感谢您的耐心等待，祝您生活愉快");
    }

    @Test
    void goodAgentScoresFullMarksWithNotApplicableItemsExcluded() {
        var s = score(model("good-1"));
        assertThat(s.score()).isEqualTo(100);
        assertThat(s.failures()).isEmpty();
        assertThat(s.rulebookId()).isEqualTo("default");
        assertThat(s.rulebookVersion()).isEqualTo(2);
    }

    @Test
    void lowScoreGoesToReview() {
        var s = score(Chat.zh().customer(0, "在吗").agent(30, "不知道").customer(2, "？").agent(200, "呵呵"));
        assertThat(s.score()).isLessThan(80);
        assertThat(s.status()).isEqualTo(QaStatus.NEEDS_REVIEW);
        assertThat(s.reviewReason()).isEqualTo(ReviewReason.LOW_SCORE);
    }

    @Test
    void calibrationSampleIsDeterministicAndNearTheConfiguredRate() {
        long sampled = IntStream.range(0, 20_000).filter(i -> ScoreTotals.sampled("t-" + i, 0.05)).count();
        assertThat(sampled).isBetween(800L, 1200L);
        assertThat(ScoreTotals.sampled("t-42", 0.05)).isEqualTo(ScoreTotals.sampled("t-42", 0.05));
        assertThat(ScoreTotals.sampled("t-42", 0)).isFalse();
        String picked = IntStream.range(0, 1000).mapToObj(i -> "t-" + i).filter(id -> ScoreTotals.sampled(id, 0.05))
                .findFirst().orElseThrow();
        var s = score(model(picked));
        assertThat(s.status()).isEqualTo(QaStatus.NEEDS_REVIEW);
        assertThat(s.reviewReason()).isEqualTo(ReviewReason.CALIBRATION_SAMPLE);
        assertThat(score(model(picked))).isEqualTo(s);
    }

    @Test
    void scoringTheSameTranscriptTwiceGivesTheSameScore() {
        assertThat(score(model("x"))).isEqualTo(score(model("x")));
    }

    @Test
    void angryPunctuationIsDoubleBangsOrMixedNotQuestionsAlone() {
        assertThat(UpsetSignal.angryPunctuation("怎么还没到！！")).isTrue();
        assertThat(UpsetSignal.angryPunctuation("why?!")).isTrue();
        assertThat(UpsetSignal.angryPunctuation("在吗？？？")).as("puzzlement, not shouting").isFalse();
        assertThat(UpsetSignal.angryPunctuation("在吗？？")).isFalse();
        assertThat(UpsetSignal.angryPunctuation("好的! 谢谢!")).isFalse();
    }
}

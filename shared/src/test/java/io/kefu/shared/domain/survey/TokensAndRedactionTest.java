package io.kefu.shared.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.privacy.PiiRedactor;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensAndRedactionTest {
    @Test
    void tokensAreWellFormedAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = ResponseToken.generate();
            assertThat(ResponseToken.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
        assertThat(ResponseToken.wellFormed("short")).isFalse();
        assertThat(ResponseToken.wellFormed("../../etc/passwd//////")).isFalse();
    }

    @Test
    void tokenHashIsStableHexAndHidesTheToken() {
        String token = ResponseToken.generate();
        assertThat(ResponseToken.hash(token)).isEqualTo(ResponseToken.hash(token)).hasSize(64).doesNotContain(token);
    }

    @Test
    void sameRequestAlwaysMeansTheSameSurvey() {
        assertThat(SurveyIds.surveyId("chat:t1")).isEqualTo(SurveyIds.surveyId("chat:t1"))
                .isNotEqualTo(SurveyIds.surveyId("chat:t2"));
        assertThat(SurveyIds.sendKey("svy_1")).isEqualTo("survey:svy_1");
        assertThat(SurveyIds.reminderKey("svy_1")).isEqualTo("survey-reminder:svy_1");
        assertThat(SurveyIds.dueShard("svy_1", 4)).isBetween(0, 3);
    }

    @Test
    void commentLosesPhoneIdCardAndEmail() {
        // Survey comments go through the same redactor as transcripts (io.kefu.shared.privacy).
        String redacted = PiiRedactor.redact("快递员态度差，电话13812345678，身份证11010519491231002X，邮箱a.b@qq.com");
        assertThat(redacted).doesNotContain("13812345678", "11010519491231002X", "a.b@qq.com")
                .contains("快递员态度差");
    }

    @Test
    void sortableTimesSortAsText() {
        String whole = SortableTime.format(Instant.parse("2026-01-01T00:00:00Z"));
        String half = SortableTime.format(Instant.parse("2026-01-01T00:00:00.500Z"));
        assertThat(whole).isEqualTo("2026-01-01T00:00:00.000Z");
        assertThat(whole.compareTo(half)).isNegative();
    }
}

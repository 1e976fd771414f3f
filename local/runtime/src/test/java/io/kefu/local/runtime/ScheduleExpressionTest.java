package io.kefu.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleExpressionTest {

    @Test
    void rateCountsFromTheAnchor() {
        assertThat(ScheduleExpression.parse("rate(5 minutes)").next(Instant.parse("2026-01-01T00:02:00Z")))
                .isEqualTo(Instant.parse("2026-01-01T00:07:00Z"));
        assertThat(ScheduleExpression.parse("rate(1 day)").next(Instant.parse("2026-01-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void cronFindsTheNextMatchingMinuteInUtc() {
        ScheduleExpression weekdayMornings = ScheduleExpression.parse("cron(0/15 8-9 ? * MON-FRI *)");
        // 2026-01-02 is a Friday; the next slot after Friday 09:50 is Monday 08:00
        assertThat(weekdayMornings.next(Instant.parse("2026-01-02T09:50:00Z"))).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(weekdayMornings.next(Instant.parse("2026-01-05T08:00:00Z"))).isEqualTo(Instant.parse("2026-01-05T08:15:00Z"));
        assertThat(ScheduleExpression.parse("cron(30 2 1 * ? *)").next(Instant.parse("2026-01-01T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-02-01T02:30:00Z"));
    }

    @Test
    void unsupportedCronFeaturesAreRejected() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 0 L * ? *)")).hasMessageContaining("not supported");
    }
}

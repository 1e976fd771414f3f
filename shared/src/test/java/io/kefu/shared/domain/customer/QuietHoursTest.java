package io.kefu.shared.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void windowAcrossMidnightCoversLateEveningAndEarlyMorning() {
        QuietHours night = QuietHours.parse("22:00-08:00");
        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(8, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(21, 59))).isFalse();
    }

    @Test
    void sameDayWindowHasNoWrap() {
        QuietHours lunch = QuietHours.parse("12:00-13:30");
        assertThat(lunch.contains(LocalTime.of(12, 45))).isTrue();
        assertThat(lunch.contains(LocalTime.of(23, 0))).isFalse();
    }

    @Test
    void messageDueAtNightInShanghaiIsDeferredToEightNextMorningThere() {
        // 2026-11-28T15:30Z is 23:30 in Shanghai.
        Instant due = Instant.parse("2026-11-28T15:30:00Z");
        Instant allowed = QuietHours.DEFAULT.nextAllowed(due, SHANGHAI);
        assertThat(allowed).isEqualTo(Instant.parse("2026-11-29T00:00:00Z")); // 08:00 Shanghai
    }

    @Test
    void sameInstantIsDaytimeInNewYorkAndNotDeferred() {
        Instant due = Instant.parse("2026-11-28T15:30:00Z"); // 10:30 New York
        assertThat(QuietHours.DEFAULT.nextAllowed(due, NEW_YORK)).isEqualTo(due);
    }

    @Test
    void earlyMorningIsDeferredToTheSameMorning() {
        Instant due = Instant.parse("2026-11-28T19:00:00Z"); // 03:00 Shanghai on the 29th
        assertThat(QuietHours.DEFAULT.nextAllowed(due, SHANGHAI)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void noneNeverDefers() {
        Instant due = Instant.parse("2026-11-28T15:30:00Z");
        assertThat(QuietHours.parse("none").nextAllowed(due, SHANGHAI)).isEqualTo(due);
        assertThat(QuietHours.parse("none").format()).isEqualTo("none");
    }
}

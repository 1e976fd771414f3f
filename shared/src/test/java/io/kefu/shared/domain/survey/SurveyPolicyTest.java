package io.kefu.shared.domain.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.customer.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SurveyPolicyTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final SurveyPolicy policy = SurveyPolicyLoader.loadDefault();
    private final CustomerPreferences customer = CustomerPreferences.defaults("c1"); // quiet 22:00-08:00 Shanghai

    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void shippedPolicyHasADelayPerKindAndOrdersComplaintsFirst() {
        assertThat(policy.rules(SurveyKind.POST_CHAT).delay()).isEqualTo(Duration.ofMinutes(30));
        assertThat(policy.rules(SurveyKind.POST_DELIVERY).delay()).isEqualTo(Duration.ofDays(3));
        assertThat(policy.rules(SurveyKind.POST_COMPLAINT).delay()).isEqualTo(Duration.ofDays(1));
        assertThat(policy.rules(SurveyKind.POST_COMPLAINT).priority())
                .isGreaterThan(policy.rules(SurveyKind.POST_DELIVERY).priority())
                .isGreaterThan(policy.rules(SurveyKind.POST_CHAT).priority());
        assertThat(policy.fatigueWindow()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void postChatSurveyGoesOutThirtyMinutesAfterTheChatInDaytime() {
        Instant chatClosed = shanghai("2026-11-28T14:00:00");
        assertThat(policy.sendTime(SurveyKind.POST_CHAT, chatClosed, chatClosed, customer))
                .isEqualTo(shanghai("2026-11-28T14:30:00"));
    }

    @Test
    void surveyDueInQuietHoursIsShiftedToTheirEndNotDropped() {
        Instant chatClosed = shanghai("2026-11-28T21:50:00");
        assertThat(policy.sendTime(SurveyKind.POST_CHAT, chatClosed, chatClosed, customer))
                .isEqualTo(shanghai("2026-11-29T08:00:00"));
    }

    @Test
    void quietHoursAreTheCustomersOwnInTheirOwnZone() {
        CustomerPreferences abroad = new CustomerPreferences("c2", Channel.IM, "en", ZoneId.of("Europe/Berlin"),
                QuietHours.parse("21:00-09:00"), false, false, false);
        Instant chatClosed = Instant.parse("2026-11-28T19:45:00Z"); // 20:45 Berlin, +30 min = 21:15 quiet
        assertThat(policy.sendTime(SurveyKind.POST_CHAT, chatClosed, chatClosed, abroad))
                .isEqualTo(Instant.parse("2026-11-29T08:00:00Z")); // 09:00 Berlin
    }

    @Test
    void lateRequestIsSentNowRatherThanInThePast() {
        Instant delivered = shanghai("2026-11-01T10:00:00");
        Instant now = shanghai("2026-11-28T10:00:00");
        assertThat(policy.sendTime(SurveyKind.POST_DELIVERY, delivered, now, customer)).isEqualTo(now);
    }

    @Test
    void oneReminderTwoDaysAfterSendingAndExpiryFiveDaysAfter() {
        Instant sent = shanghai("2026-11-28T10:00:00");
        assertThat(policy.reminderTime(sent, customer)).isEqualTo(shanghai("2026-11-30T10:00:00"));
        assertThat(policy.expiryTime(sent)).isEqualTo(shanghai("2026-12-03T10:00:00"));
    }

    @Test
    void reminderAlsoRespectsQuietHours() {
        Instant sent = shanghai("2026-11-28T23:30:00"); // e.g. customer with no quiet hours earlier; now default
        assertThat(policy.reminderTime(sent, customer)).isEqualTo(shanghai("2026-12-01T08:00:00"));
    }

    @Test
    void noReminderWhenPolicyTurnsThemOff() {
        SurveyPolicy off = SurveyPolicyLoader.parse(PolicyYaml.withReminder("enabled: false"));
        assertThat(off.remindersEnabled()).isFalse();
        assertThat(off.reminderTime(Instant.parse("2026-11-28T02:00:00Z"), customer)).isNull();
    }

    @Test
    void reminderThatWouldNotComeBeforeExpiryIsRejectedAtLoad() {
        assertThatThrownBy(() -> SurveyPolicyLoader.parse(PolicyYaml.withReminder("enabled: true\n  after: P9D")))
                .hasMessageContaining("reminder.after must be shorter than expireAfter");
    }

    @Test
    void typoInPolicyFileFailsTheLoad() {
        assertThatThrownBy(() -> SurveyPolicyLoader.parse(PolicyYaml.withReminder("enabled: true\n  aftr: P1D")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postChatSurveyStaysInTheChatWhateverTheCustomersDefault() {
        assertThat(policy.channel(SurveyKind.POST_CHAT, null, customer)).isEqualTo(Channel.APP_PUSH);
        CustomerPreferences smsPerson = new CustomerPreferences("c3", Channel.SMS, null, null, null, false, false, false);
        assertThat(policy.channel(SurveyKind.POST_CHAT, null, smsPerson)).isEqualTo(Channel.IM);
        assertThat(policy.channel(SurveyKind.POST_DELIVERY, null, smsPerson)).isEqualTo(Channel.SMS);
        assertThat(policy.channel(SurveyKind.POST_CHAT, Channel.IM, customer)).isEqualTo(Channel.IM);
    }

    @Test
    void lowScoreIsCsatTwoOrLessOrAnNpsDetractor() {
        SurveyPolicy.LowScoreRule rule = policy.lowScore();
        assertThat(rule.isLow(2, null)).isTrue();
        assertThat(rule.isLow(3, null)).isFalse();
        assertThat(rule.isLow(5, 6)).isTrue();
        assertThat(rule.isLow(4, 7)).isFalse();
    }

    @Test
    void surveyTextFitsOneSmsSegmentWithItsWholeLink() {
        String token = ResponseToken.generate();
        Survey survey = new Survey("svy_1", "delivery:o1", SurveyKind.POST_DELIVERY, SurveyStatus.SCHEDULED, "c1",
                "o1", "o1", null, null, "zh-CN", Channel.SMS, null, null, null, null, null, null, null);
        String body = SurveyMessageText.body(policy, survey, token, false);
        assertThat(body.length()).isLessThanOrEqualTo(Channel.SMS.maxChars());
        assertThat(body).endsWith(policy.linkBase() + token).startsWith("包裹已送达");
    }
}

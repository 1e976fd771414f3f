package io.kefu.shared.domain.care;

import static io.kefu.shared.domain.care.CareFixtures.POLICY;
import static io.kefu.shared.domain.care.CareFixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NoticeGateTest {
    private final NoticeGate gate = new NoticeGate(POLICY);

    @Test
    void optedOutCustomerIsSuppressed() {
        assertThat(gate.suppressed(customer(Channel.SMS, "zh-CN", "Asia/Shanghai", true, false))).isTrue();
        assertThat(gate.suppressed(customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, false))).isFalse();
    }

    @Test
    void lateEveningInShanghaiIsDeferredToEightTheNextMorning() {
        CustomerPreferences shanghai = customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, false);
        // 23:30 Shanghai; quiet hours cross midnight.
        assertThat(gate.quietUntil(shanghai, Instant.parse("2026-11-28T15:30:00Z")))
                .hasValue(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void sameInstantIsDaytimeForACustomerInNewYork() {
        CustomerPreferences newYork = customer(Channel.SMS, "en", "America/New_York", false, false);
        assertThat(gate.quietUntil(newYork, Instant.parse("2026-11-28T15:30:00Z"))).isEmpty();
    }

    @Test
    void afterMidnightIsDeferredToTheSameMorning() {
        CustomerPreferences shanghai = customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, false);
        assertThat(gate.quietUntil(shanghai, Instant.parse("2026-11-28T17:10:00Z"))) // 01:10 on the 29th
                .hasValue(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void capAppliesToOrdinaryCustomersButNotToVipsOrLostParcels() {
        CustomerPreferences ordinary = customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, false);
        CustomerPreferences vip = customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, true);
        assertThat(gate.capApplies(DelayReason.WEATHER, ordinary)).isTrue();
        assertThat(gate.capApplies(DelayReason.WEATHER, vip)).isFalse();
        assertThat(gate.capApplies(DelayReason.LOST, ordinary)).isFalse();
    }

    @Test
    void capWindowEndingAtNightDefersToTheFollowingMorning() {
        CustomerPreferences shanghai = customer(Channel.SMS, "zh-CN", "Asia/Shanghai", false, false);
        // Last message 23:00 Shanghai; the 24 h window ends at 23:00 the next day, inside quiet hours.
        assertThat(gate.capFreeAt(Instant.parse("2026-11-28T15:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        // Last message 10:00 Shanghai: free at 10:00 the next day.
        assertThat(gate.capFreeAt(Instant.parse("2026-11-28T02:00:00Z"), shanghai))
                .isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
    }
}

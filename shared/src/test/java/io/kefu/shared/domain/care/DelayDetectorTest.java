package io.kefu.shared.domain.care;

import static io.kefu.shared.domain.care.CareFixtures.POLICY;
import static io.kefu.shared.domain.care.CareFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DelayDetectorTest {
    private final DelayDetector detector = new DelayDetector(POLICY.detection());
    private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    // Promised 2026-11-28: the promise ends 2026-11-28T16:00Z (midnight Shanghai); threshold 12 h.

    @Test
    void exceptionEventIsADelayWithItsReason() {
        assertThat(detector.detect(event(ShipmentStatus.EXCEPTION, ExceptionCode.WEATHER, "2026-11-28T01:00:00Z", null), NOW))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(DelayReason.WEATHER));
    }

    @Test
    void etaWithinThresholdOfThePromiseIsNotADelay() {
        Instant eta = Instant.parse("2026-11-29T03:59:00Z"); // 11 h 59 min late
        assertThat(detector.detect(event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T01:00:00Z", eta), NOW)).isEmpty();
    }

    @Test
    void etaBeyondThresholdIsAnEtaLateDelayMeasuredInHours() {
        Instant eta = Instant.parse("2026-11-30T16:00:00Z"); // 48 h late
        assertThat(detector.detect(event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T01:00:00Z", eta), NOW))
                .hasValue(new Delay(DelayReason.ETA_LATE, 48, eta));
    }

    @Test
    void deliveredEventIsNeverADelay() {
        Instant eta = Instant.parse("2026-11-30T16:00:00Z");
        assertThat(detector.detect(event(ShipmentStatus.DELIVERED, null, "2026-11-28T01:00:00Z", eta), NOW)).isEmpty();
    }

    @Test
    void inTransitShipmentSilentLongerThanStallHoursIsStalled() {
        Shipment s = Shipment.after(null, event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T01:00:00Z", null), false);
        assertThat(detector.stalled(s, Instant.parse("2026-11-29T12:59:00Z"))).isEmpty();
        assertThat(detector.stalled(s, Instant.parse("2026-11-29T13:00:00Z")))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(DelayReason.STALLED));
    }
}

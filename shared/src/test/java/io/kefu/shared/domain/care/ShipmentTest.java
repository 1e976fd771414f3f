package io.kefu.shared.domain.care;

import static io.kefu.shared.domain.care.CareFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShipmentTest {

    @Test
    void olderEventIsStaleSameEventIsReplayNewerIsNew() {
        Shipment s = Shipment.after(null, event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T10:00:00Z", null), false);
        assertThat(Shipment.arrival(s, event(ShipmentStatus.EXCEPTION, ExceptionCode.WEATHER, "2026-11-28T09:59:59.999Z", null)))
                .isEqualTo(Shipment.Arrival.STALE);
        assertThat(Shipment.arrival(s, event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T10:00:00Z", null)))
                .isEqualTo(Shipment.Arrival.REPLAY);
        assertThat(Shipment.arrival(s, event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T10:00:00.001Z", null)))
                .isEqualTo(Shipment.Arrival.NEW);
    }

    @Test
    void eventKeyOrdersFractionalSecondsCorrectlyAsText() {
        assertThat(ShipmentEvent.eventKey(java.time.Instant.parse("2026-11-28T10:00:00.500Z"), 0))
                .isGreaterThan(ShipmentEvent.eventKey(java.time.Instant.parse("2026-11-28T10:00:00Z"), 0));
    }

    @Test
    void recoveryStartsANewEpisodeSoALaterIncidentIsNew() {
        Shipment s = Shipment.after(null, event(ShipmentStatus.EXCEPTION, ExceptionCode.WEATHER, "2026-11-28T10:00:00Z", null), false);
        Shipment moved = Shipment.after(s, event(ShipmentStatus.IN_TRANSIT, null, "2026-11-28T12:00:00Z", null), true);
        assertThat(new IncidentId("O-1001", DelayReason.LOST, moved.episode()))
                .isNotEqualTo(new IncidentId("O-1001", DelayReason.LOST, s.episode()));
        assertThat(moved.watchedForStall()).isTrue();
        assertThat(s.watchedForStall()).isFalse();
    }

    @Test
    void shardIsStableAndWithinRange() {
        assertThat(Shipment.shard("O-1001", 8)).isBetween(0, 7).isEqualTo(Shipment.shard("O-1001", 8));
    }
}

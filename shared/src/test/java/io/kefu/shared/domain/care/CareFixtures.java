package io.kefu.shared.domain.care;

import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.domain.customer.QuietHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Builders shared by the care unit tests. */
final class CareFixtures {
    static final CarePolicy POLICY = CarePolicyLoader.loadDefault();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private CareFixtures() {}

    static ShipmentEvent event(ShipmentStatus status, ExceptionCode code, String time, Instant eta) {
        return new ShipmentEvent("e-" + time, "O-1001", "C-1", "SF", "SF123", status, code, Instant.parse(time), 0,
                LocalDate.parse("2026-11-28"), eta, "CN-31", 19900L, 1200L);
    }

    static CustomerPreferences customer(Channel channel, String locale, String zone, boolean optOut, boolean vip) {
        return new CustomerPreferences("C-1", channel, locale, ZoneId.of(zone), QuietHours.DEFAULT, optOut, false, vip);
    }

    static CareCase careCase(DelayReason reason, String trackingNo, Instant eta, List<Offer> offers) {
        return new CareCase(new IncidentId("O-1001", reason, 0), "C-1", CaseStatus.NOTICE_PENDING,
                Instant.parse("2026-11-28T02:00:00Z"), "k", 30, eta, "SF", trackingNo, offers, false,
                Instant.parse("2026-11-28T02:00:00Z"), null, null, null, null, null, List.of());
    }
}

package io.kefu.shared.domain.care;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Turns events and silences into delays, by the thresholds of the policy. */
public final class DelayDetector {
    private final CarePolicy.Detection rules;

    public DelayDetector(CarePolicy.Detection rules) {
        this.rules = rules;
    }

    /** An exception event, or an ETA later than the promise by more than the threshold. */
    public Optional<Delay> detect(ShipmentEvent event, Instant now) {
        if (event.status() == ShipmentStatus.EXCEPTION && event.exceptionCode() != null) {
            return Optional.of(new Delay(DelayReason.of(event.exceptionCode()),
                    hoursLate(event.promisedDate(), event.carrierEta(), now), event.carrierEta()));
        }
        if (event.status().inTransit() && etaLate(event.promisedDate(), event.carrierEta())) {
            return Optional.of(new Delay(DelayReason.ETA_LATE,
                    hoursLate(event.promisedDate(), event.carrierEta(), now), event.carrierEta()));
        }
        return Optional.empty();
    }

    /** No scan for {@code stallHours}: the sweep's rule, for a shipment it found in the in-transit index. */
    public Optional<Delay> stalled(Shipment shipment, Instant now) {
        if (!shipment.watchedForStall() || shipment.lastScanAt().isAfter(stallCutoff(now))) {
            return Optional.empty();
        }
        long late = hoursLate(shipment.promisedDate(), shipment.carrierEta(), now);
        return Optional.of(new Delay(DelayReason.STALLED, late, shipment.carrierEta()));
    }

    /** Scans before this instant are too old: the sweep queries the index for "last scan before cutoff". */
    public Instant stallCutoff(Instant now) {
        return now.minus(Duration.ofHours(rules.stallHours()));
    }

    public boolean etaLate(LocalDate promised, Instant eta) {
        if (promised == null || eta == null) {
            return false;
        }
        return eta.isAfter(promiseEnd(promised).plus(Duration.ofHours(rules.etaLateThresholdHours())));
    }

    /** Hours past the promise: by the ETA when known, else by the clock; 0 when not late (yet). */
    public long hoursLate(LocalDate promised, Instant eta, Instant now) {
        if (promised == null) {
            return 0;
        }
        Instant end = promiseEnd(promised);
        Instant reference = eta != null && eta.isAfter(now) ? eta : now;
        return Math.max(0, Duration.between(end, reference).toHours());
    }

    /** A promise for a date holds until that day ends in the promise's zone (China time by default). */
    private Instant promiseEnd(LocalDate promised) {
        return promised.plusDays(1).atStartOfDay(ZoneId.of(rules.promiseZone())).toInstant();
    }
}

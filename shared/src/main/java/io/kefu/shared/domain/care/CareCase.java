package io.kefu.shared.domain.care;

import io.kefu.shared.domain.SortableTime;
import io.kefu.shared.domain.customer.Channel;
import java.time.Instant;
import java.util.List;

/**
 * What was detected on an order and what we did about it: the record a manager reads.
 *
 * @param openedEventKey event key of the shipment state the incident was detected on; only a newer
 *     moving event recovers it
 * @param dueAt when the pending message may be sent (quiet hours, frequency cap)
 * @param deferredReason QUIET_HOURS or FREQUENCY_CAP when the last attempt deferred it
 * @param actions human-readable log, oldest first ("2026-11-28T10:00:00.000Z NOTICE_SENT APP_PUSH")
 */
public record CareCase(
        IncidentId id,
        String customerId,
        CaseStatus status,
        Instant detectedAt,
        String openedEventKey,
        long delayHours,
        Instant newEta,
        String carrier,
        String trackingNo,
        List<Offer> offers,
        boolean vip,
        Instant dueAt,
        String deferredReason,
        Instant notifiedAt,
        Channel channel,
        RecoveryKind recoveryKind,
        Instant closedAt,
        List<String> actions) {

    public CareCase {
        offers = offers == null ? List.of() : List.copyOf(offers);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public static CareCase open(IncidentId id, String customerId, CaseStatus status, Instant now, String openedEventKey,
                                Delay delay, Shipment shipment, List<Offer> offers, boolean vip) {
        return new CareCase(id, customerId, status, now, openedEventKey, delay.delayHours(), delay.newEta(),
                shipment.carrier(), shipment.trackingNo(), offers, vip, now, null, null, null, null, null,
                List.of(action(now, status == CaseStatus.SUPPRESSED_OPT_OUT ? "DETECTED OPTED_OUT" : "DETECTED")));
    }

    public static String action(Instant at, String what) {
        return SortableTime.format(at) + " " + what;
    }
}

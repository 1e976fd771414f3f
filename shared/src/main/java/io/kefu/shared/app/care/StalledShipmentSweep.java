package io.kefu.shared.app.care;

import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.Delay;
import io.kefu.shared.domain.care.DelayDetector;
import io.kefu.shared.domain.care.DelayReason;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled sweep: first the pending messages whose time has come (deferred by quiet hours or
 * the cap, or left pending by a crash), VIP customers' before everyone else's; then stalled
 * shipments, found shard by shard in the sparse in-transit index (never a table scan).
 */
public final class StalledShipmentSweep {
    private final CarePolicy policy;
    private final ShipmentStore shipments;
    private final CareCaseStore cases;
    private final CareNotifier notifier;
    private final DelayDetector detector;
    private final Clock clock;
    private final EventLog log;

    public StalledShipmentSweep(CarePolicy policy, ShipmentStore shipments, CareCaseStore cases, CustomerCap cap,
                                PreferencesSource preferences, CareMessages messages, Clock clock, EventLog log) {
        this.policy = policy;
        this.shipments = shipments;
        this.cases = cases;
        this.notifier = new CareNotifier(policy, cases, cap, preferences, messages);
        this.detector = new DelayDetector(policy.detection());
        this.clock = clock;
        this.log = log;
    }

    public Map<String, Object> run() {
        Instant now = clock.instant();
        Map<String, Object> summary = new LinkedHashMap<>();
        int pendingSeen = 0;
        int deferredSent = 0;
        int deferredAgain = 0;
        for (boolean vip : new boolean[] {true, false}) {
            for (CareCase c : cases.pendingDue(vip, now)) {
                pendingSeen++;
                CareNotifier.Delivery d = notifier.deliver(c, now);
                deferredSent += d == CareNotifier.Delivery.SENT ? 1 : 0;
                deferredAgain += d == CareNotifier.Delivery.DEFERRED ? 1 : 0;
            }
        }
        int stalledFound = 0;
        int noticesSent = 0;
        int noticesDeferred = 0;
        Instant cutoff = detector.stallCutoff(now);
        for (int shard = 0; shard < policy.detection().inTransitShards(); shard++) {
            for (Shipment s : shipments.stalledBefore(shard, cutoff)) {
                stalledFound++;
                CareNotifier.Delivery d = onStalled(s, now);
                noticesSent += d == CareNotifier.Delivery.SENT ? 1 : 0;
                noticesDeferred += d == CareNotifier.Delivery.DEFERRED ? 1 : 0;
            }
        }
        summary.put("pendingSeen", pendingSeen);
        summary.put("deferredSent", deferredSent);
        summary.put("deferredAgain", deferredAgain);
        summary.put("stalledFound", stalledFound);
        summary.put("noticesSent", noticesSent);
        summary.put("noticesDeferred", noticesDeferred);
        log.info("care.sweep", summary);
        return summary;
    }

    /**
     * Case first, then out of the index: a crash in between leaves the shipment in the index, and the
     * next sweep finds the existing case instead of losing the incident.
     */
    private CareNotifier.Delivery onStalled(Shipment s, Instant now) {
        CareNotifier.Delivery delivery = CareNotifier.Delivery.NOT_DUE;
        IncidentId id = new IncidentId(s.orderId(), DelayReason.STALLED, s.episode());
        // Silence only restates a delay another open case already covers.
        boolean covered = cases.forOrder(s.orderId()).stream()
                .anyMatch(c -> c.status().open() && !c.id().equals(id));
        Optional<Delay> delay = detector.stalled(s, now);
        if (delay.isPresent() && !covered) {
            delivery = notifier.openIncident(id, s, delay.get(), s.lastEventKey(), now);
        }
        shipments.unwatch(s.orderId(), s.lastEventKey());
        return delivery;
    }
}

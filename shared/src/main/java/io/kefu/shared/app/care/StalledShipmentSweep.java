package io.kefu.shared.app.care;

import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.Delay;
import io.kefu.shared.domain.care.DelayDetector;
import io.kefu.shared.domain.care.DelayReason;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.effects.Invocation;
import io.kefu.shared.effects.ScheduledBatch;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Duration;
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
    /** Items per index page and run; more carry over to the next run (every 5 minutes). */
    static final int PAGE = 200;
    /** Stop starting items with less than this left of the invocation: one item's calls fit well inside. */
    static final Duration RESERVE = Duration.ofSeconds(5);

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

    /** Without a Lambda context (tests): a full default timeout. */
    public Map<String, Object> run() {
        return run(Invocation.fresh(clock));
    }

    /**
     * One sweep: each pending case and each stalled shipment on its own ({@link ScheduledBatch}): one that
     * fails (a customer's preferences row with an unknown channel, a throttled call) is logged with its id and
     * stays due for the next run, and the others go on. At most {@link #PAGE} items per index page; no new item
     * once less than {@link #RESERVE} of the invocation is left.
     */
    public Map<String, Object> run(Invocation invocation) {
        Instant now = clock.instant();
        ScheduledBatch batch = new ScheduledBatch("care.sweep", invocation, PAGE, RESERVE, clock, log);
        int[] tally = new int[6];
        for (boolean vip : new boolean[] {true, false}) {
            batch.page(limit -> cases.pendingDue(vip, now, limit), c -> c.id().orderId() + "/" + c.id().sortKey(), c -> {
                tally[0]++;
                CareNotifier.Delivery d = notifier.deliver(c, now, invocation);
                tally[1] += d == CareNotifier.Delivery.SENT ? 1 : 0;
                tally[2] += d == CareNotifier.Delivery.DEFERRED ? 1 : 0;
            });
        }
        Instant cutoff = detector.stallCutoff(now);
        for (int shard = 0; shard < policy.detection().inTransitShards(); shard++) {
            int s = shard;
            batch.page(limit -> shipments.stalledBefore(s, cutoff, limit), Shipment::orderId, shipment -> {
                tally[3]++;
                CareNotifier.Delivery d = onStalled(shipment, now, invocation);
                tally[4] += d == CareNotifier.Delivery.SENT ? 1 : 0;
                tally[5] += d == CareNotifier.Delivery.DEFERRED ? 1 : 0;
            });
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("pendingSeen", tally[0]);
        summary.put("deferredSent", tally[1]);
        summary.put("deferredAgain", tally[2]);
        summary.put("stalledFound", tally[3]);
        summary.put("noticesSent", tally[4]);
        summary.put("noticesDeferred", tally[5]);
        summary.putAll(batch.summary());
        log.info("care.sweep", summary);
        return summary;
    }

    /**
     * Case first, then out of the index: a crash in between leaves the shipment in the index, and the
     * next sweep finds the existing case instead of losing the incident.
     */
    private CareNotifier.Delivery onStalled(Shipment s, Instant now, Invocation invocation) {
        CareNotifier.Delivery delivery = CareNotifier.Delivery.NOT_DUE;
        IncidentId id = new IncidentId(s.orderId(), DelayReason.STALLED, s.episode());
        // Silence only restates a delay another open case already covers.
        boolean covered = cases.forOrder(s.orderId()).stream()
                .anyMatch(c -> c.status().open() && !c.id().equals(id));
        Optional<Delay> delay = detector.stalled(s, now);
        if (delay.isPresent() && !covered) {
            delivery = notifier.openIncident(id, s, delay.get(), s.lastEventKey(), now, invocation);
        }
        shipments.unwatch(s.orderId(), s.lastEventKey());
        return delivery;
    }
}

package io.kefu.shared.app.care;

import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.Delay;
import io.kefu.shared.domain.care.DelayDetector;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.care.ShipmentEvent;
import io.kefu.shared.domain.care.ShipmentStatus;
import io.kefu.shared.effects.Invocation;
import io.kefu.shared.effects.PayloadHash;
import io.kefu.shared.effects.Repeat;
import io.kefu.shared.json.InvalidMessageException;
import io.kefu.shared.runtime.EventLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One shipment event: update the shipment state (forward only), then the care effects it implies:
 * open an incident, recover open ones, ask for a post-delivery survey after a delayed delivery.
 *
 * <p>A redelivered event (same time and sequence as the stored state) re-runs only the effects, all
 * idempotent, so a crash after the state write loses nothing. An older event is ignored: it must
 * not overwrite newer state nor raise an incident the parcel has already moved past.
 */
public final class ShipmentEventService {
    private static final int MAX_ATTEMPTS = 3;

    private final ShipmentStore shipments;
    private final CareCaseStore cases;
    private final CareMessages messages;
    private final CareNotifier notifier;
    private final DelayDetector detector;
    private final Clock clock;
    private final EventLog log;

    public ShipmentEventService(CarePolicy policy, ShipmentStore shipments, CareCaseStore cases, CustomerCap cap,
                                PreferencesSource preferences, CareMessages messages, Clock clock, EventLog log) {
        this.shipments = shipments;
        this.cases = cases;
        this.messages = messages;
        this.notifier = new CareNotifier(policy, cases, cap, preferences, messages);
        this.detector = new DelayDetector(policy.detection());
        this.clock = clock;
        this.log = log;
    }

    /** @return what happened, for the log line and tests */
    public String handle(ShipmentEvent event) {
        return handle(event, Invocation.fresh(clock));
    }

    /** @return what happened, for the log line and tests */
    public String handle(ShipmentEvent event, Invocation invocation) {
        String hash = PayloadHash.of(event);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Shipment current = shipments.find(event.orderId()).orElse(null);
            Shipment.Arrival arrival = Shipment.arrival(current, event);
            if (arrival == Shipment.Arrival.STALE) {
                return logged(event, "STALE_IGNORED");
            }
            if (arrival == Shipment.Arrival.REPLAY && Repeat.of(current.lastEventHash(), hash) == Repeat.CONFLICT) {
                // Same time and sequence, other content (two carrier events in one millisecond, or a corrected
                // event resent under the old key): which one is newer is unknowable, so the first one stands.
                log.warn("care.conflicting_duplicate", Map.of("orderId", event.orderId(), "eventKey", event.eventKey(),
                        "eventId", String.valueOf(event.eventId())));
                throw new InvalidMessageException("sequence", "conflicting duplicate: an event with the same eventTime"
                        + " and sequence was already applied to " + event.orderId() + " with different content; give"
                        + " events in the same millisecond distinct sequence numbers");
            }
            List<CareCase> all = cases.forOrder(event.orderId());
            List<CareCase> open = all.stream()
                    .filter(c -> c.status().open() && c.openedEventKey().compareTo(event.eventKey()) <= 0)
                    .toList();
            int episode = current == null ? 0 : current.episode();
            Optional<Delay> delay = detector.detect(event, now);
            Optional<IncidentId> incident = delay
                    .map(d -> new IncidentId(event.orderId(), d.reason(), episode))
                    // A late ETA only restates a delay already being handled; it is not news.
                    .filter(id -> !id.reason().restatesDelay() || open.stream().allMatch(c -> c.id().equals(id)));
            boolean stillLate = delay.isPresent();
            List<CareCase> toRecover = event.status().moving() && !stillLate
                    ? open.stream().filter(c -> c.openedEventKey().compareTo(event.eventKey()) < 0).toList()
                    : List.of();

            Shipment state = current;
            if (arrival == Shipment.Arrival.NEW) {
                state = Shipment.after(current, event, !toRecover.isEmpty(), hash);
                if (!shipments.save(state, current == null ? null : current.lastEventKey())) {
                    continue; // another event for this order won the write: re-read and decide again
                }
            }
            String outcome = arrival == Shipment.Arrival.REPLAY ? "REPLAY" : "APPLIED";
            if (incident.isPresent()) {
                outcome += " INCIDENT_" + incident.get().reason() + " "
                        + notifier.openIncident(incident.get(), state, delay.get(), event.eventKey(), now, invocation);
            }
            if (!toRecover.isEmpty()) {
                RecoveryKind kind = event.status() == ShipmentStatus.DELIVERED ? RecoveryKind.DELIVERED : RecoveryKind.BACK_ON_TRACK;
                outcome += " RECOVERY " + notifier.recover(toRecover, kind, event.carrierEta(), now, invocation);
            }
            if (event.status() == ShipmentStatus.DELIVERED && !all.isEmpty()) {
                requestSurvey(state, event);
                outcome += " SURVEY_REQUESTED";
            }
            return logged(event, outcome);
        }
        throw new IllegalStateException("shipment " + event.orderId() + " kept changing under us; retry later");
    }

    /**
     * Delivered after a delay: ask how it went. The requestId lets the survey side drop repeats, and the request
     * is built from the event alone (no locale or channel: the scheduler takes the customer's), so a redelivered
     * event sends an identical copy, never one its payload hash would call a conflict.
     */
    private void requestSurvey(Shipment state, ShipmentEvent event) {
        messages.requestSurvey(new SurveyRequest(SurveyRequest.VERSION, "delivery:" + event.orderId(), "POST_DELIVERY",
                state.customerId(), event.orderId(), event.orderId(), null, null, null, null, event.eventTime()));
    }

    private String logged(ShipmentEvent event, String outcome) {
        log.info("care.shipment_event", Map.of("orderId", event.orderId(), "status", event.status().name(),
                "eventKey", event.eventKey(), "outcome", outcome));
        return outcome;
    }
}

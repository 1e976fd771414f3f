package io.kefu.shared.app.care;

import io.kefu.shared.contract.CareApprovalRequest;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.domain.care.CarePolicy;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.Delay;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.NoticeGate;
import io.kefu.shared.domain.care.NoticeRenderer;
import io.kefu.shared.domain.care.Offer;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.customer.CustomerPreferences;
import io.kefu.shared.effects.Invocation;
import io.kefu.shared.effects.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Opens care cases and delivers their messages exactly once in effect: record the intent with a
 * deterministic key, pass the gates (opt-out, quiet hours, cap), send with that key, then mark the
 * case. Any step may be repeated by a redelivery or the sweep; conditions on the case status and the
 * gateway's dedupe on messageKey make repeats harmless. Two attempts at the same moment do not both
 * send: just before sending, each claims a send lease on the case (one conditional update) and only
 * the winner sends; the loser returns {@link Delivery#IN_FLIGHT}. The lease ({@link Lease}) ends with the
 * invocation that holds it and moves the case's sweep time to its end, so a winner that dies is finished by
 * the sweep, with the same key, once the lease has run out.
 */
public final class CareNotifier {
    /** What an attempt to deliver a pending message did. */
    public enum Delivery { SENT, DEFERRED, SUPPRESSED, NOT_DUE, IN_FLIGHT }

    private final CarePolicy policy;
    private final CareCaseStore cases;
    private final CustomerCap cap;
    private final PreferencesSource preferences;
    private final CareMessages messages;
    private final NoticeGate gate;
    private final NoticeRenderer renderer;

    public CareNotifier(CarePolicy policy, CareCaseStore cases, CustomerCap cap, PreferencesSource preferences,
                        CareMessages messages) {
        this.policy = policy;
        this.cases = cases;
        this.cap = cap;
        this.preferences = preferences;
        this.messages = messages;
        this.gate = new NoticeGate(policy);
        this.renderer = new NoticeRenderer(policy.templates());
    }

    /** Records the incident once (idempotent) and tries to deliver its notice if it is due. */
    public Delivery openIncident(IncidentId id, Shipment shipment, Delay delay, String openedEventKey, Instant now,
                                 Invocation invocation) {
        CustomerPreferences prefs = preferences.find(shipment.customerId());
        CareCase careCase = cases.find(id).orElse(null);
        if (careCase == null) {
            CaseStatus status = gate.suppressed(prefs) ? CaseStatus.SUPPRESSED_OPT_OUT : CaseStatus.NOTICE_PENDING;
            List<Offer> offers = policy.offersFor(delay.reason(), delay.delayHours(), prefs.vip(),
                    shipment.orderValueCents(), shipment.shippingFeeCents());
            CareCase fresh = CareCase.open(id, shipment.customerId(), status, now, openedEventKey, delay, shipment,
                    offers, prefs.vip());
            careCase = cases.create(fresh, retryAt(now)) ? fresh : cases.find(id).orElseThrow();
        }
        return deliver(careCase, prefs, now, invocation);
    }

    /** Sends (or defers) a pending notice or recovery note; anything else is left alone. */
    public Delivery deliver(CareCase c, Instant now, Invocation invocation) {
        return deliver(c, preferences.find(c.customerId()), now, invocation);
    }

    private Delivery deliver(CareCase c, CustomerPreferences prefs, Instant now, Invocation invocation) {
        if (!c.status().pending() || c.dueAt().isAfter(now)) {
            return c.status() == CaseStatus.SUPPRESSED_OPT_OUT ? Delivery.SUPPRESSED : Delivery.NOT_DUE;
        }
        return c.status() == CaseStatus.NOTICE_PENDING ? deliverNotice(c, prefs, now, invocation)
                : deliverRecovery(c, prefs, now, invocation);
    }

    private Delivery deliverNotice(CareCase c, CustomerPreferences prefs, Instant now, Invocation invocation) {
        IncidentId id = c.id();
        if (gate.suppressed(prefs)) {
            // Opted out after the case was recorded: keep the record, send nothing.
            cases.transition(id, CaseStatus.NOTICE_PENDING, CaseStatus.SUPPRESSED_OPT_OUT, now, "OPTED_OUT");
            return Delivery.SUPPRESSED;
        }
        Optional<Instant> quiet = gate.quietUntil(prefs, now);
        if (quiet.isPresent()) {
            cases.defer(id, CaseStatus.NOTICE_PENDING, quiet.get(), "QUIET_HOURS", now);
            return Delivery.DEFERRED;
        }
        if (gate.capApplies(id.reason(), prefs)) {
            CustomerCap.Claim claim = cap.claim(c.customerId(), id.noticeKey(), now, gate.capWindow());
            if (!claim.granted()) {
                cases.defer(id, CaseStatus.NOTICE_PENDING, gate.capFreeAt(claim.lastProactiveAt(), prefs),
                        "FREQUENCY_CAP", now);
                return Delivery.DEFERRED;
            }
        }
        boolean won = sendUnderLease(id, CaseStatus.NOTICE_PENDING, now, invocation, () -> {
            for (Offer offer : c.offers()) {
                if (offer.needsApproval()) {
                    messages.requestApproval(new CareApprovalRequest(CareApprovalRequest.VERSION,
                            id.approvalKey() + ":" + offer.type(), id.orderId(), c.customerId(), id.sortKey(),
                            id.reason().name(), offer.type().name(), offer.valueCents(), offer.rule(), c.vip(), now));
                }
            }
            String locale = NoticeRenderer.locale(prefs);
            String body = renderer.notice(c, locale, prefs.channel(), prefs.zone());
            messages.send(new OutboundMessage(OutboundMessage.VERSION, id.noticeKey(), "CARE_NOTICE", c.customerId(),
                    prefs.channel(), locale, body, id.orderId(), now));
            cases.markNotified(id, now, prefs.channel(), "NOTICE_SENT " + prefs.channel() + offersAction(c));
        });
        return won ? Delivery.SENT : Delivery.IN_FLIGHT;
    }

    private Delivery deliverRecovery(CareCase c, CustomerPreferences prefs, Instant now, Invocation invocation) {
        IncidentId id = c.id();
        if (gate.suppressed(prefs)) {
            cases.transition(id, CaseStatus.RECOVERY_PENDING, CaseStatus.RECOVERED, now, "RECOVERED NO_NOTE_OPTED_OUT");
            return Delivery.SUPPRESSED;
        }
        Optional<Instant> quiet = gate.quietUntil(prefs, now);
        if (quiet.isPresent()) {
            cases.defer(id, CaseStatus.RECOVERY_PENDING, quiet.get(), "QUIET_HOURS", now);
            return Delivery.DEFERRED;
        }
        // No cap: the note follows up a notice the customer already got, about the same incident.
        RecoveryKind kind = c.recoveryKind() == null ? RecoveryKind.BACK_ON_TRACK : c.recoveryKind();
        boolean won = sendUnderLease(id, CaseStatus.RECOVERY_PENDING, now, invocation, () -> {
            String locale = NoticeRenderer.locale(prefs);
            String body = renderer.recovery(c, kind, locale, prefs.channel(), prefs.zone());
            messages.send(new OutboundMessage(OutboundMessage.VERSION, id.recoveryKey(), "CARE_RECOVERY",
                    c.customerId(), prefs.channel(), locale, body, id.orderId(), now));
            cases.transition(id, CaseStatus.RECOVERY_PENDING, CaseStatus.RECOVERED, now,
                    "RECOVERY_SENT " + kind + " " + prefs.channel());
        });
        return won ? Delivery.SENT : Delivery.IN_FLIGHT;
    }

    /**
     * The parcel moves again (or arrived): close the order's open cases. One note per recovery: the
     * most recently notified case carries it; the others close silently. A notice that never went
     * out (still deferred) is withdrawn: the customer never knew of the delay.
     */
    public Delivery recover(List<CareCase> open, RecoveryKind kind, Instant newEta, Instant now, Invocation invocation) {
        if (open.isEmpty()) {
            return Delivery.NOT_DUE;
        }
        CareCase lead = open.stream()
                .filter(c -> c.status() == CaseStatus.RECOVERY_PENDING || c.status() == CaseStatus.NOTIFIED)
                .max(Comparator.comparing((CareCase c) -> c.status() == CaseStatus.RECOVERY_PENDING)
                        .thenComparing(c -> c.notifiedAt() == null ? Instant.MIN : c.notifiedAt())
                        .thenComparing(c -> c.id().sortKey()))
                .orElse(null);
        // Close the others first: if we crash after the lead's note, nothing is left to pick a second lead.
        for (CareCase c : open) {
            if (c != lead) {
                closeSilently(c, lead, now);
            }
        }
        if (lead == null) {
            return Delivery.NOT_DUE;
        }
        if (!policy.sending().recoveryNote()) {
            cases.transition(lead.id(), lead.status(), CaseStatus.RECOVERED, now, "RECOVERED " + kind + " NO_NOTE_BY_POLICY");
            return Delivery.NOT_DUE;
        }
        if (lead.status() == CaseStatus.NOTIFIED) {
            Instant eta = newEta != null ? newEta : lead.newEta();
            if (!cases.startRecovery(lead.id(), kind, eta, now, retryAt(now))) {
                return Delivery.NOT_DUE; // someone else moved it on; their attempt sends the note
            }
            lead = cases.find(lead.id()).orElseThrow();
        }
        return deliver(lead, now, invocation);
    }

    private void closeSilently(CareCase c, CareCase lead, Instant now) {
        switch (c.status()) {
            case NOTICE_PENDING -> cases.transition(c.id(), c.status(), CaseStatus.RESOLVED_BEFORE_NOTICE, now,
                    "RESOLVED_BEFORE_NOTICE");
            case SUPPRESSED_OPT_OUT -> cases.transition(c.id(), c.status(), CaseStatus.CLOSED, now, "CLOSED RECOVERED");
            case NOTIFIED, RECOVERY_PENDING -> cases.transition(c.id(), c.status(), CaseStatus.CLOSED, now,
                    "CLOSED COVERED_BY " + (lead == null ? "-" : lead.id().sortKey()));
            default -> { }
        }
    }

    /**
     * Runs {@code sendAndMark} (send, then the status change that drops the lease) only if this attempt
     * wins the send lease; false when another attempt holds an unexpired lease (or already moved the case
     * on). The lease ends with the invocation. If a call fails with an exception the lease
     * is handed back, so the SQS retry can finish at once with the same key; if the process dies instead,
     * the lease simply runs out and the sweep finishes with the same key.
     */
    private boolean sendUnderLease(IncidentId id, CaseStatus expected, Instant now, Invocation invocation,
                                   Runnable sendAndMark) {
        return invocation.lease(now).run(lease -> cases.claimSend(id, expected, now, lease), sendAndMark,
                lease -> cases.releaseSend(id, lease));
    }

    private Instant retryAt(Instant now) {
        return now.plus(Duration.ofMinutes(policy.sending().pendingRetryMinutes()));
    }

    private static String offersAction(CareCase c) {
        StringBuilder out = new StringBuilder();
        for (Offer offer : c.offers()) {
            out.append(offer.needsApproval() ? " APPROVAL_REQUESTED:" : " OFFERED:").append(offer.type())
                    .append('=').append(offer.valueCents());
        }
        return out.toString();
    }
}

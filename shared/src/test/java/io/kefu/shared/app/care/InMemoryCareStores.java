package io.kefu.shared.app.care;

import io.kefu.shared.contract.CareApprovalRequest;
import io.kefu.shared.contract.OutboundMessage;
import io.kefu.shared.contract.SurveyRequest;
import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.care.Shipment;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.domain.customer.CustomerPreferences;
import java.time.Duration;
import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port fakes with the same conditional semantics as the DynamoDB adapters, for server-free tests. */
final class InMemoryCareStores {
    private InMemoryCareStores() {}

    static final class Shipments implements ShipmentStore {
        final Map<String, Shipment> items = new HashMap<>();
        final Map<String, Boolean> watched = new HashMap<>();
        /** Another writer sneaks this event in just before our next save (a concurrent Lambda). */
        Shipment racingWrite;

        @Override public Optional<Shipment> find(String orderId) {
            return Optional.ofNullable(items.get(orderId));
        }

        @Override public boolean save(Shipment next, String expectedEventKey) {
            if (racingWrite != null) {
                items.put(racingWrite.orderId(), racingWrite);
                racingWrite = null;
            }
            Shipment current = items.get(next.orderId());
            String stored = current == null ? null : current.lastEventKey();
            if (!java.util.Objects.equals(stored, expectedEventKey)) {
                return false;
            }
            items.put(next.orderId(), next);
            watched.put(next.orderId(), next.watchedForStall());
            return true;
        }

        @Override public List<Shipment> stalledBefore(int shard, Instant cutoff, int limit) {
            return items.values().stream()
                    .filter(s -> watched.getOrDefault(s.orderId(), false))
                    .filter(s -> Shipment.shard(s.orderId(), 8) == shard && s.lastScanAt().isBefore(cutoff))
                    .sorted(Comparator.comparing(Shipment::lastScanAt))
                    .limit(limit)
                    .toList();
        }

        @Override public boolean unwatch(String orderId, String expectedEventKey) {
            Shipment s = items.get(orderId);
            if (s == null || !s.lastEventKey().equals(expectedEventKey)) {
                return false;
            }
            watched.put(orderId, false);
            return true;
        }
    }

    static final class Cases implements CareCaseStore {
        final Map<IncidentId, CareCase> items = new LinkedHashMap<>();
        final Map<IncidentId, Instant> sweepAt = new HashMap<>();
        /** Send leases: lease end per case (cleared by any status change), and who holds it. */
        final Map<IncidentId, Instant> leaseUntil = new HashMap<>();
        final Map<IncidentId, String> leaseOwner = new HashMap<>();

        @Override public Optional<CareCase> find(IncidentId id) {
            return Optional.ofNullable(items.get(id));
        }

        @Override public boolean create(CareCase c, Instant sweep) {
            if (items.containsKey(c.id())) {
                return false;
            }
            items.put(c.id(), c);
            if (c.status().pending()) {
                sweepAt.put(c.id(), sweep);
            }
            return true;
        }

        @Override public List<CareCase> forOrder(String orderId) {
            return items.values().stream().filter(c -> c.id().orderId().equals(orderId)).toList();
        }

        @Override public List<CareCase> pendingDue(boolean vip, Instant now, int limit) {
            return items.values().stream()
                    .filter(c -> c.vip() == vip && sweepAt.containsKey(c.id()) && !sweepAt.get(c.id()).isAfter(now))
                    .sorted(Comparator.comparing(c -> sweepAt.get(c.id())))
                    .limit(limit)
                    .toList();
        }

        @Override public synchronized boolean claimSend(IncidentId id, CaseStatus expected, Instant now, Lease lease) {
            Instant until = lease.until();
            String owner = lease.owner();
            CareCase c = items.get(id);
            Instant held = leaseUntil.get(id);
            if (c == null || c.status() != expected || (held != null && !held.isBefore(now))) {
                return false;
            }
            leaseUntil.put(id, until);
            leaseOwner.put(id, owner);
            sweepAt.put(id, until);
            return true;
        }

        @Override public synchronized void releaseSend(IncidentId id, Lease lease) {
            if (lease.owner().equals(leaseOwner.get(id))) {
                leaseUntil.remove(id);
                leaseOwner.remove(id);
            }
        }

        /** The next markNotified calls fail as the process would if it stopped there (after the send). */
        int failNextMarks;

        @Override public boolean markNotified(IncidentId id, Instant at, Channel channel, String action) {
            if (failNextMarks > 0) {
                failNextMarks--;
                throw new IllegalStateException("simulated crash after the send");
            }
            CareCase c = items.get(id);
            if (c == null || c.status() != CaseStatus.NOTICE_PENDING) {
                return false;
            }
            put(copy(c, CaseStatus.NOTIFIED, c.dueAt(), c.deferredReason(), at, channel, c.recoveryKind(), c.newEta(),
                    c.closedAt(), at, action));
            return true;
        }

        @Override public boolean defer(IncidentId id, CaseStatus expected, Instant until, String why, Instant now) {
            CareCase c = items.get(id);
            if (c == null || c.status() != expected) {
                return false;
            }
            put(copy(c, expected, until, why, c.notifiedAt(), c.channel(), c.recoveryKind(), c.newEta(), c.closedAt(),
                    now, "DEFERRED " + why + " UNTIL " + until));
            sweepAt.put(id, until);
            return true;
        }

        @Override public boolean startRecovery(IncidentId id, RecoveryKind kind, Instant eta, Instant now, Instant sweep) {
            CareCase c = items.get(id);
            if (c == null || c.status() != CaseStatus.NOTIFIED) {
                return false;
            }
            put(copy(c, CaseStatus.RECOVERY_PENDING, now, null, c.notifiedAt(), c.channel(), kind, eta, c.closedAt(),
                    now, "RECOVERY_STARTED " + kind));
            sweepAt.put(id, sweep);
            return true;
        }

        @Override public boolean transition(IncidentId id, CaseStatus expected, CaseStatus next, Instant now, String action) {
            CareCase c = items.get(id);
            if (c == null || c.status() != expected) {
                return false;
            }
            put(copy(c, next, c.dueAt(), c.deferredReason(), c.notifiedAt(), c.channel(), c.recoveryKind(), c.newEta(),
                    next.open() ? null : now, now, action));
            return true;
        }

        private void put(CareCase c) {
            CareCase before = items.put(c.id(), c);
            if (before != null && before.status() != c.status()) {
                leaseUntil.remove(c.id());
                leaseOwner.remove(c.id());
            }
            if (!c.status().pending()) {
                sweepAt.remove(c.id());
            }
        }

        private static CareCase copy(CareCase c, CaseStatus status, Instant dueAt, String why, Instant notifiedAt,
                                     Channel channel, RecoveryKind kind, Instant eta, Instant closedAt, Instant now,
                                     String action) {
            List<String> actions = new ArrayList<>(c.actions());
            actions.add(CareCase.action(now, action));
            return new CareCase(c.id(), c.customerId(), status, c.detectedAt(), c.openedEventKey(), c.delayHours(), eta,
                    c.carrier(), c.trackingNo(), c.offers(), c.vip(), dueAt, why, notifiedAt, channel, kind, closedAt,
                    actions);
        }
    }

    static final class Cap implements CustomerCap {
        final Map<String, Instant> lastAt = new HashMap<>();
        final Map<String, String> lastKey = new HashMap<>();

        @Override public Claim claim(String customerId, String messageKey, Instant now, Duration window) {
            if (messageKey.equals(lastKey.get(customerId))) {
                return new Claim(true, lastAt.get(customerId));
            }
            Instant last = lastAt.get(customerId);
            if (last != null && last.isAfter(now.minus(window))) {
                return new Claim(false, last);
            }
            lastAt.put(customerId, now);
            lastKey.put(customerId, messageKey);
            return new Claim(true, now);
        }
    }

    static final class Messages implements CareMessages {
        final List<OutboundMessage> sent = new ArrayList<>();
        final List<CareApprovalRequest> approvals = new ArrayList<>();
        final List<SurveyRequest> surveys = new ArrayList<>();
        int failNextSends;
        /** Runs once inside the next send, before it completes: another worker acting at that very moment. */
        Runnable duringNextSend;

        @Override public void send(OutboundMessage message) {
            if (failNextSends > 0) {
                failNextSends--;
                throw new IllegalStateException("simulated crash before the send");
            }
            Runnable racer = duringNextSend;
            duringNextSend = null;
            if (racer != null) {
                racer.run();
            }
            sent.add(message);
        }

        @Override public void requestApproval(CareApprovalRequest request) {
            approvals.add(request);
        }

        @Override public void requestSurvey(SurveyRequest request) {
            surveys.add(request);
        }

        /** What the gateway delivers: one message per key. */
        List<OutboundMessage> delivered() {
            Map<String, OutboundMessage> byKey = new LinkedHashMap<>();
            sent.forEach(m -> byKey.putIfAbsent(m.messageKey(), m));
            return List.copyOf(byKey.values());
        }
    }

    static final class Preferences implements PreferencesSource {
        final Map<String, CustomerPreferences> items = new HashMap<>();

        @Override public CustomerPreferences find(String customerId) {
            return items.getOrDefault(customerId, CustomerPreferences.defaults(customerId));
        }
    }
}

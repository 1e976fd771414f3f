package io.kefu.shared.app.care;

import io.kefu.shared.domain.care.CareCase;
import io.kefu.shared.domain.care.CaseStatus;
import io.kefu.shared.domain.care.IncidentId;
import io.kefu.shared.domain.care.RecoveryKind;
import io.kefu.shared.domain.customer.Channel;
import io.kefu.shared.effects.Lease;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Care cases. Every change is a single-item write conditioned on the status the caller read, so two
 * workers (a redelivery and the sweep) cannot both move a case forward.
 *
 * <p>{@code sweepAt} is the case's position in the PendingByDueTime index: when the sweep should
 * (re)try its pending message. For a message due now it lies a few minutes ahead, so the sweep only
 * picks it up if the sender crashed.
 */
public interface CareCaseStore {
    Optional<CareCase> find(IncidentId id);

    /** Creates the case unless it exists; false when it already did. */
    boolean create(CareCase careCase, Instant sweepAt);

    List<CareCase> forOrder(String orderId);

    /**
     * Pending cases (notice or recovery) whose sweep time has come, oldest first, at most {@code limit}; VIP
     * customers' partition or the rest.
     */
    List<CareCase> pendingDue(boolean vip, Instant now, int limit);

    /**
     * Claims the send lease: only if the status is still {@code expected} and no other attempt holds an
     * unexpired lease (one whose deadline is not before {@code now}). Sets the lease and moves the case's
     * sweep time to its deadline, so a crashed sender is retried when it ends. A status change (notified,
     * recovered, closed...) clears the lease. False: another attempt is sending.
     */
    boolean claimSend(IncidentId id, CaseStatus expected, Instant now, Lease lease);

    /** Hands back a lease this attempt holds (its send failed); a no-op if its owner no longer holds it. */
    void releaseSend(IncidentId id, Lease lease);

    boolean markNotified(IncidentId id, Instant at, Channel channel, String action);

    /** Keeps the case pending with a later due time (quiet hours, frequency cap). */
    boolean defer(IncidentId id, CaseStatus expected, Instant until, String why, Instant now);

    /** NOTIFIED -> RECOVERY_PENDING, recording the kind of note and the new ETA. */
    boolean startRecovery(IncidentId id, RecoveryKind kind, Instant newEta, Instant now, Instant sweepAt);

    /** Moves to a status that leaves the pending index (closed, suppressed, notified elsewhere). */
    boolean transition(IncidentId id, CaseStatus expected, CaseStatus next, Instant now, String action);
}

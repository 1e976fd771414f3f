package io.kefu.shared.contract;

import java.time.Instant;

/**
 * An offer above the policy's value limit, waiting for an agent on the care-approvals queue
 * (docs/events.md, "Care approvals"). {@code approvalKey} is deterministic per incident and offer,
 * so the approval tool drops a resend.
 *
 * @param caseId the care case sort key under pk ORDER#orderId, e.g. INCIDENT#LOST#0
 * @param valueCents the offer's value in fen; 0 when unknown (no order value in the event)
 */
public record CareApprovalRequest(
        int schemaVersion,
        String approvalKey,
        String orderId,
        String customerId,
        String caseId,
        String reason,
        String offerType,
        long valueCents,
        String rule,
        boolean vip,
        Instant requestedAt) {

    public static final int VERSION = 1;
}
